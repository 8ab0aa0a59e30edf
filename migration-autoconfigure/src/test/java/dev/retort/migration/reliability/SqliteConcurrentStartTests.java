package dev.retort.migration.reliability;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;

/**
 * The concurrent-start scenario on one SQLite file.
 */
class SqliteConcurrentStartTests extends ConcurrentStartScenarios {

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("shared.db"));
	}

	@Override
	int rowsPerRevision() {
		return 40_000;
	}

}
