package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import dev.retort.migration.dialect.DatabaseLock;
import dev.retort.migration.dialect.DatabaseLock.SessionRestore;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.VersionTables;

/**
 * One use of the database by the migrator: it owns the connection, the dialect, the lock
 * and the bookkeeping tables, and its {@link #close} gives the connection back as it came
 * whatever was thrown: an open transaction rolled back, the run lock released, the
 * session settings restored. A connection it cannot put back is aborted, so that a pool
 * discards it instead of handing an application a connection that holds the lock.
 */
final class MigrationSession implements AutoCloseable {

	private static final Executor CALLER = Runnable::run;

	private final Connection connection;

	private final Binding binding;

	private final Duration lockTimeout;

	private final boolean autoCommit;

	private final SessionRestore restore;

	private boolean runLocked;

	private boolean inTransaction;

	private MigrationSession(Connection connection, Binding binding, Duration lockTimeout, boolean autoCommit,
			SessionRestore restore) {
		this.connection = connection;
		this.binding = binding;
		this.lockTimeout = lockTimeout;
		this.autoCommit = autoCommit;
		this.restore = restore;
	}

	/**
	 * Opens a connection and prepares it for migrating.
	 * @param binder what the migrator learned about the database, learned on first use
	 */
	static MigrationSession open(DataSource dataSource, Binder binder, Duration lockTimeout) {
		Connection connection;
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException ex) {
			String reason = String.valueOf(ex.getMessage()).strip().replaceAll("\\.+$", "");
			throw new DatabaseAccessException("Could not connect to the database: " + reason
					+ ". Check the data source's URL and credentials, and that the database is up.", ex);
		}
		boolean autoCommit = true;
		boolean autoCommitChanged = false;
		try {
			Binding binding = binder.bind(connection);
			autoCommit = connection.getAutoCommit();
			if (!autoCommit) {
				connection.setAutoCommit(true);
				autoCommitChanged = true;
			}
			SessionRestore restore = binding.lock().prepare(connection, lockTimeout);
			return new MigrationSession(connection, binding, lockTimeout, autoCommit, restore);
		}
		catch (SQLException | RuntimeException | Error ex) {
			try {
				if (autoCommitChanged) {
					connection.setAutoCommit(autoCommit);
				}
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			if (ex instanceof SQLException sql) {
				throw Migrator.accessFailure("prepare a connection", sql);
			}
			if (ex instanceof Error error) {
				throw error;
			}
			throw (RuntimeException) ex;
		}
	}

	Connection connection() {
		return this.connection;
	}

	Dialect dialect() {
		return this.binding.dialect();
	}

	DatabaseLock lock() {
		return this.binding.lock();
	}

	VersionTables tables() {
		return this.binding.tables();
	}

	/** Takes the run-wide lock where the dialect has one. */
	void lockRun() throws SQLException {
		this.binding.lock().lockRun(this.connection, this.lockTimeout);
		this.runLocked = true;
	}

	/** Begins a transaction; where the lock is per step, this takes it. */
	void begin() throws SQLException {
		this.binding.lock().begin(this.connection, this.lockTimeout);
		this.inTransaction = true;
	}

	void commit() throws SQLException {
		this.binding.lock().commit(this.connection);
		this.inTransaction = false;
	}

	void rollback() throws SQLException {
		this.inTransaction = false;
		this.binding.lock().rollback(this.connection);
	}

	/**
	 * Rolls back after {@code failure}; a failed rollback is added to it, and
	 * {@link #close} tries again.
	 */
	void rollbackAfter(Throwable failure) {
		try {
			rollback();
		}
		catch (SQLException | RuntimeException ex) {
			this.inTransaction = true;
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Moves the version table in the open transaction.
	 * @throws ConcurrentMigrationException when a row it moves is not there: another
	 * process moved the database since it was read
	 */
	void moveVersions(Set<String> before, Set<String> after, String action) throws SQLException {
		if (!tables().moveVersions(this.connection, before, after)) {
			Set<String> now = tables().readVersions(this.connection);
			throw new ConcurrentMigrationException("Another process changed the version table "
					+ tables().versionTable() + " during " + action + ": it was expected at "
					+ Migrator.describe(before) + " but is at " + Migrator.describe(now)
					+ ". This step was rolled back; run `status` to see where the database stands, then run again.");
		}
	}

	/**
	 * Rolls back an open transaction, releases the run lock and restores the session
	 * settings; if any of that fails the connection is aborted and the failure thrown.
	 */
	@Override
	public void close() {
		List<Exception> problems = new ArrayList<>();
		List<String> what = new ArrayList<>();
		if (this.inTransaction) {
			try {
				rollback();
			}
			catch (SQLException | RuntimeException ex) {
				problems.add(ex);
				what.add("roll back its transaction");
			}
		}
		if (this.runLocked) {
			try {
				this.binding.lock().unlockRun(this.connection);
				this.runLocked = false;
			}
			catch (SQLException | RuntimeException ex) {
				problems.add(ex);
				what.add("release the migration lock");
			}
		}
		try {
			this.restore.restore(this.connection);
			if (!this.autoCommit) {
				this.connection.setAutoCommit(false);
			}
		}
		catch (SQLException | RuntimeException ex) {
			problems.add(ex);
			what.add("restore its session settings");
		}
		if (problems.isEmpty()) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				throw Migrator.accessFailure("close a connection", ex);
			}
			return;
		}
		String database = DatabaseLock.describe(this.connection);
		try {
			// a pool must not hand this connection to the application
			this.connection.abort(CALLER);
		}
		catch (SQLException | RuntimeException ex) {
			problems.add(ex);
		}
		finally {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				problems.add(ex);
			}
		}
		DatabaseAccessException failure = new DatabaseAccessException("Could not " + String.join(", ", what) + " on "
				+ database + ": " + problems.get(0).getMessage()
				+ ". The connection was aborted so that no one reuses it; the database releases what it held when "
				+ "the connection ends. Run `status` to see where the database stands.", problems.get(0));
		problems.stream().skip(1).forEach(failure::addSuppressed);
		throw failure;
	}

	/** What the migrator learned about its database on first contact. */
	record Binding(Dialect dialect, DatabaseLock lock, VersionTables tables) {

	}

	/** Learns, once, what database a connection leads to. */
	@FunctionalInterface
	interface Binder {

		Binding bind(Connection connection) throws SQLException;

	}

}
