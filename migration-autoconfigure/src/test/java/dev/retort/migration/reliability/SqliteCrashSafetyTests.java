package dev.retort.migration.reliability;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;

/**
 * The crash-safety scenario on an SQLite file.
 */
class SqliteCrashSafetyTests extends CrashSafetyScenarios {

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("crash.db"));
	}

	@Override
	int rowsPerRevision() {
		return 60_000;
	}

}
