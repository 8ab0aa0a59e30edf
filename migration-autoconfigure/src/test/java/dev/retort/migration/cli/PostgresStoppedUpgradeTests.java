package dev.retort.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.retort.migration.test.PostgresTestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate upgrade} stopped by a signal (Ctrl-C, {@code kill}, a deployment's
 * timeout) while a revision runs says which revision it stopped in and where that leaves
 * the database, which stays at the revision before it.
 */
class PostgresStoppedUpgradeTests {

	private static final String SLOW = "classpath:dev/retort/migration/it/slow";

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Test
	void aSigtermDuringARevisionSaysWhereTheUpgradeStoppedAndTheDatabaseStaysAtTheRevisionBefore() throws Exception {
		String err = upgradeStoppedInTheSecondRevision(SLOW, "migrate", "upgrade").err();

		assertThat(err).contains(
				"migrate upgrade was stopped while [2/2] upgrade eeee00000001 -> eeee00000002 fill jobs slowly ran. "
						+ "Its transaction is rolled back by the database, so that revision is not applied and "
						+ "the database stays at eeee00000001")
			.contains("Run `migrate status` to see where it is, and `migrate upgrade` again to go on.");
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("eeee00000001");
		assertThat(query("SELECT count(*) FROM jobs")).as("the stopped revision's insert").containsExactly("0");
	}

	@Test
	void aSigtermDuringARevisionOutsideATransactionSaysWhatItLeft() throws Exception {
		String err = upgradeStoppedInTheSecondRevision(SLOW + "-outside-transaction", "migrate", "upgrade").err();

		assertThat(err).contains("migrate upgrade was stopped while [2/2] upgrade eeee00000001 -> eeee00000002")
			.contains("It ran outside a transaction ('transactional: false'): the statements it ran before the stop "
					+ "stay, and it is not recorded as applied; the database is recorded at eeee00000001.")
			.contains("`migrate check`");
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("eeee00000001");
		assertThat(query("SELECT count(*) FROM jobs")).as("the stopped revision's insert").containsExactly("1");
	}

	@Test
	void anApplicationStoppedWhileAutoMigrateRunsARevisionLogsWhereItStopped() throws Exception {
		Output output = upgradeStoppedInTheSecondRevision(SLOW, "--migrations.auto-migrate=true",
				"--spring.main.web-application-type=none");

		assertThat(output.out())
			.contains("Auto-migrate of 'migrator' was stopped while [2/2] upgrade eeee00000001 -> "
					+ "eeee00000002 fill jobs slowly ran: the application is shutting down. Its transaction is rolled "
					+ "back by the database, so that revision is not applied and the database stays at eeee00000001")
			.contains("The next start with auto-migrate (or `java -jar app.jar migrate upgrade`) goes on from there.")
			.as("no failure of the revision reported, nor an exit tried, for a stop")
			.doesNotContain("Auto-migrate of 'migrator' to heads failed")
			.doesNotContain("will exit with code");
		assertThat(output.err()).doesNotContain("Exception");
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("eeee00000001");
		assertThat(query("SELECT count(*) FROM jobs")).as("the stopped revision's insert").containsExactly("0");
	}

	/**
	 * Runs the application with the arguments in a JVM of its own, SIGTERMs it while the
	 * second revision sleeps, checks that the first revision's step was shown and the
	 * second's not finished; what it printed.
	 */
	private Output upgradeStoppedInTheSecondRevision(String locations, String... arguments) throws Exception {
		postgres.reset();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), CommandLineTestApplication.class.getName()));
		command.addAll(List.of(arguments));
		command.addAll(List.of("--migrations.locations=" + locations, "--spring.main.banner-mode=off"));
		postgres.dataSourceProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
		Process upgrade = new ProcessBuilder(command).start();
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(upgrade, false));
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(upgrade, true));
		try {
			Awaitility.await("the second revision running")
				.atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !upgrade.isAlive() || sleeping() > 0);
			assertThat(upgrade.isAlive()).as("the upgrade is still running").isTrue();

			// SIGTERM, through the handle: Process.destroy() would also close the streams
			// read here
			upgrade.toHandle().destroy();

			assertThat(upgrade.waitFor(60, TimeUnit.SECONDS)).isTrue();
			Output output = new Output(out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
			assertThat(output.out()).contains("[1/2] upgrade base -> eeee00000001 create jobs")
				.doesNotContainPattern("\\[2/2\\] upgrade [^\\n]* \\(\\d+ ms\\)");
			return output;
		}
		finally {
			upgrade.destroyForcibly();
			// the server notices the client has gone only once pg_sleep returns
			terminateOtherBackends();
		}
	}

	private record Output(String out, String err) {

	}

	private static String readAll(Process process, boolean errors) {
		try {
			return new String((errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int sleeping() {
		return jdbc().queryForObject("SELECT count(*) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(300)%'", Integer.class);
	}

	private static void terminateOtherBackends() {
		jdbc().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND pid <> pg_backend_pid()");
	}

	private static List<String> query(String sql) {
		return jdbc().queryForList(sql, String.class);
	}

	private static JdbcTemplate jdbc() {
		return new JdbcTemplate(postgres.dataSource());
	}

}
