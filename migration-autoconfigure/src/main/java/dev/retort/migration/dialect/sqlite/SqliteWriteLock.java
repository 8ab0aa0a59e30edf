package dev.retort.migration.dialect.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.retort.migration.dialect.DatabaseLock;
import dev.retort.migration.dialect.LockTimeoutException;

/**
 * SQLite's database write lock, taken per step with {@code BEGIN IMMEDIATE} and released
 * by its commit or rollback. SQLite has no session lock, so the migrator re-reads the
 * version table inside every step's transaction.
 */
public class SqliteWriteLock implements DatabaseLock {

	private static final int SQLITE_BUSY = 5;

	@Override
	public boolean heldForRun() {
		return false;
	}

	@Override
	public void prepare(Connection connection, Duration timeout) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
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
			statement.execute("BEGIN IMMEDIATE");
		}
		catch (SQLException ex) {
			if ((ex.getErrorCode() & 0xff) == SQLITE_BUSY || String.valueOf(ex.getMessage()).contains("SQLITE_BUSY")) {
				throw new LockTimeoutException("Timed out after " + timeout + " waiting for the write lock on "
						+ DatabaseLock.describe(connection) + ": another process is migrating or writing to this "
						+ "database. Let it finish and try again, or raise the lock timeout.", ex);
			}
			throw ex;
		}
	}

	@Override
	public void commit(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("COMMIT");
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
	}

}
