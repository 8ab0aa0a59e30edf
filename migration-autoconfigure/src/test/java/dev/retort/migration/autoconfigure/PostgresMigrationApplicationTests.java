package dev.retort.migration.autoconfigure;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application scenarios on PostgreSQL.
 */
class PostgresMigrationApplicationTests extends MigrationApplicationScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	String unreachableJdbcUrl() {
		return postgres.jdbcUrl().replace(postgres.databaseName(), postgres.databaseName() + "_missing");
	}

}
