package dev.retort.migration.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.retort.migration.autoconfigure.ApplicationExit;
import dev.retort.migration.autoconfigure.MigrationAutoConfiguration;
import dev.retort.migration.autoconfigure.MigrationBackup;
import dev.retort.migration.autoconfigure.MigrationProperties;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.engine.Migrator;
import picocli.CommandLine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code migrate} command line: runs one command when the
 * application's arguments start with {@code migrate}.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass(CommandLine.class)
public final class MigrationCommandLineAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrateCommandRunner migrateCommandRunner(ObjectProvider<Migrator> migrators,
			ObjectProvider<DataSource> dataSources, ObjectProvider<MigrationProperties> properties,
			ObjectProvider<MigrationBackup> backupsBeforeUpgrade, ObjectProvider<ApplicationExit> exits,
			Environment environment) {
		Function<Path, DatabaseBackup> backups = (directory) -> {
			String configured = properties.getIfAvailable(MigrationProperties::new).getBackup().getDirectory();
			Path chosen = (directory != null) ? directory : (configured != null) ? Path.of(configured) : null;
			return new DatabaseBackup(dataSources.getObject(), chosen,
					environment.getProperty("spring.datasource.password"), Clock.systemUTC());
		};
		return new MigrateCommandRunner(migrators, backups, backupsBeforeUpgrade.orderedStream().toList(),
				exits.getIfAvailable(() -> ApplicationExit.SYSTEM));
	}

}
