package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.migration.backup.BackupFile;
import dev.retort.migration.backup.BackupStrategy;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees of Retort in a running application, written once and run against
 * SQLite and PostgreSQL: auto-migrate by profile, readiness, failure handling, the
 * endpoint and every health state.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class MigrationApplicationScenarios {

	static final String GOOD = "classpath:dev/retort/migration/it/good";

	static final String FAILING = "classpath:dev/retort/migration/it/failing";

	static final String DATA = "classpath:dev/retort/migration/it/data";

	static final String LABELLED = "classpath:dev/retort/migration/it/labelled";

	static final String IRREVERSIBLE = "classpath:dev/retort/migration/it/irreversible";

	private final JsonMapper json = JsonMapper.builder().build();

	/** The scenario's database, emptied before each scenario. */
	abstract TestDatabase database();

	/** A connection to the scenario's database. */
	Connection connect() throws SQLException {
		return database().connect();
	}

	/** A URL whose database cannot be reached. */
	abstract String unreachableJdbcUrl();

	@BeforeEach
	void emptyDatabase() throws SQLException {
		database().reset();
	}

	@Test
	void devProfileMigratesOnStartupWhileRefusingTraffic(CapturedOutput output) throws Exception {
		// the history table keeps microseconds on PostgreSQL
		Instant started = Instant.now().minusMillis(1);
		try (ConfigurableApplicationContext app = start(List.of("dev"), Map.of("migrations.locations", GOOD))) {
			MigrationTestApplication.ReadinessRecorder readiness = app
				.getBean(MigrationTestApplication.ReadinessRecorder.class);
			assertThat(readiness.states).startsWith(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(app.getBean(Migrator.class).current()).containsExactly("aaaa00000002");
			assertThat(output).contains("[1/2] upgrade base -> aaaa00000001 create widgets (")
				.contains("[2/2] upgrade aaaa00000001 -> aaaa00000002 add size to widgets (")
				.contains("Applied 2 revisions to 'migrator'");
			assertThat(output.getOut().split("\\[1/2\\] upgrade base", -1)).as("each step is logged once").hasSize(2);
			JsonNode health = get(app, "/actuator/health/migrations");
			assertThat(health.path("status").asString()).isEqualTo("UP");
			assertThat(health.path("details").path("pending")).isEmpty();
			Instant lastMigratedAt = Instant.parse(health.path("details").path("lastMigratedAt").asString());
			assertThat(lastMigratedAt).as("when the last step ran").isBetween(started, Instant.now());
			JsonNode database = get(app, "/actuator/migrations").path("migrators").path("migrator");
			assertThat(database.path("upToDate").asBoolean()).isTrue();
			assertThat(database.path("current").get(0).asString()).isEqualTo("aaaa00000002");
			JsonNode first = database.path("revisions").get(0);
			assertThat(first.path("id").asString()).isEqualTo("aaaa00000001");
			assertThat(first.path("state").asString()).isEqualTo("applied");
			assertThat(first.path("appliedAt").isMissingNode()).isFalse();
			assertThat(first.path("appliedBy").asString()).isNotBlank();
			assertThat(first.path("checksumMatch").asBoolean()).isTrue();
			assertThat(first.path("stamped").isBoolean()).isTrue();
			assertThat(first.path("stamped").asBoolean()).as("it ran").isFalse();
			MeterRegistry meters = app.getBean(MeterRegistry.class);
			assertThat(meters.get("migrations.applied").tag("direction", "upgrade").counter().count()).isEqualTo(2);
			assertThat(meters.get("migrations.pending").gauge().value()).isZero();
		}
	}

	@Test
	void withoutTheProfileNothingRunsAndPendingRevisionsAreReported(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", GOOD))) {
			assertThat(app.getBean(Migrator.class).current()).isEmpty();
			assertThat(app.getBean(MigrationTestApplication.ReadinessRecorder.class).states)
				.doesNotContain(ReadinessState.REFUSING_TRAFFIC);
			assertThat(output)
				.contains("2 pending revisions: aaaa00000001 (create widgets), " + "aaaa00000002 (add size to widgets)")
				.contains("java -jar app.jar migrate upgrade");
			JsonNode health = getResponseJson(app, "/actuator/health/migrations");
			assertThat(health.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(texts(health.path("details").path("pending"))).containsExactly("aaaa00000001", "aaaa00000002");
			assertThat(health.path("details").has("lastMigratedAt")).as("never migrated").isFalse();
			MeterRegistry meters = app.getBean(MeterRegistry.class);
			assertThat(meters.get("migrations.applied").tag("direction", "upgrade").counter().count())
				.as("there before anything is applied, at zero")
				.isZero();
			assertThat(meters.get("migrations.failed").tag("direction", "downgrade").counter().count()).isZero();
			HttpResponse<String> refused = post(app, "{\"command\":\"upgrade\",\"target\":\"heads\"}");
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("migrations.endpoint.write-enabled=true")
				.contains("java -jar app.jar migrate upgrade heads")
				.doesNotContain("at dev.");
			assertThat(app.getBean(Migrator.class).current()).isEmpty();
			assertThat(output).doesNotContain("is up to date at");
			app.getBean(Migrator.class).upgrade("heads");
		}
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", GOOD))) {
			assertThat(app.getBean(Migrator.class).current()).containsExactly("aaaa00000002");
			assertThat(output).contains("Database 'migrator' is up to date at aaaa00000002 (auto-migrate off)");
		}
	}

	@Test
	void pendingStatusIsConfigurable() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "migrations.health.pending-status", "UP"))) {
			assertThat(get(app, "/actuator/health/migrations").path("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void endpointRunsCommandsWhenWriteIsEnabled() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", GOOD,
				"migrations.endpoint.write-enabled", "true", "migrations.applied-by", "billing-service"))) {
			Migrator migrator = app.getBean(Migrator.class);
			HttpResponse<String> badTarget = post(app, "{\"command\":\"upgrade\",\"target\":\"ffff99999999\"}");
			assertThat(badTarget.statusCode()).isEqualTo(400);
			assertThat(badTarget.body()).contains("Nothing was changed").contains("ffff99999999");
			assertThat(badTarget.body()).doesNotContain("\tat ").doesNotContain("Exception:");
			HttpResponse<String> badCommand = post(app, "{\"command\":\"explode\"}");
			assertThat(badCommand.statusCode()).isEqualTo(400);
			assertThat(badCommand.body()).contains("Use upgrade, downgrade or stamp");
			assertThat(migrator.current()).isEmpty();

			HttpResponse<String> upgrade = post(app, "{\"command\":\"upgrade\",\"target\":\"heads\"}");
			assertThat(upgrade.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(upgrade.body()).path("current").get(0).asString()).isEqualTo("aaaa00000002");
			assertThat(get(app, "/actuator/health/migrations").path("status").asString()).isEqualTo("UP");

			HttpResponse<String> downgrade = post(app, "{\"command\":\"downgrade\",\"target\":\"-1\"}");
			assertThat(downgrade.statusCode()).isEqualTo(200);
			assertThat(migrator.current()).containsExactly("aaaa00000001");
			JsonNode health = getResponseJson(app, "/actuator/health/migrations");
			assertThat(health.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(texts(health.path("details").path("pending"))).containsExactly("aaaa00000002");

			HttpResponse<String> stamp = post(app, "{\"command\":\"stamp\",\"target\":\"aaaa00000002\"}");
			assertThat(stamp.statusCode()).isEqualTo(200);
			assertThat(migrator.current()).containsExactly("aaaa00000002");
			assertThat(migrator.history()).as("who asked, beside the application's own name")
				.extracting((entry) -> entry.direction().label() + " " + entry.revision() + " by " + entry.appliedBy())
				.containsExactly("upgrade aaaa00000001 by billing-service (for deployer over HTTP)",
						"upgrade aaaa00000002 by billing-service (for deployer over HTTP)",
						"downgrade aaaa00000002 by billing-service (for deployer over HTTP)",
						"stamp aaaa00000002 by billing-service (for deployer over HTTP)");
			migrator.stamp("aaaa00000002", true);
			assertThat(migrator.history().get(4).appliedBy()).as("a run of the application's own")
				.isEqualTo("billing-service");

			JsonNode revision = get(app, "/actuator/migrations/aaaa00000002").path("migrators").path("migrator");
			assertThat(revision.path("message").asString()).isEqualTo("add size to widgets");
			assertThat(texts(revision.path("upgrade").path("sql")))
				.anySatisfy((sql) -> assertThat(sql).containsIgnoringCase("ALTER TABLE").containsIgnoringCase("size"));
			assertThat(texts(revision.path("upgrade").path("sql")))
				.anySatisfy((sql) -> assertThat(sql).containsIgnoringCase("CREATE INDEX"));
			assertThat(texts(revision.path("downgrade").path("sql")))
				.anySatisfy((sql) -> assertThat(sql).containsIgnoringCase("DROP INDEX").contains("ix_widgets_size"));
			assertThat(revision.path("downgrade").path("error").isNull()).isTrue();
			assertThat(getResponse(app, "/actuator/migrations/0000deadbeef").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void endpointUpgradeTakesAVerifiedBackupFirstWhenConfigured(@TempDir Path backups) throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "migrations.endpoint.write-enabled", "true",
						"migrations.backup.before-upgrade", "true", "migrations.backup.directory",
						backups.toString()))) {
			HttpResponse<String> first = post(app, "{\"command\":\"upgrade\",\"target\":\"aaaa00000001\"}");
			assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
			execute("INSERT INTO widgets (name) VALUES ('sprocket')");

			HttpResponse<String> second = post(app, "{\"command\":\"upgrade\"}");
			assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
			HttpResponse<String> nothingToDo = post(app, "{\"command\":\"upgrade\"}");
			assertThat(nothingToDo.statusCode()).as(nothingToDo.body()).isEqualTo(200);

			Migrator migrator = app.getBean(Migrator.class);
			List<BackupFile> taken = new DatabaseBackup(migrator.dataSource(), MigrationAutoConfiguration
				.backupOptions(migrator, app.getBean(MigrationProperties.class), app.getEnvironment())).list();
			assertThat(taken).as("one backup per upgrade that had work to do").hasSize(2);
			assertThat(taken).anySatisfy((backup) -> {
				assertThat(backup.manifest().revisionLabel()).isEqualTo("aaaa00000001");
				// PostgreSQL's counts are by schema-qualified name
				assertThat(backup.manifest().rowCounts()).containsAnyOf(Map.entry("widgets", 1L),
						Map.entry("public.widgets", 1L));
			});
		}
	}

	@Test
	void anUpgradeOfADatabaseAheadOfTheCodeSaysSoAndTakesNoBackup(@TempDir Path backups) throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "migrations.endpoint.write-enabled", "true",
						"migrations.backup.before-upgrade", "true", "migrations.backup.directory",
						backups.toString()))) {
			assertThat(post(app, "{\"command\":\"upgrade\"}").statusCode()).isEqualTo(200);
			execute("UPDATE migrations_version SET version_num = 'cccc00000009'");
			try (var files = Files.list(backups)) {
				assertThat(files.count()).as("the first upgrade's backup and its manifest").isEqualTo(2);
			}

			HttpResponse<String> ahead = post(app, "{\"command\":\"upgrade\"}");

			assertThat(ahead.statusCode()).as(ahead.body()).isEqualTo(400);
			assertThat(ahead.body()).contains("Nothing was changed: The database's version table migrations_version "
					+ "holds revision cccc00000009, which this code does not know: the database is ahead of the code.");
			try (var files = Files.list(backups)) {
				assertThat(files.count()).as("no backup of a database nothing will run on").isEqualTo(2);
			}
		}
	}

	@Test
	void beforeUpgradeBackupsHoldWhatTheConfiguredStrategySays(@TempDir Path backups) throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "migrations.endpoint.write-enabled", "true",
						"migrations.backup.before-upgrade", "true", "migrations.backup.directory", backups.toString(),
						"migrations.backup.strategy", "schema-only"))) {
			HttpResponse<String> first = post(app, "{\"command\":\"upgrade\",\"target\":\"aaaa00000001\"}");
			assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
			execute("INSERT INTO widgets (name) VALUES ('sprocket')");

			HttpResponse<String> second = post(app, "{\"command\":\"upgrade\"}");
			assertThat(second.statusCode()).as(second.body()).isEqualTo(200);

			Migrator migrator = app.getBean(Migrator.class);
			List<BackupFile> taken = new DatabaseBackup(migrator.dataSource(), MigrationAutoConfiguration
				.backupOptions(migrator, app.getBean(MigrationProperties.class), app.getEnvironment())).list();
			assertThat(taken).as("one backup per upgrade that had work to do").hasSize(2).allSatisfy((backup) -> {
				assertThat(backup.manifest().strategy()).isEqualTo(BackupStrategy.SCHEMA_ONLY);
				assertThat(backup.file().getFileName().toString()).contains("-schema-only.");
			});
			assertThat(taken).anySatisfy((backup) -> {
				assertThat(backup.manifest().revisionLabel()).isEqualTo("aaaa00000001");
				// SQLite's copy holds widgets empty, PostgreSQL's dump has no data of it
				assertThat(backup.manifest().rowCounts()).doesNotContainEntry("widgets", 1L)
					.doesNotContainKey("public.widgets")
					.containsAnyOf(Map.entry("migrations_history", 1L), Map.entry("public.migrations_history", 1L));
			});
		}
	}

	@Test
	void endpointUpgradeWhoseBackupFailsChangesNothing(@TempDir Path directory) throws Exception {
		Path notADirectory = Files.writeString(directory.resolve("backups"), "a file where the backups should go");
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "migrations.endpoint.write-enabled", "true",
						"migrations.backup.before-upgrade", "true", "migrations.backup.directory",
						notADirectory.toString()))) {
			HttpResponse<String> upgrade = post(app, "{\"command\":\"upgrade\"}");

			// refused before anything ran
			assertThat(upgrade.statusCode()).as(upgrade.body()).isEqualTo(400);
			assertThat(upgrade.body()).contains("Nothing was changed: Could not create the backup file in ")
				.contains("is a file, not a directory")
				.contains("Set migrations.backup.directory to a directory Retort can write to.");
			assertThat(app.getBean(Migrator.class).current()).isEmpty();
			assertThat(Files.readString(notADirectory)).isEqualTo("a file where the backups should go");
		}
	}

	@Test
	void endpointCommandsNeedAnAuthenticatedUserEvenWhenWriteIsEnabled() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "migrations.endpoint.write-enabled", "true"))) {
			HttpResponse<String> anonymous = postAs(app, "{\"command\":\"upgrade\"}", null, null);

			assertThat(anonymous.statusCode()).isEqualTo(403);
			assertThat(anonymous.body()).contains("not authenticated").contains("java -jar app.jar migrate upgrade");
			assertThat(app.getBean(Migrator.class).current()).isEmpty();
		}
	}

	@Test
	void endpointCommandsNeedOneOfTheConfiguredRoles() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", GOOD,
				"migrations.endpoint.write-enabled", "true", "migrations.endpoint.roles", "OPS,DBA"))) {
			HttpResponse<String> developer = postAs(app, "{\"command\":\"upgrade\"}", "dev", "DEVELOPER");
			assertThat(developer.statusCode()).isEqualTo(403);
			assertThat(developer.body()).contains("User 'dev' has none of the roles").contains("OPS");
			assertThat(app.getBean(Migrator.class).current()).isEmpty();

			HttpResponse<String> operator = postAs(app, "{\"command\":\"upgrade\"}", "ops", "OPS");
			assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
			assertThat(app.getBean(Migrator.class).current()).containsExactly("aaaa00000002");
		}
	}

	@Test
	void revisionSqlIsShownAsHealthDetailsAre() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "management.endpoint.health.show-details", "never"))) {
			JsonNode revision = get(app, "/actuator/migrations/aaaa00000002").path("migrators").path("migrator");
			assertThat(revision.path("message").asString()).isEqualTo("add size to widgets");
			assertThat(revision.path("upgrade").path("sql")).isEmpty();
			assertThat(revision.path("upgrade").path("note").asString())
				.contains("management.endpoint.health.show-details");
		}
	}

	@Test
	void revisionViewTakesABranchLabelAsMigrateShowDoes() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", LABELLED))) {
			JsonNode labelled = get(app, "/actuator/migrations/reporting").path("migrators").path("migrator");
			assertThat(labelled.path("id").asString()).isEqualTo("dddd00000001");
			assertThat(labelled.path("message").asString()).isEqualTo("create reports");
			JsonNode prefixed = get(app, "/actuator/migrations/dddd00000002").path("migrators").path("migrator");
			assertThat(prefixed.path("message").asString()).isEqualTo("add title to reports");
		}
	}

	@Test
	void revisionViewOfADataMigrationShowsTheStatementsBeforeJdbcAndSaysSo() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", DATA))) {
			JsonNode revision = get(app, "/actuator/migrations/cccc00000001").path("migrators").path("migrator");
			assertThat(texts(revision.path("upgrade").path("sql"))).singleElement()
				.satisfies((sql) -> assertThat(sql).containsIgnoringCase("CREATE TABLE").contains("gadgets"));
			assertThat(revision.path("upgrade").path("note").asString()).contains("op.jdbc()");
			assertThat(texts(revision.path("downgrade").path("sql"))).singleElement()
				.satisfies((sql) -> assertThat(sql).containsIgnoringCase("DROP TABLE"));
			assertThat(revision.path("downgrade").path("note").isNull()).isTrue();
		}
	}

	@Test
	void failedStartupMigrationExitsWithCode3(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", FAILING, "migrations.auto-migrate", "true"))) {
			assertThat(app.getBean(MigrationTestApplication.ExitRecorder.class).codes).containsExactly(3);
			assertThat(output).contains("Auto-migrate of 'migrator' to heads failed")
				.contains("The application will exit with code 3");
			assertThat(app.getBean(MigrationTestApplication.ReadinessRecorder.class).states)
				.contains(ReadinessState.REFUSING_TRAFFIC);
			// the first revision committed on its own; the failing one rolled back
			assertThat(app.getBean(Migrator.class).current()).containsExactly("bbbb00000001");
		}
	}

	@Test
	void autoMigrateOfADatabaseAheadOfTheCodeSaysItWasRefusedNotThatARevisionFailed(CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", GOOD))) {
			app.getBean(Migrator.class).upgrade("heads");
		}
		execute("UPDATE migrations_version SET version_num = 'cccc00000009'");

		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", GOOD, "migrations.auto-migrate", "true"))) {
			assertThat(app.getBean(MigrationTestApplication.ExitRecorder.class).codes).containsExactly(3);
			assertThat(output)
				.contains("Auto-migrate of 'migrator' to heads was refused before anything ran: "
						+ "The database's version table migrations_version holds revision cccc00000009")
				.contains("Nothing was changed: do what the message says and restart")
				.doesNotContain("Fix the revision");
		}
	}

	@Test
	void failedStartupMigrationWithWarnStaysUpWithHealthDown(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", FAILING,
				"migrations.auto-migrate", "true", "migrations.on-failure", "warn"))) {
			assertThat(app.getBean(MigrationTestApplication.ExitRecorder.class).codes).isEmpty();
			assertThat(output).contains("The application stays up (migrations.on-failure=warn)");
			JsonNode health = getResponseJson(app, "/actuator/health/migrations");
			assertThat(health.path("status").asString()).isEqualTo("DOWN");
			assertThat(health.path("details").path("error").asString()).contains("bbbb00000002");
			assertThat(health.path("details").path("failedRun").asString()).isEqualTo("upgrade heads");
			assertThat(app.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			MeterRegistry meters = app.getBean(MeterRegistry.class);
			assertThat(meters.get("migrations.failed").tag("direction", "upgrade").counter().count()).isEqualTo(1);
			assertThat(meters.get("migrations.applied").tag("direction", "upgrade").counter().count()).isEqualTo(1);
		}
	}

	@Test
	void failedStartupMigrationWithWarnCanAcceptTrafficWhenTheUserOptsOut() {
		try (ConfigurableApplicationContext app = start(List.of(),
				Map.of("migrations.locations", FAILING, "migrations.auto-migrate", "true", "migrations.on-failure",
						"warn", "migrations.refuse-traffic-after-failure", "false"))) {
			assertThat(app.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Test
	void failedMigrationIsStillDownAfterARestart() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", FAILING,
				"migrations.auto-migrate", "true", "migrations.on-failure", "warn"))) {
			assertThat(app.getBean(Migrator.class).current()).containsExactly("bbbb00000001");
		}
		try (ConfigurableApplicationContext restarted = start(List.of(), Map.of("migrations.locations", FAILING))) {
			JsonNode health = getResponseJson(restarted, "/actuator/health/migrations");
			assertThat(health.path("status").asString()).isEqualTo("DOWN");
			assertThat(health.path("details").path("failedRevision").asString()).isEqualTo("bbbb00000002");
			assertThat(health.path("details").path("error").asString()).contains("bbbb00000002");
			Instant migrated = Instant.parse(health.path("details").path("lastMigratedAt").asString());
			Instant failed = Instant.parse(health.path("details").path("failedAt").asString());
			assertThat(migrated).as("when bbbb00000001 was applied, not when bbbb00000002 failed")
				.isNotEqualTo(failed)
				.isBeforeOrEqualTo(failed);
		}
	}

	@Test
	void endpointShowsTheFailedLastAttemptAfterARestart() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", FAILING,
				"migrations.auto-migrate", "true", "migrations.on-failure", "warn"))) {
			assertThat(app.getBean(Migrator.class).current()).containsExactly("bbbb00000001");
		}
		try (ConfigurableApplicationContext restarted = start(List.of(), Map.of("migrations.locations", FAILING))) {
			// it showed "lastRun": null while health was DOWN for the failed attempt
			JsonNode health = getResponseJson(restarted, "/actuator/health/migrations").path("details");
			JsonNode lastRun = get(restarted, "/actuator/migrations").path("migrators")
				.path("migrator")
				.path("lastRun");
			assertThat(lastRun.path("success").asBoolean(true)).isFalse();
			assertThat(lastRun.path("refused").asBoolean(true)).isFalse();
			assertThat(lastRun.path("fromHistory").asBoolean()).isTrue();
			assertThat(lastRun.path("revision").asString()).isEqualTo("bbbb00000002");
			assertThat(lastRun.path("command").asString()).isEqualTo("upgrade of bbbb00000002");
			assertThat(lastRun.path("error").asString()).isNotBlank().isEqualTo(health.path("error").asString());
			assertThat(Instant.parse(lastRun.path("finishedAt").asString()))
				.isEqualTo(Instant.parse(health.path("failedAt").asString()));
		}
	}

	@Test
	void requestRefusedBeforeAnythingRanLeavesHealthAsTheDatabaseIs() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of("dev"),
				Map.of("migrations.locations", IRREVERSIBLE, "migrations.endpoint.write-enabled", "true"))) {
			assertThat(get(app, "/actuator/health/migrations").path("status").asString()).isEqualTo("UP");

			HttpResponse<String> refused = post(app, "{\"command\":\"downgrade\",\"target\":\"base\"}");

			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("Nothing was changed").contains("archived widgets cannot be restored");
			assertThat(app.getBean(Migrator.class).current()).containsExactly("dddd00000001");
			assertThat(get(app, "/actuator/health/migrations").path("status").asString()).isEqualTo("UP");
			JsonNode lastRun = get(app, "/actuator/migrations").path("migrators").path("migrator").path("lastRun");
			assertThat(lastRun.path("refused").asBoolean()).isTrue();
		}
	}

	@Test
	void migrationThatFailsOverHttpIsLoggedInFullWithWhoAskedForIt(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start(List.of(), Map.of("migrations.locations", FAILING,
				"migrations.auto-migrate", "false", "migrations.endpoint.write-enabled", "true"))) {
			HttpResponse<String> failed = post(app, "{\"command\":\"upgrade\"}");

			assertThat(failed.statusCode()).isEqualTo(500);
			String error = this.json.readTree(failed.body()).path("error").asString();
			assertThat(error).startsWith("upgrade heads failed: ").contains("bbbb00000002").contains("no_such_table");
			// the log had only a WARN line, without the statement or the database's error
			assertThat(output).contains("upgrade heads requested over HTTP by deployer")
				.containsPattern(
						"ERROR .*" + java.util.regex.Pattern.quote(error + " (requested over HTTP by deployer)"));
		}
	}

	@Test
	void revisionsUnknownToTheCodeOrEditedAfterTheyRanAreDown() throws Exception {
		try (ConfigurableApplicationContext app = start(List.of("dev"), Map.of("migrations.locations", GOOD))) {
			assertThat(get(app, "/actuator/health/migrations").path("status").asString()).isEqualTo("UP");
			execute("UPDATE migrations_history SET checksum = 'edited' WHERE revision = 'aaaa00000001'");
			JsonNode edited = getResponseJson(app, "/actuator/health/migrations");
			assertThat(edited.path("status").asString()).isEqualTo("DOWN");
			assertThat(texts(edited.path("details").path("checksumMismatch"))).containsExactly("aaaa00000001");
			JsonNode revisions = get(app, "/actuator/migrations").path("migrators").path("migrator").path("revisions");
			assertThat(revisions.get(0).path("checksumMatch").asBoolean(true)).isFalse();

			execute("INSERT INTO migrations_version (version_num) VALUES ('cccc00000009')");
			JsonNode unknown = getResponseJson(app, "/actuator/health/migrations");
			assertThat(unknown.path("status").asString()).isEqualTo("DOWN");
			assertThat(texts(unknown.path("details").path("unknown"))).containsExactly("cccc00000009");
			JsonNode database = get(app, "/actuator/migrations").path("migrators").path("migrator");
			assertThat(database.path("unknown").get(0).asString()).isEqualTo("cccc00000009");
			assertThat(texts(database.path("revisions"), "state")).contains("unknown-to-code");
		}
	}

	@Test
	void oneRevisionOfAGraphThatDoesNotLoadIsTheServersFaultNotTheRequests(@TempDir Path revisions) throws Exception {
		Files.writeString(revisions.resolve("broken.sql"), "-- +upgrade\nCREATE TABLE never (id INTEGER);\n");
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("migrations.locations", "filesystem:" + revisions);
		properties.put("migrations.auto-migrate", "false");
		try (ConfigurableApplicationContext app = start(List.of(), properties)) {
			HttpResponse<String> revision = getResponse(app, "/actuator/migrations/aaaa00000001");

			assertThat(revision.statusCode()).isEqualTo(500);
			assertThat(revision.body()).contains("Cannot read the revisions of migrator: ")
				.contains("there is no '-- revision: <id>' header");
		}
	}

	@Test
	void unreachableDatabaseIsDown(CapturedOutput output) throws Exception {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("migrations.locations", GOOD);
		properties.put("spring.datasource.url", unreachableJdbcUrl());
		properties.put("spring.datasource.hikari.initialization-fail-timeout", "-1");
		properties.put("spring.datasource.hikari.connection-timeout", "1000");
		try (ConfigurableApplicationContext app = start(List.of(), properties)) {
			assertThat(output).contains("Could not read the migration status of 'migrator'");
			JsonNode health = getResponseJson(app, "/actuator/health/migrations");
			assertThat(health.path("status").asString()).isEqualTo("DOWN");
			assertThat(health.path("details").path("error").asString()).startsWith("Cannot read the migration status");
			JsonNode database = get(app, "/actuator/migrations").path("migrators").path("migrator");
			assertThat(database.path("error").asString()).startsWith("Cannot read the migration status");
		}
	}

	ConfigurableApplicationContext start(List<String> profiles, Map<String, String> properties) {
		Map<String, Object> all = new LinkedHashMap<>(database().dataSourceProperties());
		all.putAll(properties);
		return MigrationTestApplication.start(profiles, all);
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	JsonNode get(ConfigurableApplicationContext app, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = getResponse(app, path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/** The JSON body whatever the status (health answers 503 when DOWN). */
	JsonNode getResponseJson(ConfigurableApplicationContext app, String path) throws IOException, InterruptedException {
		return this.json.readTree(getResponse(app, path).body());
	}

	HttpResponse<String> getResponse(ConfigurableApplicationContext app, String path)
			throws IOException, InterruptedException {
		return MigrationTestApplication.send(app, path, null, null, "");
	}

	/** Posts a command as an authenticated user without roles. */
	HttpResponse<String> post(ConfigurableApplicationContext app, String body)
			throws IOException, InterruptedException {
		return postAs(app, body, "deployer", "");
	}

	/** Posts a command as {@code user} with {@code roles}; anonymously when null. */
	HttpResponse<String> postAs(ConfigurableApplicationContext app, String body, String user, String roles)
			throws IOException, InterruptedException {
		return MigrationTestApplication.send(app, "/actuator/migrations", body, user, (roles != null) ? roles : "");
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.path(field).asString()));
		return texts;
	}

}
