package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
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
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("app.db"));
	}

	@Override
	String unreachableJdbcUrl() {
		return "jdbc:sqlite:" + this.directory.resolve("no-such-directory").resolve("app.db");
	}

}
