package dev.retort.migration.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.cli.CommandLineTestApplication;
import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.MigrateCommand;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad input, as a user meets it through {@code migrate …}: each scenario
 * starts from a database at the heads of {@code it/good}, feeds Retort one kind of
 * mistake, and checks the message (what is wrong, where, and what to do) and that the
 * version table, the history and the schema are as they were. Written once and run
 * against SQLite and PostgreSQL.
 */
abstract class BadInputScenarios {

	static final String GOOD = "classpath:dev/retort/migration/it/good";

	static final String HEAD = "aaaa00000002";

	@TempDir
	Path revisions;

	/** The scenario's database, emptied before each scenario. */
	abstract TestDatabase database();

	/** A data source opening a new connection to the database for each use. */
	DataSource dataSource() {
		Map<String, String> properties = database().dataSourceProperties();
		return new DriverManagerDataSource(database().jdbcUrl(), properties.get("spring.datasource.username"),
				properties.get("spring.datasource.password"));
	}

	/**
	 * Whether a new connection can take the migration lock and write right now, without
	 * waiting, and no other session is left inside a transaction.
	 */
	abstract boolean anotherConnectionCanWrite() throws SQLException;

	@BeforeEach
	void databaseAtTheHeadsOfTheGoodRevisions() throws SQLException {
		database().reset();
		new Migrator(dataSource(), MigratorConfig.defaults().withLocations(GOOD)).upgrade("heads");
	}

	// -- revisions that do not load: nothing runs, not even for a command that reads

	@Test
	void sqlRevisionWithoutItsHeader() throws Exception {
		Path file = write("20261201_1200_bbbb00000003_no_header.sql",
				"-- +upgrade\nCREATE TABLE never_created (id INTEGER);\n");

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains(file + ":1: there is no '-- revision: <id>' header. "
				+ "To fix: start the file with '-- revision: <12 hex characters>'");
	}

	@Test
	void sqlRevisionWithAnUnknownHeader() throws Exception {
		Path file = write("20261201_1200_bbbb00000003_typo.sql", """
				-- revision: bbbb00000003
				-- revise: aaaa00000002
				-- +upgrade
				CREATE TABLE never_created (id INTEGER);
				""");

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains(file + ":2: unknown header 'revise'. To fix: use one of revision, revises, ");
	}

	@Test
	void sqlRevisionThatIsNotUtf8() throws Exception {
		Path file = this.revisions.resolve("20261201_1200_bbbb00000003_latin1.sql");
		Files.write(file, sqlRevision("bbbb00000003", HEAD, "INSERT INTO widgets (name) VALUES ('caf\u00e9');")
			.getBytes(StandardCharsets.ISO_8859_1));

		Run run = refused(withRevisionFiles(), "status");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains(file + ":5: the file is not UTF-8 text (byte 0xe9 at offset ")
			.contains("To fix: save it as UTF-8");
	}

	@Test
	void javaRevisionThatIsNotAMigration() throws Exception {
		Run run = refused(GOOD + ",classpath:dev/retort/migration/revision/fixtures/notmigration", "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Class dev.retort.migration.revision.fixtures.notmigration.NotAMigration "
					+ "is annotated @Revision but does not implement dev.retort.migration.revision.Migration")
			.contains("Add 'implements Migration' with upgrade(Operations) and downgrade(Operations), "
					+ "or remove the annotation.");
	}

	@Test
	void javaRevisionWithoutANoArgumentConstructor() throws Exception {
		Run run = refused(GOOD + ",classpath:dev/retort/migration/revision/fixtures/noconstructor", "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Revision class dev.retort.migration.revision.fixtures.noconstructor.NeedsArgument "
					+ "has no public no-argument constructor")
			.contains("Give dev.retort.migration.revision.fixtures.noconstructor.NeedsArgument a public "
					+ "no-argument constructor");
	}

	@Test
	void unknownDialectInAFileName() throws Exception {
		Path file = write("20261201_1200_bbbb00000003_bump_to_1.5.sql",
				sqlRevision("bbbb00000003", HEAD, "CREATE TABLE never_created (id INTEGER);"));

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains(file + ":1: the file name ends in '.5.sql', which limits it to a dialect '5' "
					+ "that Retort does not know, so the revision would run nowhere and be recorded as applied.")
			.contains("To fix: rename the file: end it in '.sql' alone to run it on every database, or in "
					+ "'.<dialect>.sql' with one of postgresql, sqlite (a version in the name is fine without a dot, "
					+ "e.g. 'bump_to_1_5.sql').");
	}

