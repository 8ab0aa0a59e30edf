package dev.retort.migration.reliability;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bad endpoint requests against an application on a PostgreSQL database of this
 * class's own.
 */
class BadInputEndpointPostgresTests extends BadInputEndpointScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

}
