package dev.retort.migration.dialect;

import java.sql.Connection;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The round trips on PostgreSQL, each in a freshly emptied schema.
 */
class PostgresRoundTripTests extends RoundTripScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		postgres.reset();
		return postgres.connect();
	}

}
