package dev.retort.migration.autoconfigure;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.cli.MigrateRunListener;
import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for Retort migrations: a {@link Migrator} for the application's
 * DataSource, and a runner that upgrades it when the application is ready
 * ({@code migrations.auto-migrate=true}) or warns about pending revisions.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationProperties.class)
public final class MigrationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationRuns migrationRuns() {
		return new MigrationRuns();
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationExit migrationApplicationExit() {
		return ApplicationExit.SYSTEM;
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationCommands migrationCommands(MigrationRuns runs, ObjectProvider<MigrationBackup> backups) {
		return new MigrationCommands(runs, backups.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationRunner migrationRunner(ListableBeanFactory beanFactory, MigrationProperties properties,
			ApplicationExit exit, MigrationCommands commands) {
		return new MigrationRunner(beanFactory.getBeansOfType(Migrator.class), properties, exit, commands);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class MigratorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Migrator migrator(DataSource dataSource, ObjectProvider<DataSourceProperties> dataSourceProperties,
				MigrationProperties properties, ObjectProvider<MigratorConfigCustomizer> customizers,
				ObjectProvider<MigrationListener> listeners) {
			MigratorConfig config = MigratorConfig.defaults()
				.withLocations(properties.getLocations().toArray(String[]::new))
				.withTables(properties.getVersionTable(), properties.getHistoryTable())
				.withDialect(properties.getDialect())
				.withLockTimeout(properties.getLockTimeout())
				.withAppliedBy(properties.getAppliedBy())
				.withClassLoader(Thread.currentThread().getContextClassLoader());
			for (MigratorConfigCustomizer customizer : customizers.orderedStream().toList()) {
				config = customizer.customize(config);
			}
			Migrator migrator = new Migrator(
					MigrationDataSource.of(properties, dataSource, dataSourceProperties.getIfAvailable()), config);
			listeners.orderedStream().forEach(migrator::addListener);
			MigratorWarmUp.start(migrator);
			return migrator;
		}

		@Bean
		SchemaManagementProvider migrationSchemaManagementProvider(DataSource dataSource) {
			return new MigrationSchemaManagementProvider(dataSource);
		}

		@Bean
		@ConditionalOnBooleanProperty("migrations.backup.before-upgrade")
		@ConditionalOnBean(Migrator.class)
		MigrationBackup migrationBackup(Migrator migrator, DataSource dataSource,
				ObjectProvider<DataSourceProperties> dataSourceProperties, MigrationProperties properties,
				Environment environment) {
			DataSourceProperties applicationProperties = dataSourceProperties.getIfAvailable();
			DatabaseBackup backup = new DatabaseBackup(
					MigrationDataSource.of(properties, dataSource, applicationProperties),
					backupOptions(migrator, properties, environment).forUpgrades());
			return new MigrationBackup(migrator, backup);
		}

	}

	/**
	 * How the application's backups are taken: {@code migrations.backup.*}, the
	 * migrator's version table, and the DataSource's password for the PostgreSQL tools.
	 */
	public static DatabaseBackup.Options backupOptions(Migrator migrator, MigrationProperties properties,
			Environment environment) {
		String directory = properties.getBackup().getDirectory();
		return DatabaseBackup.Options.defaults()
			.withDirectory((directory != null) ? Path.of(directory) : null)
			.withPassword(environment.getProperty("spring.datasource.password"))
			.withVersionTable(migrator.config().versionTable())
			.withHistoryTable(migrator.config().historyTable())
			.withStrategy(properties.getBackup().getStrategy())
			.withTimeout(properties.getBackup().getTimeout());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HibernatePropertiesCustomizer.class)
	static class HibernateConfiguration {

		@Bean
		HibernatePropertiesCustomizer migrationDdlAutoWarning(Environment environment) {
			boolean commandRun = environment instanceof ConfigurableEnvironment configurable
					&& configurable.getPropertySources().contains(MigrateRunListener.PROPERTY_SOURCE);
			return new DdlAutoWarning(commandRun);
		}

		@Bean
		@ConditionalOnSingleCandidate(DataSource.class)
		HibernatePropertiesCustomizer migrationHibernateConnectionCheck(DataSource dataSource,
				ObjectProvider<DataSourceProperties> dataSourceProperties, Environment environment) {
			DataSourceProperties properties = dataSourceProperties.getIfAvailable();
			return new HibernateConnectionCheck(dataSource,
					new DatabaseUnreachableException.Target((properties != null) ? properties.getUrl() : null,
							(properties != null) ? properties.getUsername() : null),
					environment.containsProperty("spring.jpa.database-platform"));
		}

	}

}
