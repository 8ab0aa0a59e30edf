package dev.retort.migration.cli;

import java.nio.file.Path;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.hibernate.community.dialect.SQLiteDialect;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autogenerate commands on an SQLite file.
 */
class SqliteAutogenerateCommandTests extends AutogenerateCommandScenarios {

	@TempDir
	Path directory;

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("app.db"));
	}

	@Override
	String hibernateDialect() {
		return SQLiteDialect.class.getName();
	}

}
