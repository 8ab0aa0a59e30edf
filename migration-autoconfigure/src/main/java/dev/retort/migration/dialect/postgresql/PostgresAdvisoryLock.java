package dev.retort.migration.dialect.postgresql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.zip.CRC32;

import dev.retort.migration.dialect.DatabaseLock;
import dev.retort.migration.dialect.LockTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * PostgreSQL's session-level advisory lock, held on the migrating connection for the
 * whole run; the server releases it when the connection ends, so it cannot go stale.
 * While it is held the server checks every second that the client is still there
 * ({@code client_connection_check_interval}, PostgreSQL 14 and later), so that a migrator
 * killed in the middle of a long statement frees the lock within a second instead of when
 * the statement ends.
 */
public class PostgresAdvisoryLock implements DatabaseLock {

	private static final Log logger = LogFactory.getLog(PostgresAdvisoryLock.class);

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final String QUERY_CANCELED = "57014";

	private static final String INVALID_PARAMETER_VALUE = "22023";

	private static final String CLIENT_CHECK_INTERVAL = "1s";

	private final long key;

	private final String versionTable;

	/** Connections on which this lock turned the client check on, to turn it off. */
	private final Set<Connection> watched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	public PostgresAdvisoryLock(String versionTable) {
		this.versionTable = versionTable;
		CRC32 crc = new CRC32();
		crc.update(("retort:" + versionTable).getBytes(StandardCharsets.UTF_8));
		// a fixed prefix in the high bits keeps the key apart from other applications'
		this.key = (0x5265746fL << 32) | crc.getValue();
	}

	/** The advisory lock key, as {@code pg_locks} shows it (classid/objid). */
	public long key() {
		return this.key;
	}

	@Override
	public boolean heldForRun() {
		return true;
	}

	@Override
	public void lockRun(Connection connection, Duration timeout) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String lockTimeout;
			try (ResultSet result = statement.executeQuery("SELECT current_setting('lock_timeout'), "
					+ "current_setting('client_connection_check_interval', true)")) {
				result.next();
				lockTimeout = result.getString(1);
				if ("0".equals(result.getString(2))) {
					watchClient(connection, statement);
				}
			}
			if (tryLock(connection)) {
				return;
			}
			logger.warn("Waiting up to " + DatabaseLock.describe(timeout) + " for the migration lock on "
					+ DatabaseLock.describe(connection) + ": another process is migrating this database ("
					+ holders(connection) + "advisory lock " + this.key + " for table " + this.versionTable
					+ "). This run goes on once it finishes.");
			statement.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
				lock.setLong(1, this.key);
				lock.execute();
			}
			catch (SQLException ex) {
				try {
					stopWatchingClient(connection);
				}
				catch (SQLException restoring) {
					ex.addSuppressed(restoring);
				}
				if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState()) || QUERY_CANCELED.equals(ex.getSQLState())) {
					throw new LockTimeoutException("Timed out after " + DatabaseLock.describe(timeout)
							+ " waiting for the migration lock on " + DatabaseLock.describe(connection)
							+ " (advisory lock " + this.key + " for table " + this.versionTable
							+ "): another process is migrating this database. "
							+ "Let it finish and try again; to find it, look in pg_locks for locktype 'advisory' "
							+ "(pg_stat_activity shows its pid); raise migrations.lock-timeout if migrations take longer.",
							ex);
				}
				throw ex;
			}
			finally {
				// the application's own setting, not the server default: the connection
				// may
				// be pooled
				try (PreparedStatement restore = connection
					.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
					restore.setString(1, lockTimeout);
					restore.execute();
				}
			}
		}
	}

	/** Takes the lock if it is free, without waiting. */
	private boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, this.key);
			try (ResultSet result = lock.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/**
	 * The server processes holding the lock, as {@code pid 123, }, for the wait's log
	 * line.
	 */
	private String holders(Connection connection) throws SQLException {
		StringBuilder holders = new StringBuilder();
		try (PreparedStatement query = connection.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = "
				+ "'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = ? ORDER BY pid")) {
			query.setLong(1, this.key);
			try (ResultSet pids = query.executeQuery()) {
				while (pids.next()) {
					holders.append(holders.isEmpty() ? "server process " : ", ").append(pids.getInt(1));
				}
			}
		}
		return holders.isEmpty() ? "" : holders.append(" in pg_stat_activity; ").toString();
	}

	/**
	 * Has the server check the client every second while it runs statements; where the
	 * platform cannot, the server refuses and nothing changes.
	 */
	private void watchClient(Connection connection, Statement statement) throws SQLException {
		try {
			statement.execute("SET client_connection_check_interval = '" + CLIENT_CHECK_INTERVAL + "'");
			this.watched.add(connection);
		}
		catch (SQLException ex) {
			if (!INVALID_PARAMETER_VALUE.equals(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	/** Puts back the application's setting: the connection may be pooled. */
	private void stopWatchingClient(Connection connection) throws SQLException {
		if (this.watched.remove(connection)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET client_connection_check_interval = 0");
			}
		}
	}

	@Override
	public void unlockRun(Connection connection) throws SQLException {
		try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			unlock.setLong(1, this.key);
			try (ResultSet result = unlock.executeQuery()) {
				if (!result.next() || !result.getBoolean(1)) {
					throw new SQLException("advisory lock " + this.key + " was not held by this connection");
				}
			}
		}
		finally {
			stopWatchingClient(connection);
		}
	}

	@Override
	public void begin(Connection connection, Duration timeout) throws SQLException {
		connection.setAutoCommit(false);
	}

	@Override
	public void commit(Connection connection) throws SQLException {
		connection.commit();
		connection.setAutoCommit(true);
	}

	@Override
	public void rollback(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

}
