package dev.retort.migration.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.MigrateCommand;
import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue on an SQLite file of its own per scenario.
 */
class BadInputSqliteTests extends BadInputScenarios {

	@TempDir
	Path directory;

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("app.db"));
	}

	@Override
	boolean anotherConnectionCanWrite() throws SQLException {
		try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = 0");
			try {
				statement.execute("BEGIN IMMEDIATE");
			}
			catch (SQLException ex) {
				return false;
			}
			statement.execute("INSERT INTO widgets (name) VALUES ('another connection')");
			statement.execute("ROLLBACK");
			return true;
		}
	}

	@Test
	void aTableRebuildWhoseRowsDoNotFitSaysWhatTheRebuiltCopyIs() throws Exception {
		BadInputDatabaseState before = state();

		Run run = migrate(GOOD + ",classpath:dev/retort/migration/it/rebuild", "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Upgrade of revision ffff00000003 (require a note on widgets) failed and was rolled back; the "
					+ "database stays at aaaa00000002.")
			.contains("NOT NULL constraint failed: _retort_new_widgets.note")
			.contains("\"_retort_new_widgets\" is the new copy of \"widgets\" that Retort fills to rebuild it, since "
					+ "SQLite's ALTER TABLE cannot make this change: rows of \"widgets\" do not fit its new definition")
			.contains("Update or delete those rows earlier in the revision, or give the column a server default.");
		BadInputDatabaseState after = state();
		assertThat(after.versions()).isEqualTo(before.versions()).containsExactly(HEAD);
		assertThat(after.schema()).isEqualTo(before.schema());
		assertThat(count("widgets")).as("the revision's row").isZero();
	}

}
