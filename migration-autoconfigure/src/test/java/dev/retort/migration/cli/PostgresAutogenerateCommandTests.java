package dev.retort.migration.cli;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The autogenerate commands on PostgreSQL.
 */
class PostgresAutogenerateCommandTests extends AutogenerateCommandScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	String hibernateDialect() {
		return PostgreSQLDialect.class.getName();
	}

}
