package dev.retort.migration.reliability;

import java.nio.file.Path;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad endpoint requests against an application on an SQLite file.
 */
class BadInputEndpointSqliteTests extends BadInputEndpointScenarios {

	@TempDir
	static Path directory;

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(directory.resolve("app.db"));
	}

}
