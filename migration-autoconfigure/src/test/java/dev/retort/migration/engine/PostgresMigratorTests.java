package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.retort.migration.dialect.postgresql.PostgresAdvisoryLock;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.RevisionGraph;

import dev.retort.migration.test.PostgresTestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.retort.migration.engine.TestRevisions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migrator's scenarios on PostgreSQL, each starting from an empty schema.
 */
class PostgresMigratorTests extends MigratorScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@BeforeEach
	void emptySchema() throws SQLException {
		postgres.reset();
	}

	@Override
	protected AutoCloseable holdMigrationLock() throws Exception {
		Connection connection = postgres.connect();
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
			lock.setLong(1, new PostgresAdvisoryLock(config().versionTable()).key());
			lock.execute();
		}
		return connection::close;
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRunThatWaitsForAnotherProcesssLockSaysSoAndWhoHoldsIt(CapturedOutput output) throws Exception {
		Migrator migrator = migrator(table("a10000000001"));
		migrator.current();
		int holder;
		CompletableFuture<MigrationResult> upgrade;
		try (Connection other = postgres.connect()) {
			try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?), pg_backend_pid()")) {
				lock.setLong(1, new PostgresAdvisoryLock(config().versionTable()).key());
				try (ResultSet result = lock.executeQuery()) {
					result.next();
					holder = result.getInt(2);
				}
			}
			upgrade = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
			Awaitility.await("the migrator waiting for the lock")
				.atMost(Duration.ofSeconds(30))
				.until(() -> waitsForTheLock(other));
			assertThat(upgrade).isNotDone();
		}
		assertThat(upgrade.get(60, TimeUnit.SECONDS).current()).containsExactly("a10000000001");
		assertThat(output.getOut())
			.contains(
					"Waiting up to 2m for the migration lock on " + postgres.jdbcUrl().replaceFirst("\\?.*", "") + ":")
			.contains("another process is migrating this database (server process " + holder + " in pg_stat_activity;")
			.contains("This run goes on once it finishes.");
	}

	@Test
	void migrationLockThatCannotBeReleasedIsAnErrorNotALogLine() {
		// the server ends the migrator's connection after the last step committed, so the
		// unlock fails
		Migrator migrator = new Migrator(dataSource(), config(), RevisionGraph.of(List.of(table("a10000000001"))))
			.addListener(new MigrationListener() {

				@Override
				public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
					new JdbcTemplate(dataSource())
						.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
								+ "WHERE datname = current_database() AND pid <> pg_backend_pid()");
				}

			});

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("release the migration lock")
			.withMessageContaining("status");

		assertThat(migrator.current()).containsExactly("a10000000001");
		assertThat(migrationLockIsFree()).isTrue();
	}

	@Override
	protected String applicationSessionSetup() {
		return "SET lock_timeout = '7s'";
	}

	@Override
	protected Map<String, String> sessionSettings(Connection connection) throws SQLException {
		Map<String, String> settings = new TreeMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT current_setting('lock_timeout'), "
						+ "current_setting('statement_timeout'), pg_current_xact_id_if_assigned() IS NOT NULL, "
						+ "(SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()), "
						+ "current_setting('client_connection_check_interval')")) {
			rows.next();
			settings.put("lock_timeout", rows.getString(1));
			settings.put("statement_timeout", rows.getString(2));
			settings.put("transaction", rows.getString(3));
			settings.put("advisory locks", rows.getString(4));
			settings.put("client_connection_check_interval", rows.getString(5));
		}
		return settings;
	}

	/** Whether another connection's request for the migration lock waits in pg_locks. */
	private boolean waitsForTheLock(Connection connection) throws SQLException {
		try (PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = "
				+ "'advisory' AND NOT granted AND ((classid::bigint << 32) | objid::bigint) = ?")) {
			waiting.setLong(1, new PostgresAdvisoryLock(config().versionTable()).key());
			try (ResultSet result = waiting.executeQuery()) {
				return result.next() && result.getInt(1) > 0;
			}
		}
	}

	@Override
	protected boolean migrationLockIsFree() {
		try (Connection connection = postgres.connect();
				PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, new PostgresAdvisoryLock(config().versionTable()).key());
			try (ResultSet result = lock.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
