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
		// 60,000 rows took about 65 ms per revision on an idle machine, so that ten kills
		// at up to 400 ms could reach the head before the last kill
		return 150_000;
	}

}
