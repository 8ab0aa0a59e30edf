package dev.retort.migration.engine;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrator's scenarios on PostgreSQL, each starting from an empty schema.
 */
class PostgresMigratorTests extends MigratorScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@BeforeEach
	void emptySchema() {
		JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
		jdbc.execute("DROP SCHEMA public CASCADE");
		jdbc.execute("CREATE SCHEMA public");
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

}
