package dev.retort.sample;

import java.nio.file.Path;
import java.util.List;

import dev.retort.migration.test.MigrationTest;
import dev.retort.migration.test.RevisionData;
import dev.retort.migration.test.RevisionTests;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Orchestrator's revisions checked by Retort's test kit on SQLite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "migrations.auto-migrate=false")
@MigrationTest
class SqliteRevisionTests implements RevisionTests {

	@TempDir
	static Path directory;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("orchestrator.db"));
	}

	@Override
	public List<RevisionData> revisionData() {
		return OrchestratorRevisionData.all();
	}

}
