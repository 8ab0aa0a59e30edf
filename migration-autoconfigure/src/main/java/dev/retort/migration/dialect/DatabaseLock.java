package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A database-native lock that keeps concurrent migrations apart and dies with its
 * connection; never a lock row that can go stale. It also opens and closes the
 * transactions of migration steps, because on some databases (SQLite) the step's
 * transaction is the lock.
 */
public interface DatabaseLock {

	/**
	 * Whether {@link #lockRun} holds the lock for a whole run; if not, every step
	 * transaction takes it anew and the version table must be re-read inside it.
	 */
	boolean heldForRun();

	/**
	 * Prepares a connection the migrator just opened (timeouts) and says how to put it
	 * back: the connection may be an application's pooled one, which must get back the
	 * settings it came with.
	 * @return what restores the settings this method changed
	 */
	default SessionRestore prepare(Connection connection, Duration timeout) throws SQLException {
		return SessionRestore.NOTHING;
	}

	/**
	 * Takes the run-wide lock, waiting up to {@code timeout}; does nothing where the lock
	 * is per step.
	 * @throws LockTimeoutException when another process keeps it longer
	 */
	void lockRun(Connection connection, Duration timeout) throws SQLException;

	/**
	 * Releases the run-wide lock. Closing the connection releases it too, but a pool does
	 * not close it.
	 * @throws SQLException when the lock could not be released or was not held
	 */
	void unlockRun(Connection connection) throws SQLException;

	/**
	 * Begins a step's transaction; where the lock is per step this waits for it.
	 * @throws LockTimeoutException when another process keeps the lock longer
	 */
	void begin(Connection connection, Duration timeout) throws SQLException;

	void commit(Connection connection) throws SQLException;

	/** Rolls back the step's transaction, if one is open. */
	void rollback(Connection connection) throws SQLException;

	/** Describes the database for messages: its name or file, never credentials. */
	static String describe(Connection connection) {
		try {
			String url = connection.getMetaData().getURL();
			int query = (url != null) ? url.indexOf('?') : -1;
			return (query >= 0) ? url.substring(0, query) : String.valueOf(url);
		}
		catch (SQLException ex) {
			return "the database";
		}
	}

	/** A lock timeout as a person reads it: {@code 3s}, {@code 1500ms}, {@code 2m}. */
	static String describe(Duration timeout) {
		long millis = timeout.toMillis();
		if (millis % 60_000 == 0 && millis > 0) {
			return (millis / 60_000) + "m";
		}
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/** Puts back the session settings {@link #prepare} changed on a connection. */
	@FunctionalInterface
	interface SessionRestore {

		/** Changes nothing. */
		SessionRestore NOTHING = (connection) -> {
		};

		void restore(Connection connection) throws SQLException;

	}

}
