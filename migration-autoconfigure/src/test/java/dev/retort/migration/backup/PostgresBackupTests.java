package dev.retort.migration.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backup scenarios on PostgreSQL with pg_dump and pg_restore, and the error when they
 * are missing.
 */
class PostgresBackupTests extends BackupScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	DataSource dataSource() {
		return postgres.dataSource();
	}

	@Override
	DatabaseBackup.Options options() {
		return super.options().withPassword(postgres.password());
	}

	@Override
	String databaseName() {
		return postgres.databaseName();
	}

	@Override
	String extension() {
		return ".dump";
	}

	@Override
	String table(String name) {
		return "public." + name;
	}

	@Override
	boolean indexExists(String name) throws SQLException {
		try (Connection connection = database().connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM pg_indexes WHERE indexname = ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	@Test
	void withoutPgDumpTheBackupFailsNamingTheToolAndLeavesNoFile() throws Exception {
		String noTools = this.backups.resolve("bin").toString();
		assertThatExceptionOfType(BackupToolMissingException.class)
			.isThrownBy(() -> new DatabaseBackup(dataSource(), options().withSearchPath(noTools)).backup())
			.withMessageContaining("pg_dump is not on the PATH")
			.withMessageContaining("postgresql-client");
		try (var files = java.nio.file.Files.list(this.backups)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void withoutPgRestoreRestoreFailsNamingTheToolAndChangesNothing() throws Exception {
		BackupFile backup = backup().backup();
		execute("DELETE FROM gadgets");
		String noTools = this.backups.resolve("bin").toString();
		assertThatExceptionOfType(BackupToolMissingException.class)
			.isThrownBy(
					() -> new DatabaseBackup(dataSource(), options().withSearchPath(noTools)).restore(backup.file()))
			.withMessageContaining("pg_restore is not on the PATH");
		assertThat(rows("SELECT id FROM gadgets")).isEmpty();
	}

}
