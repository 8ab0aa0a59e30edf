package dev.retort.migration.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

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

}
