package dev.retort.migration.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.widgets.WidgetApplications;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import org.hibernate.community.dialect.SQLiteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with two databases, each with its own {@link Migrator} bean: the
 * application's (with the entities) and a reporting one. {@code --migrator} picks the one
 * a command runs with; without it, the {@code @Primary} one.
 */
class SeveralMigratorsCommandTests {

	@TempDir
	Path directory;

	@Test
	void migratorNamesTheDatabaseACommandRunsWith() {
		Run upgrade = migrate(TwoDatabases.class, "--migrator", "reporting", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).contains("Applied 2 revisions");

		// after the command too; the entities go with the other database, so they are
		// not compared with this one
		Run reporting = migrate(TwoDatabases.class, "status", "--migrator", "reporting");
		assertThat(reporting.exitCode()).as(reporting.err()).isZero();
		assertThat(reporting.out()).contains("Current:    aaaa00000002").doesNotContain("Entities:");

		Run main = migrate(TwoDatabases.class, "current");
		assertThat(main.exitCode()).as(main.err()).isZero();
		assertThat(main.out()).as("the @Primary one was not touched")
			.isEqualTo("base (no revision applied)" + System.lineSeparator());

		assertThat(migrate(TwoDatabases.class, "upgrade").exitCode()).isZero();
		Run check = migrate(TwoDatabases.class, "check");
		assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
		assertThat(check.out()).contains("No changes detected");
		Run verify = migrate(TwoDatabases.class, "--verbose", "--migrator", "migrator", "verify");
		assertThat(verify.exitCode()).as(verify.out()).isZero();
		assertThat(verify.out()).contains("and the entities match it.");
	}

	@Test
	void anUnknownNameOrTheEntitiesOfAnotherDatabaseAreRefused() {
		Run unknown = migrate(TwoDatabases.class, "--migrator", "nope", "status");
		assertThat(unknown.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(unknown.err()).contains("No Migrator bean is named 'nope'. Use one of: migrator, reporting.");

		Run check = migrate(TwoDatabases.class, "--migrator", "reporting", "check");
		assertThat(check.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(check.err()).contains("The application's entities go with the database of the Migrator "
				+ "'migrator', not with 'reporting' that --migrator names");
	}

	@Test
	void withoutAPrimaryOneACommandAsksWhichAndTheApplicationStillStarts() {
		Run status = migrate(NoPrimary.class, "status");
		assertThat(status.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(status.err()).contains("it has first, second. Name one with `migrate --migrator NAME …`");
		Run named = migrate(NoPrimary.class, "--migrator", "second", "current");
		assertThat(named.exitCode()).as(named.err()).isZero();
		assertThat(named.out()).isEqualTo("base (no revision applied)" + System.lineSeparator());
	}

	private Run migrate(Class<?> application, String... command) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", "jdbc:sqlite:" + this.directory.resolve("app.db"));
		properties.put("spring.jpa.database-platform", SQLiteDialect.class.getName());
		properties.put("spring.main.banner-mode", "off");
		properties.put("test.reporting-url", "jdbc:sqlite:" + this.directory.resolve("reporting.db"));
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(application, properties, args);
	}

	/** The application's database, with the widgets' revisions and entities. */
	static Migrator widgets(DataSource dataSource) {
		return new Migrator(dataSource, MigratorConfig.defaults().withLocations(WidgetApplications.REVISIONS));
	}

	/** A second database, with revisions of its own. */
	static Migrator reporting(Environment environment) {
		return new Migrator(new DriverManagerDataSource(environment.getRequiredProperty("test.reporting-url")),
				MigratorConfig.defaults().withLocations(MigrateCommandScenarios.GOOD));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = dev.retort.migration.cli.widgets.v1.Widget.class)
	static class TwoDatabases {

		@Bean
		@Primary
		Migrator migrator(DataSource dataSource) {
			return widgets(dataSource);
		}

		@Bean
		Migrator reporting(Environment environment) {
			return SeveralMigratorsCommandTests.reporting(environment);
		}

	}

	/** The same two, neither of them {@code @Primary}. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = dev.retort.migration.cli.widgets.v1.Widget.class)
	static class NoPrimary {

		@Bean
		Migrator first(DataSource dataSource) {
			return widgets(dataSource);
		}

		@Bean
		Migrator second(Environment environment) {
			return reporting(environment);
		}

	}

}
