package dev.retort.sample;

import java.util.List;

import dev.retort.migration.test.MigrationTest;
import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.RevisionData;
import dev.retort.migration.test.RevisionTests;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Orchestrator's revisions checked by Retort's test kit on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "migrations.auto-migrate=false")
@MigrationTest
class PostgresRevisionTests implements RevisionTests {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", postgres::jdbcUrl);
		registry.add("spring.datasource.username", postgres::username);
		registry.add("spring.datasource.password", () -> (postgres.password() != null) ? postgres.password() : "");
	}

	@Override
	public List<RevisionData> revisionData() {
		return OrchestratorRevisionData.all();
	}

}
