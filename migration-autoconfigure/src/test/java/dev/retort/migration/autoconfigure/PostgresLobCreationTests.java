package dev.retort.migration.autoconfigure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, every Retort app tells Hibernate not to probe
 * {@code Connection.createClob()}, which pgjdbc does not implement (the probe made Hikari
 * log a stack trace and drop a connection on every start).
 */
class PostgresLobCreationTests {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class));

	@Test
	void onPostgresHibernateCreatesLobsWithoutProbingTheDriver() {
		this.runner.withBean(DataSource.class, postgres::dataSource)
			.run((context) -> assertThat(hibernateProperties(context, new HashMap<>()))
				.containsEntry(PostgresLobCreation.NON_CONTEXTUAL_CREATION, "true"));
	}

	@Test
	void anExplicitSettingIsLeftAlone() {
		Map<String, Object> explicit = new HashMap<>(Map.of(PostgresLobCreation.NON_CONTEXTUAL_CREATION, "false"));
		this.runner.withBean(DataSource.class, postgres::dataSource)
			.run((context) -> assertThat(hibernateProperties(context, explicit))
				.containsEntry(PostgresLobCreation.NON_CONTEXTUAL_CREATION, "false"));
	}

	@Test
	void onSqliteNothingChanges() {
		SQLiteDataSource sqlite = new SQLiteDataSource();
		sqlite.setUrl("jdbc:sqlite:" + this.directory.resolve("app.db"));
		this.runner.withBean(DataSource.class, () -> sqlite)
			.run((context) -> assertThat(hibernateProperties(context, new HashMap<>()))
				.doesNotContainKey(PostgresLobCreation.NON_CONTEXTUAL_CREATION));
	}

	private static Map<String, Object> hibernateProperties(AssertableApplicationContext context,
			Map<String, Object> properties) {
		context.getBeanProvider(HibernatePropertiesCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(properties));
		return properties;
	}

}
