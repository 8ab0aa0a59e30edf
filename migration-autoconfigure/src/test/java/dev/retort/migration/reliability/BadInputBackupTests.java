package dev.retort.migration.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.retort.migration.cli.CommandLineTestApplication;
import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.MigrateCommand;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.test.SqliteTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk that fills up during an SQLite backup, simulated without root: {@code migrate
 * backup} runs in a child JVM under {@code ulimit -f}, so that writing the copy past the
 * limit fails with {@code EFBIG} (the JVM ignores {@code SIGXFSZ}) as it would on a full
 * disk. The user gets a clear error, no file that looks like a backup, and the database
 * as it was.
 */
class BadInputBackupTests {

	static final String GOOD = "classpath:dev/retort/migration/it/good";

	/** The child's file size limit, in 1 KiB blocks: above SQLite's native library. */
	static final int LIMIT_BLOCKS = 2048;

	@TempDir
	Path directory;

	@Test
	void diskFullDuringABackup() throws Exception {
		SqliteTestDatabase database = new SqliteTestDatabase(this.directory.resolve("app.db"));
		new Migrator(new SimpleDriverDataSource(new org.sqlite.JDBC(), database.jdbcUrl()),
				MigratorConfig.defaults().withLocations(GOOD))
			.upgrade("heads");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			// half as much again as the limit, so that the copy cannot fit
			statement.execute("CREATE TABLE payload (data BLOB)");
			for (int i = 0; i < 3; i++) {
				statement.execute("INSERT INTO payload (data) VALUES (randomblob(1048576))");
			}
		}
		Path backups = Files.createDirectories(this.directory.resolve("backups"));
		BadInputDatabaseState before = BadInputDatabaseState.of(database);
		String fileBefore = sha256(database.file());

		Child backup = migrateWithFileSizeLimit(database, backups, "backup");

		assertThat(backup.exitCode()).as(backup.output()).isEqualTo(MigrateCommand.FAILED);
		assertThat(backup.output()).contains("Could not back up SQLite database " + database.file() + ": ")
			.contains("Check that the database is reachable and that " + backups
					+ " is writable and has room for the copy (about 3 MB, the size of the database). "
					+ "No backup was kept; the database was not changed.")
			.doesNotContain("\tat ");
		try (Stream<Path> files = Files.list(backups)) {
			assertThat(files).as("nothing left in the backup directory").isEmpty();
		}
		Run list = CommandLineTestApplication.run(properties(database, backups), "migrate", "backup", "--list");
		assertThat(list.exitCode()).as(list.err()).isZero();
		assertThat(list.out()).contains("No backups of SQLite database " + database.file() + " in " + backups + ".");
		assertThat(BadInputDatabaseState.of(database)).isEqualTo(before);
		assertThat(sha256(database.file())).as("the database file").isEqualTo(fileBefore);
	}

	private Child migrateWithFileSizeLimit(SqliteTestDatabase database, Path backups, String... command)
			throws IOException, InterruptedException {
		List<String> java = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + LIMIT_BLOCKS + " && exec \"$@\"",
				"bash", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-cp", classPath(), SpringApplication.class.getName(), "migrate"));
		java.addAll(List.of(command));
		java.add("--spring.main.sources=" + CommandLineTestApplication.class.getName());
		properties(database, backups).forEach((name, value) -> java.add("--" + name + "=" + value));
		Process process = new ProcessBuilder(java).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
		return new Child(process.exitValue(), output);
	}

	private static Map<String, Object> properties(SqliteTestDatabase database, Path backups) {
		return Map.of("spring.datasource.url", database.jdbcUrl(), "migrations.locations", GOOD,
				"migrations.backup.directory", backups.toString());
	}

	private static String classPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	/**
	 * What the child process did.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed, stdout and stderr together
	 */
	record Child(int exitCode, String output) {

	}

}
