package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.retort.migration.actuate.MigrationHealthContributorAutoConfiguration;
import dev.retort.migration.actuate.MigrationMetrics;
import dev.retort.migration.actuate.MigrationMetricsAutoConfiguration;
import dev.retort.migration.actuate.MigrationsEndpoint;
import dev.retort.migration.actuate.MigrationsEndpointAutoConfiguration;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which beans Retort's auto-configuration creates, under which conditions.
 */
class MigrationAutoConfigurationTests {

	private static final String ORCHESTRATOR = "classpath:dev/retort/migration/engine/orchestrator";

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class));

	@Test
	void withoutADataSourceNothingIsCreated() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class)
			.doesNotHaveBean(MigrationRunner.class)
			.doesNotHaveBean(MigrationProperties.class));
	}

	@Test
	void withADataSourceAMigratorAndRunnerAreCreatedWithDefaults() {
		this.runner.withBean(DataSource.class, this::sqlite).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(MigrationRunner.class);
			MigratorConfig config = context.getBean(Migrator.class).config();
			assertThat(config.locations()).containsExactly("classpath:db/migrations");
			assertThat(config.versionTable()).isEqualTo("migrations_version");
			assertThat(config.historyTable()).isEqualTo("migrations_history");
			MigrationProperties properties = context.getBean(MigrationProperties.class);
			assertThat(properties.isAutoMigrate()).isFalse();
			assertThat(properties.getTarget()).isEqualTo("heads");
			assertThat(properties.getOnFailure()).isEqualTo(MigrationProperties.OnFailure.FAIL);
			assertThat(properties.getEndpoint().isWriteEnabled()).isFalse();
			assertThat(properties.getBackup().isBeforeUpgrade()).isFalse();
			assertThat(context).doesNotHaveBean(MigrationBackup.class);
		});
	}

	@Test
	void disabledCreatesNothing() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrationRunner.class)
				.doesNotHaveBean(SchemaManagementProvider.class));
	}

	@Test
	void propertiesConfigureTheMigrator() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withPropertyValues("migrations.locations=classpath:a,filesystem:/b", "migrations.version-table=v",
					"migrations.history-table=h", "migrations.dialect=sqlite", "migrations.lock-timeout=7s",
					"migrations.applied-by=deployer", "migrations.auto-migrate=true", "migrations.target=+1",
					"migrations.on-failure=warn", "migrations.endpoint.write-enabled=true",
					"migrations.health.pending-status=UP", "migrations.backup.before-upgrade=true")
			.run((context) -> {
				MigratorConfig config = context.getBean(Migrator.class).config();
				assertThat(config.locations()).containsExactly("classpath:a", "filesystem:/b");
				assertThat(config.versionTable()).isEqualTo("v");
				assertThat(config.historyTable()).isEqualTo("h");
				assertThat(config.dialect()).isEqualTo("sqlite");
				assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(config.appliedBy()).isEqualTo("deployer");
				MigrationProperties properties = context.getBean(MigrationProperties.class);
				assertThat(properties.isAutoMigrate()).isTrue();
				assertThat(properties.getTarget()).isEqualTo("+1");
				assertThat(properties.getOnFailure()).isEqualTo(MigrationProperties.OnFailure.WARN);
				assertThat(properties.getEndpoint().isWriteEnabled()).isTrue();
				assertThat(properties.getHealth().getPendingStatus()).isEqualTo("UP");
				assertThat(context).hasSingleBean(MigrationBackup.class);
			});
	}

	@Test
	void customizersAdjustTheConfigInOrder() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				MigratorConfig config = context.getBean(Migrator.class).config();
				assertThat(config.versionTable()).isEqualTo("second_version");
				assertThat(config.historyTable()).isEqualTo("first_history");
			});
	}

	@Test
	void aUserMigratorWins() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withUserConfiguration(UserMigratorConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrator.class);
				assertThat(context.getBean(Migrator.class).config().versionTable()).isEqualTo("mine");
				assertThat(context).hasSingleBean(MigrationRunner.class);
			});
	}

	@Test
	void hibernateIsToldThatRetortManagesTheDataSource() {
		this.runner.withBean(DataSource.class, this::sqlite).run((context) -> {
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(sqlite())).isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void actuatorBeansArePresentWithActuator() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
					MigrationHealthContributorAutoConfiguration.class, MigrationMetricsAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsEndpoint.class)
					.hasSingleBean(MigrationMetrics.class)
					.hasBean("migrationsHealthContributor");
				assertThat(context.getBean("migrationsHealthContributor")).isInstanceOf(HealthContributor.class);
			});
	}

	@Test
	void healthIndicatorCanBeTurnedOff() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					MigrationHealthContributorAutoConfiguration.class))
			.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void migrationsUrlMigratesAnotherDatabaseThanTheApplicationsPool() throws Exception {
		Path migrations = this.directory.resolve("migrations.db");
		this.runner.withBean(DataSource.class, this::sqlite)
			.withPropertyValues("migrations.url=jdbc:sqlite:" + migrations, "migrations.locations=" + ORCHESTRATOR)
			.run((context) -> {
				context.getBean(Migrator.class).upgrade("heads");
				assertThat(tables("jdbc:sqlite:" + migrations)).contains("migrations_version", "tasks");
				assertThat(tables("jdbc:sqlite:" + this.directory.resolve("app.db"))).isEmpty();
			});
	}

	@Test
	void migrationsUserMigratesOverItsOwnConnectionNotOneOfThePools() {
		// the pool's only connection stays with the application: a migrator that needed
		// it
		// would time out
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("app.db"),
					"spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.connection-timeout=250",
					"migrations.user=schema_owner", "migrations.locations=" + ORCHESTRATOR)
			.run((context) -> {
				try (Connection held = context.getBean(DataSource.class).getConnection()) {
					context.getBean(Migrator.class).upgrade("heads");
					assertThat(held.isValid(1)).as("the application's connection, held throughout").isTrue();
				}
				assertThat(tables("jdbc:sqlite:" + this.directory.resolve("app.db"))).contains("tasks");
			});
	}

	@Test
	void migrationsUserWithoutAnyUrlSaysWhatToSet() {
		this.runner.withBean(DataSource.class, this::sqlite)
			.withPropertyValues("migrations.user=schema_owner")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MigrationDataSourceException.class)
				.hasMessageContaining("set migrations.url"));
	}

	@Test
	void theMigrationConnectionPropertiesHaveIdeCompletion() throws IOException {
		String metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (String property : List.of("migrations.url", "migrations.user", "migrations.password")) {
			List<String> descriptions = JsonPath.read(metadata,
					"$.properties[?(@.name == '" + property + "')].description");
			assertThat(descriptions).as(property).singleElement().asString().isNotBlank();
		}
	}

	private static Set<String> tables(String url) throws SQLException {
		Set<String> tables = new TreeSet<>();
		try (Connection connection = DriverManager.getConnection(url);
				ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

	private DataSource sqlite() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + this.directory.resolve("app.db"));
		return dataSource;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		MigratorConfigCustomizer second() {
			return (config) -> config.withTables("second_version", config.historyTable());
		}

		@Bean
		@Order(1)
		MigratorConfigCustomizer first() {
			return (config) -> config.withTables("first_version", "first_history");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMigratorConfiguration {

		@Bean
		Migrator myMigrator(DataSource dataSource) {
			return new Migrator(dataSource, MigratorConfig.defaults().withTables("mine", "mine_history"));
		}

	}

}
