package dev.retort.migration.dialect.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.retort.migration.dialect.DatabaseLock;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.LockTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import static java.time.temporal.ChronoUnit.SECONDS;

/**
 * SQLite's database write lock, taken per step with {@code BEGIN IMMEDIATE} and released
 * by its commit or rollback. SQLite has no session lock, so the migrator re-reads the
 * version table inside every step's transaction.
 */
public class SqliteWriteLock implements DatabaseLock {

	private static final int SQLITE_BUSY = 5;

	/** How long a wait for the write lock goes unmentioned. */
	private static final Duration QUIET_WAIT = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(SqliteWriteLock.class);

	private final Dialect dialect;

	/** Connections whose foreign-key enforcement a step turned off, to turn back on. */
	private final Set<Connection> enforcementPaused = Collections.newSetFromMap(new WeakHashMap<>());

	/**
	 * Whether a connection enforces foreign keys, read once per run: the pragma cannot
	 * change inside the step transactions, and between them only this lock changes it.
	 */
	private final Map<Connection, Boolean> enforcing = new WeakHashMap<>();

	/**
	 * The waits of the sessions under way whose lock timeout is long enough to tell of.
	 */
	private final Map<Connection, LockWait> waits = new WeakHashMap<>();

	public SqliteWriteLock(Dialect dialect) {
		this.dialect = dialect;
	}

	@Override
	public boolean heldForRun() {
		return false;
	}

	@Override
	public SessionRestore prepare(Connection connection, Duration timeout) throws SQLException {
		synchronized (this.enforcing) {
			// a pooled connection may come back with different settings
			this.enforcing.remove(connection);
		}
		try (Statement statement = connection.createStatement()) {
			String busyTimeout;
			try (ResultSet result = statement.executeQuery("PRAGMA busy_timeout")) {
				busyTimeout = result.next() ? result.getString(1) : "0";
			}
			statement.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
			LockWait wait = (timeout.compareTo(QUIET_WAIT) > 0) ? new LockWait(connection, timeout) : null;
			if (wait != null) {
				synchronized (this.waits) {
					this.waits.put(connection, wait);
				}
			}
			return (restored) -> {
				if (wait != null) {
					wait.stop();
					synchronized (this.waits) {
						this.waits.remove(restored);
					}
				}
				try (Statement restore = restored.createStatement()) {
					restore.execute("PRAGMA busy_timeout = " + Integer.parseInt(busyTimeout.strip()));
				}
			};
		}
	}

	@Override
	public void lockRun(Connection connection, Duration timeout) {
	}

	@Override
	public void unlockRun(Connection connection) {
	}

	@Override
	public void begin(Connection connection, Duration timeout) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// a table rebuild must not cascade its DROP TABLE: enforcement off, outside
			// the transaction
			if (enforcesForeignKeys(connection, statement)) {
				for (String sql : this.dialect.beforeTransaction()) {
					statement.execute(sql);
				}
				synchronized (this.enforcementPaused) {
					this.enforcementPaused.add(connection);
				}
			}
			beginImmediate(connection, statement);
		}
		catch (SQLException ex) {
			resumeEnforcement(connection);
			if ((ex.getErrorCode() & 0xff) == SQLITE_BUSY || String.valueOf(ex.getMessage()).contains("SQLITE_BUSY")) {
				throw new LockTimeoutException("Timed out after " + DatabaseLock.describe(timeout)
						+ " waiting for the write lock on " + DatabaseLock.describe(connection)
						+ ": another process is migrating or writing to this "
						+ "database. Let it finish and try again, or raise migrations.lock-timeout.", ex);
			}
			throw ex;
		}
	}

	/**
	 * Takes the write lock, waiting up to the busy timeout {@link #prepare} set, and
	 * telling of a wait that lasts (SQLite itself waits silently).
	 */
	private void beginImmediate(Connection connection, Statement statement) throws SQLException {
		LockWait wait;
		synchronized (this.waits) {
			wait = this.waits.get(connection);
		}
		if (wait == null) {
			statement.execute("BEGIN IMMEDIATE");
			return;
		}
		wait.started();
		try {
			statement.execute("BEGIN IMMEDIATE");
		}
		finally {
			wait.ended();
		}
	}

	@Override
	public void commit(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("COMMIT");
		}
		resumeEnforcement(connection);
	}

	private boolean enforcesForeignKeys(Connection connection, Statement statement) throws SQLException {
		synchronized (this.enforcing) {
			Boolean known = this.enforcing.get(connection);
			if (known != null) {
				return known;
			}
		}
		try (ResultSet result = statement.executeQuery("PRAGMA foreign_keys")) {
			boolean enforces = result.next() && result.getInt(1) == 1;
			synchronized (this.enforcing) {
				this.enforcing.put(connection, enforces);
			}
			return enforces;
		}
	}

	private void resumeEnforcement(Connection connection) throws SQLException {
		synchronized (this.enforcementPaused) {
			if (!this.enforcementPaused.remove(connection)) {
				return;
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.dialect.afterTransaction()) {
				statement.execute(sql);
			}
		}
	}

	@Override
	public void rollback(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ROLLBACK");
		}
		catch (SQLException ex) {
			// a failed COMMIT or a statement error may already have ended the transaction
			if (!String.valueOf(ex.getMessage()).contains("no transaction is active")) {
				throw ex;
			}
		}
		finally {
			resumeEnforcement(connection);
		}
	}

	/**
	 * One session's waits for the write lock: a wait longer than a moment is logged while
	 * it lasts (for another migrator's step, or a write transaction a database tool keeps
	 * open), checked twice a second from a thread of its own while the session lasts.
	 */
	private static final class LockWait implements Runnable {

		private static final ScheduledThreadPoolExecutor WATCH = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "retort-sqlite-lock-watch");
			thread.setDaemon(true);
			return thread;
		});

		static {
			WATCH.setRemoveOnCancelPolicy(true);
		}

		private final Connection connection;

		private final Duration timeout;

		/** When the wait under way began, or 0. */
		private long since;

		private boolean told;

		private ScheduledFuture<?> checks;

		LockWait(Connection connection, Duration timeout) {
			this.connection = connection;
			this.timeout = timeout;
		}

		synchronized void started() {
			if (this.checks == null) {
				this.checks = WATCH.scheduleWithFixedDelay(this, 500, 500, TimeUnit.MILLISECONDS);
			}
			this.since = System.nanoTime();
		}

		synchronized void ended() {
			if (this.told) {
				logger.info("Got the write lock on " + DatabaseLock.describe(this.connection) + " after "
						+ DatabaseLock.describe(Duration.ofNanos(System.nanoTime() - this.since).truncatedTo(SECONDS))
						+ ".");
			}
			this.since = 0;
			this.told = false;
		}

		@Override
		public synchronized void run() {
			if (this.since != 0 && !this.told && System.nanoTime() - this.since >= QUIET_WAIT.toNanos()) {
				this.told = true;
				logger.warn("Waiting up to " + DatabaseLock.describe(this.timeout)
						+ " (migrations.lock-timeout) for the write lock on " + DatabaseLock.describe(this.connection)
						+ ": another process is migrating or writing to this database, or keeps a write transaction "
						+ "open (a database tool, say). This run goes on once it is released.");
			}
		}

		synchronized void stop() {
			if (this.checks != null) {
				this.checks.cancel(false);
			}
		}

	}

}
