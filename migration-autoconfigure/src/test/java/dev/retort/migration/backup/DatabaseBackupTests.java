package dev.retort.migration.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backups taken before an upgrade: a timestamped copy that only its owner can read.
 */
class DatabaseBackupTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T20:15:30.123Z"), ZoneOffset.UTC);

	@TempDir
	Path directory;

	@Test
	void sqliteDatabaseIsCopiedNextToItsFileWithOwnerOnlyPermissions() throws Exception {
		Path database = this.directory.resolve("orchestrator.db");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT)");
			statement.execute("INSERT INTO tasks (title) VALUES ('ship it')");
		}
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + database);

		Path backup = new DatabaseBackup(dataSource, null, null, CLOCK).backup();

		assertThat(backup).hasParent(this.directory).hasFileName("orchestrator-20261121-201530-123.backup.db");
		assertThat(Files.getPosixFilePermissions(backup)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup);
				Statement statement = copy.createStatement();
				ResultSet rows = statement.executeQuery("SELECT title FROM tasks")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("ship it");
		}
	}

	@Test
	void inMemorySqliteCannotBeBackedUp() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite::memory:");
		assertThatExceptionOfType(BackupException.class)
			.isThrownBy(() -> new DatabaseBackup(dataSource, this.directory, null, CLOCK).backup())
			.withMessageContaining("in-memory")
			.withMessageContaining("migrations.backup.before-upgrade");
	}

}
