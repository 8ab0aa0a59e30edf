package dev.retort.migration.engine;

import java.sql.SQLException;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The revision-graph scenarios on PostgreSQL, each starting from an empty schema.
 */
class PostgresRevisionGraphTests extends RevisionGraphScenarios {

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

}
