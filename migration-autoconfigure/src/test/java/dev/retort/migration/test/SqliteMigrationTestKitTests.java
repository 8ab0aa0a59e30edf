package dev.retort.migration.test;

import java.nio.file.Path;

import dev.retort.migration.dialect.ScratchDatabase;
import org.hibernate.community.dialect.SQLiteDialect;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit's scenarios on SQLite.
 */
class SqliteMigrationTestKitTests extends MigrationTestKitScenarios {

	@TempDir
	Path directory;

	@Override
	ScratchDatabase scratch() {
		return ScratchDatabase.create("sqlite", null, null, null);
	}

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("widgets.db"));
	}

	@Override
	String hibernateDialect() {
		return SQLiteDialect.class.getName();
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

}
