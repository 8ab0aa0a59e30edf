package dev.retort.migration.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The command-line scenarios on PostgreSQL.
 */
class PostgresMigrateCommandTests extends MigrateCommandScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	String jdbcUrl() {
		return postgres.jdbcUrl();
	}

	@Override
	Map<String, String> credentials() {
		Map<String, String> credentials = new LinkedHashMap<>();
		if (postgres.username() != null) {
			credentials.put("spring.datasource.username", postgres.username());
		}
		if (postgres.password() != null) {
			credentials.put("spring.datasource.password", postgres.password());
		}
		return credentials;
	}

	@Override
	void resetDatabase() throws SQLException {
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
	}

	@Override
	Connection connect() throws SQLException {
		return postgres.connect();
	}

}
