package dev.retort.migration.test;

import dev.retort.migration.dialect.ScratchDatabase;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test kit's scenarios on PostgreSQL.
 */
class PostgresMigrationTestKitTests extends MigrationTestKitScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	ScratchDatabase scratch() {
		return ScratchDatabase.create("postgresql", postgres.jdbcUrl(), postgres.username(), postgres.password());
	}

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	String hibernateDialect() {
		return PostgreSQLDialect.class.getName();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

}
