package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

/**
 * The application scenarios on an SQLite file.
 */
class SqliteMigrationApplicationTests extends MigrationApplicationScenarios {

	@TempDir
	Path directory;

	@Override
	String jdbcUrl() {
		return "jdbc:sqlite:" + this.directory.resolve("app.db");
	}

	@Override
	Map<String, String> credentials() {
		return Map.of();
	}

	@Override
	void resetDatabase() throws SQLException {
		try {
			Files.deleteIfExists(this.directory.resolve("app.db"));
		}
		catch (IOException ex) {
			throw new SQLException(ex);
		}
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl());
	}

	@Override
	String unreachableJdbcUrl() {
		return "jdbc:sqlite:" + this.directory.resolve("no-such-directory").resolve("app.db");
	}

}
