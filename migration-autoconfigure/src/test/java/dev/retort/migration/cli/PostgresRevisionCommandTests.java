package dev.retort.migration.cli;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * New revisions from the command line, run on PostgreSQL.
 */
class PostgresRevisionCommandTests extends RevisionCommandScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

}