	@Test
	void misspeltDialectInAFileName() throws Exception {
		Path file = write("20261201_1200_bbbb00000003_trigram.postgres.sql",
				sqlRevision("bbbb00000003", HEAD, "CREATE TABLE never_created (id INTEGER);"));

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains(file + ":1: the file name ends in '.postgres.sql', which limits it to a "
					+ "dialect 'postgres' that Retort does not know (did you mean 'postgresql'?)")
			.contains("To fix: rename the file");
	}

	@Test
	void unknownDialectInARevisionAnnotation() throws Exception {
		Run run = refused(GOOD + ",classpath:dev/retort/migration/revision/fixtures/unknowndialect", "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Revision class dev.retort.migration.revision.fixtures.unknowndialect."
					+ "PostgresOnly has @Revision(dialects = \"postgres\"), a dialect Retort does not know")
			.contains("(did you mean 'postgresql'?)")
			.contains("Use one of postgresql, sqlite, or drop dialects to run it on every database.");
	}

	// -- graphs that do not hold together

	@Test
	void duplicateRevisionId() throws Exception {
		Path file = write("20261201_1200_aaaa00000002_again.sql",
				sqlRevision(HEAD, "aaaa00000001", "CREATE TABLE never_created (id INTEGER);"));

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Revision id aaaa00000002 is declared twice: in " + file
					+ " and in dev.retort.migration.it.good.AddWidgetSize.")
			.contains("Each revision needs its own id: give one of them a new id, "
					+ "and update the revisions that revise it.");
	}

	@Test
	void revisesARevisionThatDoesNotExist() throws Exception {
		Path file = write("20261201_1200_bbbb00000003_orphan.sql",
				sqlRevision("bbbb00000003", "ffff00000009", "CREATE TABLE never_created (id INTEGER);"));

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains("Revision bbbb00000003 in " + file
				+ " revises ffff00000009, but no revision has that id. Correct 'revises' in " + file
				+ ", or restore the revision ffff00000009.");
	}

	@Test
	void cycleInTheGraph() throws Exception {
		write("20261201_1200_bbbb00000003_one.sql",
				sqlRevision("bbbb00000003", "bbbb00000004", "CREATE TABLE never_created (id INTEGER);"));
		write("20261201_1300_bbbb00000004_two.sql",
				sqlRevision("bbbb00000004", "bbbb00000003", "CREATE TABLE never_created_either (id INTEGER);"));

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Revisions form a cycle: bbbb00000003 -> bbbb00000004 -> bbbb00000003 " + "(bbbb00000003 in "
					+ this.revisions.resolve("20261201_1200_bbbb00000003_one.sql"))
			.contains("Correct 'revises' or 'dependsOn' in one of these so that a revision never revises "
					+ "its own descendants.");
	}

	// -- targets

	@Test
	void unknownTargets() throws Exception {
		Run upgrade = refused(GOOD, "upgrade", "ffff99999999");
		assertThat(upgrade.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(upgrade.err()).contains("No revision or branch label is named 'ffff99999999'. "
				+ "The head is aaaa00000002. Check the id (a unique prefix is enough), or list revisions with history.")
			.contains("See `migrate upgrade --help`.");

		Run downgrade = refused(GOOD, "downgrade", "nope@head");
		assertThat(downgrade.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(downgrade.err()).contains("Target 'nope@head' names the branch 'nope', but no revision declares "
				+ "that label or has that id. Known labels: none.");

		Run stamp = refused(GOOD, "stamp", "-5");
		assertThat(stamp.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(stamp.err()).contains("Target '-5' moves 5 step(s) down, but only 2 revision(s) are applied. "
				+ "Use a smaller N or base; `current` shows where the database is.");
	}

	@Test
	void ambiguousRevisionPrefix() throws Exception {
		Run run = refused(GOOD, "downgrade", "aaaa0000000");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(run.err()).contains("'aaaa0000000' is the start of several revision ids: aaaa00000001 (create "
				+ "widgets), aaaa00000002 (add size to widgets). Write more of the id.");
	}

	// -- a database and code that disagree

	@Test
	void databaseAheadOfTheCode() throws Exception {
		write("20261201_1200_bbbb00000003_newer.sql",
				sqlRevision("bbbb00000003", HEAD, "CREATE TABLE newer (id INTEGER);"));
		assertThat(migrate(withRevisionFiles(), "upgrade").exitCode()).isZero();

		Run run = refused(GOOD, "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(run.err()).contains("The database's version table migrations_version holds revision bbbb00000003, "
				+ "which this code does not know: the database is ahead of the code. Deploy the code that has it, or, "
				+ "if the database really is at a revision this code knows, record that with "
				+ "`stamp <revision> --purge`. Nothing was run (upgrade heads).");
		Run script = refused(GOOD, "upgrade", "--sql");
		assertThat(script.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(script.err())
			.contains("holds revision bbbb00000003, which this code does not know: the database "
					+ "is ahead of the code")
			.contains("Nothing was run (upgrade heads --sql).")
			.doesNotContain("No revision");
		assertThat(script.out()).isEmpty();
		Run status = refused(GOOD, "status");
		assertThat(status.exitCode()).isZero();
		assertThat(status.out()).contains("Current:    bbbb00000003")
			.contains("Pending:    unknown (the database is at revisions this code does not know)")
			.contains("Unknown to this code: bbbb00000003")
			.contains("The database is ahead of the code: it is at bbbb00000003, which this code does not know, "
					+ "so `migrate upgrade` refuses to run.")
			.doesNotContain("aaaa00000001 create widgets")
			.doesNotContain("apply with `migrate upgrade`");
		assertThat(refused(GOOD, "history", "-i").out()).startsWith("bbbb00000003 (current), which this code does "
				+ "not know: the database is ahead of the code\n" + "aaaa00000001 -> aaaa00000002 (head)");
		Run show = refused(GOOD, "show", "bbbb0000");
		assertThat(show.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(show.err()).contains("The database's version table holds bbbb00000003, which this code does not "
				+ "know: the database is ahead of the code, so there is no revision to show.");
		// what health, the endpoint and the pending gauge read: an upgrade would apply
		// nothing
		MigrationStatus api = new Migrator(dataSource(), MigratorConfig.defaults().withLocations(GOOD)).status();
		assertThat(api.unknown()).containsExactly("bbbb00000003");
		assertThat(api.pending()).isEmpty();
	}

	@Test
	void revisionEditedAfterItWasApplied() throws Exception {
		Path file = write("20261201_1200_bbbb00000003_gizmos.sql",
				sqlRevision("bbbb00000003", HEAD, "CREATE TABLE gizmos (id INTEGER);"));
		assertThat(migrate(withRevisionFiles(), "upgrade").exitCode()).isZero();
		Files.writeString(file, sqlRevision("bbbb00000003", HEAD, "CREATE TABLE gizmos (id INTEGER, name TEXT);"));

		Run verify = refused(withRevisionFiles(), "verify");
		assertThat(verify.exitCode()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(verify.out()).contains("1 problem found:")
			.contains("Revision bbbb00000003 (table bbbb00000003) was changed after it was applied: its checksum was ")
			.contains("(" + file + "). Undo the edit and write a new revision instead.");

		Run status = refused(withRevisionFiles(), "status");
		assertThat(status.out()).contains("Checksum mismatches: bbbb00000003")
			.contains("Revisions were changed after they were applied: see `migrate verify`.");

		write("20261201_1300_cccc00000004_widgets.sql",
				sqlRevision("cccc00000004", "bbbb00000003", "CREATE TABLE later (id INTEGER);"));
		Run upgrade = migrate(withRevisionFiles(), "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.err())
			.contains("Revision bbbb00000003 (table bbbb00000003) was changed after it was "
					+ "applied: its checksum was ")
			.contains("The change does not run again; undo the edit and write a new revision instead");
		assertThat(upgrade.out()).doesNotContain("was changed after it was applied");
		assertThat(migrate(withRevisionFiles(), "upgrade").err()).as("nothing to run, nothing checked")
			.doesNotContain("was changed after it was applied");
	}

	// -- revisions that fail while they run

	@Test
	void revisionFailingAtItsSecondStatement() throws Exception {
		write("20261201_1200_bbbb00000003_half.sql", sqlRevision("bbbb00000003", HEAD,
				"INSERT INTO widgets (name) VALUES ('half');\nINSERT INTO no_such_table (id) VALUES (1);"));
		BadInputDatabaseState before = state();

		Run run = migrate(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Upgrade of revision bbbb00000003 (table bbbb00000003) failed and was rolled "
					+ "back; the database stays at aaaa00000002.")
			.containsPattern("\n  source: \\S*20261201_1200_bbbb00000003_half\\.sql:6\n")
			.contains("  statement: INSERT INTO no_such_table (id) VALUES (1)")
			.contains("no_such_table")
			.contains("Fix the revision (or the data it trips on) and run the upgrade again.")
			.doesNotContain("\tat ");
		BadInputDatabaseState after = state();
		assertThat(after.versions()).isEqualTo(before.versions()).containsExactly(HEAD);
		assertThat(after.schema()).isEqualTo(before.schema());
		assertThat(count("widgets")).as("the first statement's row").isZero();
		assertThat(after.history()).hasSize(before.history().size() + 1)
			.startsWith(before.history().get(0), before.history().get(1));
		assertThat(migrate(withRevisionFiles(), "status").out()).contains("Pending:    1")
			.contains("Last attempt: upgrade of bbbb00000003 failed at ")
			.contains("no_such_table");
		Run verify = migrate(withRevisionFiles(), "verify");
		assertThat(verify.exitCode()).as("the revisions and the database are consistent").isZero();
		assertThat(verify.out()).contains("Note: the last attempt, upgrade of bbbb00000003 failed at ")
			.contains("; see `migrate status`.");
	}

	@Test
	void revisionThatCommitsHalfwayIsRefusedBeforeItsFirstStatementStays() throws Exception {
		write("20261201_1200_bbbb00000003_commits.sql", sqlRevision("bbbb00000003", HEAD,
				"CREATE TABLE halfway (id INTEGER);\nCOMMIT;\nINSERT INTO no_such_table (id) VALUES (1);"));
		BadInputDatabaseState before = state();

		Run run = migrate(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Upgrade of revision bbbb00000003 (table bbbb00000003) failed and was rolled back; the database "
					+ "stays at aaaa00000002.")
			.contains("runs 'COMMIT', which ends or starts a transaction, but every revision runs in a transaction "
					+ "of its own")
			.contains("'-- transactional: false' in SQL");
		BadInputDatabaseState after = state();
		assertThat(after.versions()).isEqualTo(before.versions()).containsExactly(HEAD);
		assertThat(after.schema()).as("no table of the revision stays").isEqualTo(before.schema());
		assertThat(migrate(withRevisionFiles(), "status").out()).contains("Pending:    1");
	}

	@Test
	void revisionWrappedInItsOwnTransactionIsRefusedOnEveryDatabase() throws Exception {
		write("20261201_1200_bbbb00000003_wrapped.sql",
				sqlRevision("bbbb00000003", HEAD, "BEGIN;\nCREATE TABLE wrapped (id INTEGER);\nEND;"));
		BadInputDatabaseState before = state();

		Run run = migrate(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains("runs 'BEGIN', which ends or starts a transaction");
		assertThat(state().versions()).isEqualTo(before.versions());
		assertThat(state().schema()).isEqualTo(before.schema());
		Run script = migrate(withRevisionFiles(), "upgrade", "--sql");
		assertThat(script.exitCode()).as("an offline script would commit it without its version row too").isNotZero();
		assertThat(script.err()).contains("runs 'BEGIN', which ends or starts a transaction");
	}

	@Test
	void aRevisionWithoutAMessageIsListedWithoutADanglingSeparator() throws Exception {
		write("20261201_1200_bbbb00000003_quiet.sql", "-- revision: bbbb00000003\n-- revises: " + HEAD
				+ "\n-- +upgrade\nCREATE TABLE quiet (id INTEGER);\n-- +downgrade\nDROP TABLE quiet;\n");

		assertThat(migrate(withRevisionFiles(), "status").out()).contains("\n  bbbb00000003\n");
		assertThat(migrate(withRevisionFiles(), "heads").out().strip()).isEqualTo("bbbb00000003 (head)");
		assertThat(migrate(withRevisionFiles(), "upgrade").exitCode()).isZero();
		assertThat(migrate(withRevisionFiles(), "current").out().strip()).isEqualTo("bbbb00000003 (head)");
		assertThat(migrate(withRevisionFiles(), "history").out()).contains(HEAD + " -> bbbb00000003 (head)\n");
	}

	@Test
	void revisionIdLongerThanTheVersionTableHoldsIsRefusedBeforeAnythingRuns() throws Exception {
		String id = "b".repeat(65);
		Path file = write("20261201_1200_long_id.sql",
				sqlRevision(id, HEAD, "CREATE TABLE never_created (id INTEGER);"));

		Run run = refused(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains("Revision id '" + id + "' in " + file + " is 65 characters long; the version "
				+ "and history tables hold ids of up to 64. Shorten it");
	}

	@Test
	void revisionThrowingAnErrorLeavesTheApplicationsConnectionClean() throws Exception {
		BadInputDatabaseState before = state();
		Map<String, Object> properties = new LinkedHashMap<>(database().dataSourceProperties());
		properties.put("migrations.locations", GOOD + ",classpath:dev/retort/migration/it/erroring");
		properties.put("migrations.auto-migrate", "true");
		properties.put("migrations.on-failure", "warn");
		properties.put("spring.datasource.hikari.maximum-pool-size", "1");
		SpringApplication application = new SpringApplication(CommandLineTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		try (ConfigurableApplicationContext app = application.run()) {
			assertThat(app.getBean(Migrator.class).current()).containsExactly(HEAD);
			// the pool's only connection, as the application gets it next
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			assertThat(jdbc.execute((Connection connection) -> connection.getAutoCommit())).isTrue();
			jdbc.update("INSERT INTO widgets (name) VALUES ('after the failure')");
			assertThat(anotherConnectionCanWrite()).isTrue();
		}
		assertThat(anotherConnectionCanWrite()).isTrue();
		assertThat(count("widgets")).isOne();
		BadInputDatabaseState after = state();
		assertThat(after.versions()).isEqualTo(before.versions());
		assertThat(after.schema()).isEqualTo(before.schema());
		assertThat(after.history()).hasSize(before.history().size() + 1);
		assertThat(after.history().get(before.history().size())).containsEntry("revision", "eeee00000003")
			.hasEntrySatisfying("error", (error) -> assertThat(error).asString().contains("a bug in the revision"));
	}

	@Test
	void revisionThrowingAnErrorFromTheCommandLine() throws Exception {
		Run run = migrate(GOOD + ",classpath:dev/retort/migration/it/erroring", "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err())
			.contains("Upgrade of revision eeee00000003 (fail with an assertion error) failed and "
					+ "was rolled back; the database stays at aaaa00000002.")
			.contains("  error: AssertionError: a bug in the revision")
			.contains("Fix the revision (or the data it trips on) and run the upgrade again.")
			.doesNotContain("\tat ");
		assertThat(versions()).containsExactly(HEAD);
		assertThat(anotherConnectionCanWrite()).isTrue();
	}

	// -- helpers

	/** Runs a command that must be refused, and checks that nothing changed. */
	Run refused(String locations, String... command) throws SQLException {
		BadInputDatabaseState before = state();
		Run run = migrate(locations, command);
		assertThat(run.err()).as("no stack trace for the user").doesNotContain("\tat ");
		assertThat(state()).as("nothing changed").isEqualTo(before);
		return run;
	}

	Run migrate(String locations, String... command) {
		Map<String, Object> properties = new LinkedHashMap<>(database().dataSourceProperties());
		properties.put("migrations.locations", locations);
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(properties, args);
	}

	/** The good revisions and the SQL files this scenario wrote. */
	String withRevisionFiles() {
		return GOOD + ",filesystem:" + this.revisions;
	}

	Path write(String name, String content) throws IOException {
		return Files.writeString(this.revisions.resolve(name), content);
	}

	static String sqlRevision(String id, String revises, String upgrade) {
		return "-- revision: " + id + "\n-- revises: " + revises + "\n-- message: table " + id + "\n-- +upgrade\n"
				+ upgrade + "\n-- +downgrade\nSELECT 1;\n";
	}

	/** The version table, the history and the schema, read directly. */
	BadInputDatabaseState state() throws SQLException {
		return BadInputDatabaseState.of(database());
	}

	List<String> versions() throws SQLException {
		return state().versions();
	}

	long count(String table) throws SQLException {
		try (Connection connection = database().connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
