package dev.retort.migration.cli;

import java.net.URI;

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
	ProcessBuilder client() {
		// jdbc:postgresql://host:port/db?params -> postgresql://user@host:port/db
		URI uri = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
		String user = (postgres.username() != null) ? postgres.username() : "postgres";
		String target = "postgresql://" + user + "@" + uri.getHost() + ":"
				+ ((uri.getPort() > 0) ? uri.getPort() : 5432) + uri.getPath();
		ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", target);
		if (postgres.password() != null) {
			psql.environment().put("PGPASSWORD", postgres.password());
		}
		return psql;
	}

	@Override
	String databaseLine() {
		return "Database:   postgresql, " + postgres.jdbcUrl() + " as "
				+ ((postgres.username() != null) ? postgres.username() : "postgres");
	}

	@Override
	TestDatabase database() {
		return postgres;
	}

}
