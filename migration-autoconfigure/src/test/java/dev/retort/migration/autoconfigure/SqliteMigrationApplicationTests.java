package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application scenarios on an SQLite file.
 */
class SqliteMigrationApplicationTests extends MigrationApplicationScenarios {

	@TempDir
	Path directory;

	@Test
	void backupIsTakenBeforeAnUpgradeThatHasWorkToDo() throws Exception {
		Map<String, String> properties = Map.of("migrations.locations", GOOD, "migrations.backup.before-upgrade",
				"true");
		start(List.of("dev"), properties).close();
		assertThat(backups()).hasSize(1);
		start(List.of("dev"), properties).close();
		assertThat(backups()).as("already at head: nothing to back up").hasSize(1);
	}

	private List<Path> backups() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".backup.db")).toList();
		}
	}

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
