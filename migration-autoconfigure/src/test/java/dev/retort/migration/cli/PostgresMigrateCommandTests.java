package dev.retort.migration.cli;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The command-line scenarios on PostgreSQL.
 */
class PostgresMigrateCommandTests extends MigrateCommandScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

}
