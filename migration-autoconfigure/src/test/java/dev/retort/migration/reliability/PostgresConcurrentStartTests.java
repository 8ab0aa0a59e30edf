package dev.retort.migration.reliability;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The concurrent-start scenario on one PostgreSQL database.
 */
class PostgresConcurrentStartTests extends ConcurrentStartScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	int rowsPerRevision() {
		return 20_000;
	}

}
