package dev.retort.migration.backup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL backups taken with pg_dump before an upgrade.
 */
class PostgresDatabaseBackupTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T20:15:30.123Z"), ZoneOffset.UTC);

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@TempDir
	Path directory;

	@Test
	void withoutPgDumpTheBackupFailsWithWhatToDo() {
		String emptyPath = this.directory.resolve("bin").toString();
		assertThatExceptionOfType(BackupException.class)
			.isThrownBy(() -> new DatabaseBackup(postgres.dataSource(), this.directory, postgres.password(), CLOCK,
					emptyPath)
				.backup())
			.withMessageContaining("pg_dump is not on the PATH")
			.withMessageContaining("the upgrade did not run");
	}

	@Test
	void pgDumpWritesAnOwnerOnlyDump() throws Exception {
		assumeTrue(onPath("pg_dump"), "pg_dump is not installed");
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY)");
		}
		Path dump = new DatabaseBackup(postgres.dataSource(), this.directory, postgres.password(), CLOCK).backup();
		assertThat(dump).hasFileName(postgres.databaseName() + "-20261121-201530-123.dump");
		assertThat(Files.size(dump)).isPositive();
		assertThat(Files.getPosixFilePermissions(dump)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator))
			.anyMatch((entry) -> Files.isExecutable(Path.of(entry, program)));
	}

}
