package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.Statement;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operation scenarios on PostgreSQL, each in a freshly emptied schema.
 */
class PostgresOperationsTests extends OperationScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		Connection connection = postgres.connect();
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
		return connection;
	}

}
