package dev.retort.migration.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.retort.migration.autogenerate.GeneratedSources;
import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.widgets.WidgetApplications;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import dev.retort.migration.test.TestDatabase;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate check} as a user runs it in an application with JPA entities: against
 * the database, and against the revisions alone; and drift as {@code migrate status} and
 * the endpoint show it.
 */
abstract class AutogenerateCommandScenarios {

	abstract TestDatabase database();

	/** The Hibernate dialect the applications use on this database. */
	abstract String hibernateDialect();

	@BeforeEach
	void emptyDatabase() throws SQLException {
		database().reset();
	}

	@Test
	void checkListsWhatTheDatabaseLacksUntilTheRevisionsRun() {
		Run before = migrate(WidgetApplications.V1.class, "check");
		assertThat(before.exitCode()).as(before.err()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(before.out()).contains("1 difference between the entities and the database:")
			.contains("  - add table widgets (3 columns)");

		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();

		Run after = migrate(WidgetApplications.V1.class, "check");
		assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
		assertThat(after.out()).contains("No changes detected: the entities and the database agree.");
	}

	@Test
	void checkRevisionsComparesTheEntitiesWithWhatTheRevisionsBuildWithoutTouchingTheDatabase() throws SQLException {
		Run agree = migrate(WidgetApplications.V1.class, "check", "--revisions");
		assertThat(agree.exitCode()).as(agree.out() + agree.err()).isZero();
		assertThat(agree.out()).contains("No changes detected: the entities and the revisions agree.");

		Run differ = migrate(WidgetApplications.V2.class, "check", "--revisions");
		assertThat(differ.exitCode()).as(differ.err()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(differ.out()).contains("1 difference between the entities and the revisions:")
			.contains("  - add column widgets.colour VARCHAR(20)");
		try (var connection = database().connect();
				var tables = connection.getMetaData().getTables(null, null, "widgets", null)) {
			assertThat(tables.next()).as("the application's database is left alone").isFalse();
		}
	}

	@Test
	void statusSaysWhetherTheEntitiesMatchTheDatabase() {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();

		Run matching = migrate(WidgetApplications.V1.class, "status");
		assertThat(matching.exitCode()).isZero();
		assertThat(matching.out()).contains("Entities:   match the database");

		Run drifted = migrate(WidgetApplications.V2.class, "status");
		assertThat(drifted.exitCode()).isZero();
		assertThat(drifted.out()).contains("Entities:   1 difference from the database: see `migrate check`");
	}

	@Test
	void verifyFailsWhenTheDatabaseAtTheHeadsDiffersFromTheEntities() throws SQLException {
		Run pending = migrate(WidgetApplications.V1.class, "verify");
		assertThat(pending.exitCode()).as(pending.out()).isZero();
		assertThat(pending.out()).contains("the entities were not compared with it (1 pending revision;");

		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();
		Run matching = migrate(WidgetApplications.V1.class, "verify");
		assertThat(matching.exitCode()).as(matching.out()).isZero();
		assertThat(matching.out()).startsWith("OK:").contains("and the entities match it.");

		Run drifted = migrate(WidgetApplications.V2.class, "verify");
		assertThat(drifted.exitCode()).as(drifted.out()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(drifted.out()).contains("1 problem found")
			.contains("The database is at the heads but differs from the entities (1 difference, as the steps that "
					+ "would make it match them):")
			.contains("add column widgets.colour VARCHAR(20)")
			.contains("migrate revision --autogenerate");

		// a column added by hand, outside any revision, is drift too
		execute("ALTER TABLE widgets ADD COLUMN added_by_hand INTEGER");
		Run byHand = migrate(WidgetApplications.V1.class, "verify");
		assertThat(byHand.exitCode()).as(byHand.out()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(byHand.out()).contains("drop column widgets.added_by_hand")
			.contains("if the database was changed by hand, undo that change");
	}

	@Test
	void hibernatesSchemaUpdateLeftOnDoesNotRunInCommandsThatMustSeeTheDatabaseAsItIs() throws SQLException {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();
		String update = "--spring.jpa.hibernate.ddl-auto=update";

		// V2 has a colour column that no revision adds
		Run status = migrate(WidgetApplications.V2.class, "status", update);
		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("Entities:   1 difference from the database: see `migrate check`");
		assertThat(status.err())
			.contains("Hibernate's hibernate.hbm2ddl.auto is 'update': turned off for this " + "migrate command");
		Run check = migrate(WidgetApplications.V2.class, "check", update);
		assertThat(check.exitCode()).as(check.err()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(check.out()).contains("add column widgets.colour VARCHAR(20)");
		Run createDrop = migrate(WidgetApplications.V2.class, "verify", "--spring.jpa.hibernate.ddl-auto=create-drop");
		assertThat(createDrop.exitCode()).as(createDrop.out()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(reflect().tables()).as("Hibernate neither added the column nor dropped the tables at the end")
			.containsOnlyKeys("widgets");
		assertThat(reflect().tables().get("widgets").column("colour")).isEmpty();
	}

	@Test
	void aFirstRevisionGeneratedAgainstADatabaseThatHasTablesSaysItIsNoBaseline(@TempDir Path revisions)
			throws Exception {
		String noRevisionsYet = "filesystem:" + revisions;
		execute("CREATE TABLE widgets (id BIGINT PRIMARY KEY)");
		execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY)");

		Run adopted = migrate(WidgetApplications.V1.class, noRevisionsYet, revisions, "revision", "--autogenerate",
				"--sql", "-m", "initial schema");

		assertThat(adopted.exitCode()).as(adopted.out() + adopted.err()).isZero();
		assertThat(adopted.out())
			.contains("Note: the database already has 2 tables (invoices, widgets) and no "
					+ "revision was applied to it, so this revision holds only their difference from the entities and "
					+ "cannot build an empty database.")
			.contains("generate the first revision against an empty one and `migrate stamp` this one");

		try (Stream<Path> files = Files.list(revisions)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		database().reset();
		Run empty = migrate(WidgetApplications.V1.class, noRevisionsYet, revisions, "revision", "--autogenerate",
				"--sql", "-m", "initial schema");
		assertThat(empty.exitCode()).as(empty.out() + empty.err()).isZero();
		assertThat(empty.out()).contains("  - add table widgets").doesNotContain("already has");
	}

	@Test
	void checkListsTheHintThatADroppedAndAnAddedColumnAreProbablyARename() throws SQLException {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();
		execute("ALTER TABLE widgets RENAME COLUMN size TO bulk");

		Run check = migrate(WidgetApplications.V1.class, "check");

		assertThat(check.exitCode()).as(check.err()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(check.out()).containsSubsequence("  - drop column widgets.bulk  [destructive]",
				"      Probably a rename of bulk to size? Annotate the field with @RenamedFrom(\"bulk\")");
	}

	@Test
	void endpointSaysWhetherTheEntitiesMatchTheDatabase() throws Exception {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();

		JsonNode matching = endpoint(WidgetApplications.V1.class).path("entities");
		assertThat(matching.path("matches").asBoolean()).as(matching.toString()).isTrue();
		assertThat(matching.path("differences").isEmpty()).isTrue();

		JsonNode drifted = endpoint(WidgetApplications.V2.class).path("entities");
		assertThat(drifted.path("matches").asBoolean(true)).as(drifted.toString()).isFalse();
		assertThat(drifted.path("differences").get(0).asString()).isEqualTo("add column widgets.colour VARCHAR(20)");
	}

	@Test
	void revisionAutogenerateWritesAnSqlRevisionThatUpgradesToTheEntitiesAndDowngradesBack(@TempDir Path revisions)
			throws Exception {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();
		Schema before = reflect();
		String locations = WidgetApplications.REVISIONS + ",filesystem:" + revisions;

		Run revision = migrate(WidgetApplications.V2.class, locations, revisions, "revision", "--autogenerate", "--sql",
				"-m", "add colour to widgets");
		assertThat(revision.exitCode()).as(revision.out() + revision.err()).isZero();
		assertThat(revision.out()).contains("Wrote revision ")
			.contains(" (add colour to widgets) on cccc00000001: ")
			.contains("  - add column widgets.colour VARCHAR(20)");
		try (Stream<Path> files = Files.list(revisions)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.singleElement(InstanceOfAssertFactories.STRING)
				.endsWith("_add_colour_to_widgets." + dialectName() + ".sql");
		}

		assertThat(migrate(WidgetApplications.V2.class, locations, revisions, "upgrade").exitCode()).isZero();
		Run check = migrate(WidgetApplications.V2.class, locations, revisions, "check");
		assertThat(check.exitCode()).as(check.out()).isZero();

		Run again = migrate(WidgetApplications.V2.class, locations, revisions, "revision", "--autogenerate", "-m",
				"nothing");
		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).contains("No changes detected");

		assertThat(migrate(WidgetApplications.V2.class, locations, revisions, "downgrade", "-1").exitCode()).isZero();
		assertThat(reflect()).isEqualTo(before);
	}

	@Test
	void revisionAutogenerateWritesAJavaRevisionThatCompilesAndRuns(@TempDir Path sources, @TempDir Path classes)
			throws Exception {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();
		Map<String, Object> properties = properties();
		properties.put("migrations.autogenerate.source-dir", sources.toString());
		properties.put("migrations.autogenerate.package", "generated.revisions");

		Run revision = migrate(WidgetApplications.V2.class, properties, "revision", "--autogenerate", "-m",
				"add colour to widgets");
		assertThat(revision.exitCode()).as(revision.out() + revision.err()).isZero();
		Path file = sources.resolve("generated/revisions/AddColourToWidgets.java");
		assertThat(file).exists();
		assertThat(Files.readString(file)).contains("op.addColumn(\"widgets\"").contains("op.dropColumn(\"widgets\"");

		ClassLoader compiled = GeneratedSources.compile(sources, classes);
		properties.put("migrations.locations", WidgetApplications.REVISIONS + ",classpath:generated/revisions");
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		thread.setContextClassLoader(compiled);
		try {
			Run upgrade = migrate(WidgetApplications.V2.class, properties, "upgrade");
			assertThat(upgrade.exitCode()).as(upgrade.out() + upgrade.err()).isZero();
			assertThat(upgrade.out()).contains("add colour to widgets");
			Run check = migrate(WidgetApplications.V2.class, properties, "check");
			assertThat(check.exitCode()).as(check.out()).isZero();
		}
		finally {
			thread.setContextClassLoader(original);
		}
	}

	@Test
	void generateWithoutAutogenerateWritesAnEmptyRevisionAndSaysHowToFillItFromTheEntities(@TempDir Path sources)
			throws IOException {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();
		Map<String, Object> properties = properties();
		properties.put("migrations.autogenerate.source-dir", sources.toString());
		properties.put("migrations.autogenerate.package", "generated.revisions");

		Run generate = migrate(WidgetApplications.V2.class, properties, "generate", "-m", "add colour to widgets");

		assertThat(generate.exitCode()).as(generate.err()).isZero();
		assertThat(generate.out()).contains("Wrote revision ")
			.contains("It is empty, for you to fill in; with --autogenerate the revision holds the difference "
					+ "between the entities and the database instead.");
		assertThat(Files.readString(sources.resolve("generated/revisions/AddColourToWidgets.java")))
			.doesNotContain("op.addColumn");
	}

	@Test
	void hibernatesOwnTablesForSequenceIdsAndJoinedSubclassesAreNeverTheApplicationsTables(@TempDir Path revisions)
			throws Exception {
		String locations = WidgetApplications.REVISIONS + ",filesystem:" + revisions;
		assertThat(migrate(WidgetApplications.V3.class, locations, revisions, "upgrade").exitCode()).isZero();
		// what Hibernate leaves behind of an entity the application no longer has
		execute("CREATE TABLE \"HTE_retired_things\" (rn_ INTEGER)");
		Schema before = reflect();

		Run revision = migrate(WidgetApplications.V3.class, locations, revisions, "revision", "--autogenerate", "--sql",
				"-m", "gadgets");
		assertThat(revision.exitCode()).as(revision.out() + revision.err()).isZero();
		assertThat(revision.out()).contains("add table gadgets").contains("add table sprockets").doesNotContain("HT");
		Path file;
		try (Stream<Path> files = Files.list(revisions)) {
			file = files.findFirst().orElseThrow();
		}
		assertThat(Files.readString(file)).doesNotContain("HTE_").doesNotContain("HT_");

		assertThat(migrate(WidgetApplications.V3.class, locations, revisions, "upgrade").exitCode()).isZero();
		Run check = migrate(WidgetApplications.V3.class, locations, revisions, "check");
		assertThat(check.exitCode()).as(check.out()).isZero();
		Run replayed = migrate(WidgetApplications.V3.class, locations, revisions, "check", "--revisions");
		assertThat(replayed.exitCode()).as(replayed.out() + replayed.err()).isZero();
		Run downgrade = migrate(WidgetApplications.V3.class, locations, revisions, "downgrade", "-1");
		assertThat(downgrade.exitCode()).as(downgrade.out() + downgrade.err()).isZero();
		assertThat(reflect().tables().keySet()).as("Hibernate's tables, which it makes again at every start")
			.containsExactlyInAnyOrderElementsOf(before.tables().keySet());
	}

	@Test
	void revisionAutogenerateRefusesADatabaseBehindTheHeads() {
		Run run = migrate(WidgetApplications.V2.class, "revision", "--autogenerate", "-m", "too early");
		assertThat(run.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(run.err()).contains("The database is not at the heads").contains("Run `migrate upgrade` first");
		// a refusal for the database's state, not a mistyped command: no usage listing
		assertThat(run.err()).doesNotContain("Usage:").contains("See `migrate revision --help`.");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void anApplicationWithJpaButNoEntityHasNoModelToCompareInsteadOfOneThatDropsEveryTable(@TempDir Path sources) {
		assertThat(migrate(WidgetApplications.V1.class, "upgrade").exitCode()).isZero();
		Map<String, Object> properties = properties();
		properties.put("migrations.autogenerate.source-dir", sources.toString());

		Run check = migrate(WidgetApplications.NoEntities.class, properties, "check");
		assertThat(check.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(check.err()).contains("Autogenerate needs the application's Hibernate entity model")
			.contains("at least one @Entity");
		assertThat(check.out()).doesNotContain("drop table");

		Run revision = migrate(WidgetApplications.NoEntities.class, properties, "revision", "--autogenerate", "-m",
				"nothing to compare");
		assertThat(revision.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(revision.out()).doesNotContain("drop table").doesNotContain("Wrote revision");
		assertThat(sources).isEmptyDirectory();

		Run status = migrate(WidgetApplications.NoEntities.class, properties, "status");
		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).doesNotContain("Entities:");
	}

	@Test
	void checkSaysWhatIsMissingWhenTheApplicationHasNoEntities() {
		Map<String, Object> properties = properties();
		properties.put("migrations.locations", WidgetApplications.REVISIONS);
		Run run = CommandLineTestApplication.run(properties, "migrate", "check");
		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains("Autogenerate needs the application's Hibernate entity model");
	}

	/**
	 * The {@code /actuator/migrations} entry of the database, from the application
	 * running.
	 */
	JsonNode endpoint(Class<?> application) throws Exception {
		Map<String, Object> properties = properties();
		properties.put("migrations.locations", WidgetApplications.REVISIONS);
		properties.put("spring.jpa.database-platform", hibernateDialect());
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "migrations");
		SpringApplication spring = new SpringApplication(application);
		spring.setDefaultProperties(properties);
		try (ConfigurableApplicationContext app = spring.run()) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JsonMapper.builder().build().readTree(response.body()).path("migrators").path("migrator");
		}
	}

	Run migrate(Class<?> application, String... command) {
		return migrate(application, properties(), command);
	}

	Run migrate(Class<?> application, String locations, Path sqlDirectory, String... command) {
		Map<String, Object> properties = properties();
		properties.put("migrations.locations", locations);
		properties.put("migrations.autogenerate.sql-dir", sqlDirectory.toString());
		return migrate(application, properties, command);
	}

	Run migrate(Class<?> application, Map<String, Object> given, String... command) {
		Map<String, Object> properties = new LinkedHashMap<>(given);
		properties.putIfAbsent("migrations.locations", WidgetApplications.REVISIONS);
		properties.put("spring.jpa.database-platform", hibernateDialect());
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(application, properties, args);
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** The database's tables, Retort's own left out. */
	Schema reflect() throws SQLException {
		try (Connection connection = database().connect()) {
			Schema schema = Dialects.of(connection).reflect(connection);
			Map<String, Table> tables = new LinkedHashMap<>(schema.tables());
			tables.keySet().removeIf((name) -> name.startsWith("migrations_"));
			return new Schema(tables, schema.sequences());
		}
	}

	String dialectName() {
		try (Connection connection = database().connect()) {
			return Dialects.of(connection).name();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>(database().dataSourceProperties());
		properties.put("spring.main.banner-mode", "off");
		return properties;
	}

}
