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

import dev.retort.migration.dialect.DatabaseLock;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.LockTimeoutException;

/**
 * SQLite's database write lock, taken per step with {@code BEGIN IMMEDIATE} and released
 * by its commit or rollback. SQLite has no session lock, so the migrator re-reads the
 * version table inside every step's transaction.
 */
public class SqliteWriteLock implements DatabaseLock {

	private static final int SQLITE_BUSY = 5;

	private final Dialect dialect;

	/** Connections whose foreign-key enforcement a step turned off, to turn back on. */
	private final Set<Connection> enforcementPaused = Collections.newSetFromMap(new WeakHashMap<>());

	/**
	 * Whether a connection enforces foreign keys, read once per run: the pragma cannot
	 * change inside the step transactions, and between them only this lock changes it.
	 */
	private final Map<Connection, Boolean> enforcing = new WeakHashMap<>();

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
			return (restored) -> {
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
			statement.execute("BEGIN IMMEDIATE");
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

}
