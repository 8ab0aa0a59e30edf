package dev.retort.migration.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
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
		return 20_000;
	}

	@Override
	String upgradeUrl(String name) {
		return postgres.jdbcUrl() + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=" + name;
	}

	@Override
	void awaitConnectionsClosed(String name) throws Exception {
		awaitBackends(name, "", 0);
	}

	/**
	 * Polls until {@code name} has {@code count} backends, running a query that starts
	 * with {@code query} unless that is empty.
	 */
	private static void awaitBackends(String name, String query, int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (backends(name, query) != count) {
			assertThat(System.nanoTime() - deadline)
				.as("waiting for %d backends of %s running '%s'", count, name, query)
				.isNegative();
			Thread.sleep(10);
		}
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
