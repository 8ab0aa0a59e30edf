package dev.retort.migration.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backup scenarios on an SQLite file, and what only SQLite has.
 */
class SqliteBackupTests extends BackupScenarios {

	@TempDir
	Path directory;

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("orchestrator.db"));
	}

	@Override
	DataSource dataSource() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl(database().jdbcUrl());
		return dataSource;
	}

	@Override
	String databaseName() {
		return "orchestrator";
	}

	@Override
	String extension() {
		return ".backup.db";
	}

	@Override
	boolean indexExists(String name) throws SQLException {
		try (Connection connection = database().connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	@Test
	void byDefaultBackupsGoNextToTheDatabaseAndRestoreKeepsTheOldOne() throws Exception {
		DatabaseBackup backups = new DatabaseBackup(dataSource(), DatabaseBackup.Options.defaults());
		BackupFile backup = backups.backup();
		assertThat(backup.file()).hasParent(this.directory);
		execute("DELETE FROM widgets");

		DatabaseBackup.Restored restored = backups.restore(backup.file());

		assertThat(rows("SELECT id FROM widgets")).hasSize(3);
		assertThat(restored.previous()).isNotNull();
		assertThat(restored.previous().manifest().rowCounts()).containsEntry("widgets", 0L);
		assertThat(backups.list()).extracting(BackupFile::file).contains(backup.file(), restored.previous().file());
	}

	@Test
	void aSchemaOnlyBackupFiresNoTriggerEmptiesVirtualTablesAndKeepsNoDeletedRowInItsFile() throws Exception {
		execute("CREATE TABLE removed (name TEXT)",
				"CREATE TRIGGER widget_removed AFTER DELETE ON widgets BEGIN INSERT INTO removed VALUES (old.name); END",
				"CREATE VIRTUAL TABLE notes USING fts5(body)",
				"INSERT INTO notes VALUES ('a searchable paragraph about sprockets')", "ANALYZE");
		BackupFile backup = backup().backup(null, BackupStrategy.SCHEMA_ONLY);

		assertThat(backup.manifest().rowCounts()).containsEntry("removed", 0L)
			.containsEntry("notes", 0L)
			.containsEntry("widgets", 0L);
		assertThat(new String(Files.readAllBytes(backup.file()), StandardCharsets.ISO_8859_1))
			.doesNotContain("sprocket")
			.doesNotContain("line two");
		backup().restore(backup.file());
		assertThat(rows("SELECT name FROM sqlite_schema WHERE type = 'trigger'")).containsExactly("widget_removed");
		execute("INSERT INTO widgets VALUES (7, 'bolt', NULL)", "DELETE FROM widgets WHERE id = 7",
				"INSERT INTO notes VALUES ('found again')");
		assertThat(rows("SELECT name FROM removed")).as("the trigger runs in the restored database")
			.containsExactly("bolt");
		assertThat(rows("SELECT body FROM notes WHERE notes MATCH 'found'")).containsExactly("found again");
	}

	@Test
	void inMemorySqliteCannotBeBackedUp() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite::memory:");
		assertThatExceptionOfType(BackupException.class)
			.isThrownBy(() -> new DatabaseBackup(dataSource, options()).backup())
			.withMessageContaining("in-memory")
			.withMessageContaining("migrations.backup.before-upgrade");
	}

}
