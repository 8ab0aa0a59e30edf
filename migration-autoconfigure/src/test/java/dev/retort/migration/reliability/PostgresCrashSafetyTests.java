package dev.retort.migration.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.retort.migration.engine.Migrator;
import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-safety scenario on PostgreSQL, where a killed client's backend lives on, with
 * its advisory lock, until it notices that the connection is gone.
 */
class PostgresCrashSafetyTests extends CrashSafetyScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	int rowsPerRevision() {
		return 30_000;
	}

	@Override
	String upgradeUrl(String name) {
		return postgres.jdbcUrl() + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=" + name;
	}

	@Override
	void awaitConnectionsClosed(String name) throws Exception {
		awaitBackends(name, "", 0);
	}

	@Test
	void upgradeKilledInALongStatementDoesNotKeepTheLockFromTheNextUpgrade() throws Exception {
		Path sleeping = Files.createDirectories(this.directory.resolve("sleeping"));
		Files.writeString(sleeping.resolve("20261202_0300_dd0000000001_sleep.sql"),
				"-- revision: dd0000000001\n-- message: a statement that runs for ten minutes\n-- +upgrade\n"
						+ "SELECT pg_sleep(600);\n-- +downgrade\nSELECT 1;\n",
				StandardCharsets.UTF_8);
		try (SeparateJvm upgrade = UpgradeProcess.start("retort-sleeper", "filesystem:" + sleeping,
				Duration.ofMinutes(1), postgres, upgradeUrl("retort-sleeper"))) {
			assertThat(upgrade.awaitLine(UpgradeProcess.BEGIN, PROCESS_TIMEOUT)).as(upgrade.output()).isPresent();
			awaitBackends("retort-sleeper", "SELECT pg_sleep", 1);
			upgrade.kill();
		}
		SlowRevisions revisions = SlowRevisions.write(this.directory.resolve("revisions"), 2, 10);

		// without the server checking the connection, the lock stays until the sleep ends
		Migrator next = revisions.migrator(postgres, Duration.ofSeconds(20));

		assertThat(next.upgrade("heads").current()).containsExactly(revisions.head());
		assertThat(backends("retort-sleeper", "")).isZero();
	}

	/**
	 * Polls until {@code name} has {@code count} backends, running a query that starts
	 * with {@code query} unless that is empty.
	 */
	private static void awaitBackends(String name, String query, int count) {
		Awaitility.await(count + " backends of " + name + " running '" + query + "'")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> backends(name, query) == count);
	}

	private static int backends(String name, String query) throws SQLException {
		try (Connection connection = postgres.connect();
				PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity "
						+ "WHERE application_name = ? AND (? = '' OR (starts_with(query, ?) AND state = 'active'))")) {
			select.setString(1, name);
			select.setString(2, query);
			select.setString(3, query);
			try (ResultSet result = select.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

}
