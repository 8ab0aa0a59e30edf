package dev.retort.migration.autogenerate;

import java.sql.SQLException;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Autogenerate's scenarios on PostgreSQL, each starting from an empty schema.
 */
class PostgresAutogenerateTests extends AutogenerateScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@BeforeEach
	void emptySchema() throws SQLException {
		postgres.reset();
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

	@Override
	protected String dialectName() {
		return "postgresql";
	}

}
