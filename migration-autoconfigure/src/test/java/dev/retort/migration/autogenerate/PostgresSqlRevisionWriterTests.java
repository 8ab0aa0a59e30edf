package dev.retort.migration.autogenerate;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated SQL revisions on PostgreSQL.
 */
class PostgresSqlRevisionWriterTests extends SqlRevisionWriterScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	DataSource dataSource() {
		return postgres.dataSource();
	}

}
