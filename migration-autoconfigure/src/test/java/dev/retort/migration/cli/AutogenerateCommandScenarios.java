package dev.retort.migration.cli;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.widgets.WidgetApplications;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate check} as a user runs it in an application with JPA entities: against
 * the database, and against the revisions alone.
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
	void checkSaysWhatIsMissingWhenTheApplicationHasNoEntities() {
		Map<String, Object> properties = properties();
		properties.put("migrations.locations", WidgetApplications.REVISIONS);
		Run run = CommandLineTestApplication.run(properties, "migrate", "check");
		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains("Autogenerate needs the application's Hibernate entity model");
	}

	Run migrate(Class<?> application, String... command) {
		Map<String, Object> properties = properties();
		properties.put("migrations.locations", WidgetApplications.REVISIONS);
		properties.put("spring.jpa.database-platform", hibernateDialect());
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(application, properties, args);
	}

	private Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>(database().dataSourceProperties());
		properties.put("spring.main.banner-mode", "off");
		return properties;
	}

}
