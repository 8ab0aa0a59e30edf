package dev.retort.migration.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.retort.migration.dialect.postgresql.PostgresAdvisoryLock;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bad-input catalogue on a PostgreSQL database of this class's own.
 */
class BadInputPostgresTests extends BadInputScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	boolean anotherConnectionCanWrite() throws SQLException {
		try (Connection connection = postgres.connect()) {
			try (Statement statement = connection.createStatement();
					ResultSet open = statement
						.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
								+ "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'")) {
				open.next();
				if (open.getLong(1) > 0) {
					return false;
				}
			}
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				lock.setLong(1, new PostgresAdvisoryLock(MigratorConfig.defaults().versionTable()).key());
				try (ResultSet locked = lock.executeQuery()) {
					if (!locked.next() || !locked.getBoolean(1)) {
						return false;
					}
				}
			}
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL lock_timeout = '1s'");
				statement.execute("INSERT INTO widgets (name) VALUES ('another connection')");
			}
			finally {
				connection.rollback();
			}
			return true;
		}
	}

}
