package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.retort.migration.dialect.postgresql.PostgresAdvisoryLock;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migrator's scenarios on PostgreSQL, each starting from an empty schema.
 */
class PostgresMigratorTests extends MigratorScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@BeforeEach
	void emptySchema() throws SQLException {
		postgres.reset();
	}

	@Override
	protected AutoCloseable holdMigrationLock() throws Exception {
		Connection connection = postgres.connect();
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
			lock.setLong(1, new PostgresAdvisoryLock(config().versionTable()).key());
			lock.execute();
		}
		return connection::close;
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

}
