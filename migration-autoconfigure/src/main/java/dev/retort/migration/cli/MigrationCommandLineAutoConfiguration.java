package dev.retort.migration.cli;

import java.util.List;
import java.util.function.Function;

import dev.retort.migration.autoconfigure.ApplicationExit;
import dev.retort.migration.autoconfigure.MigrationAutoConfiguration;
import dev.retort.migration.autoconfigure.MigrationCommands;
import dev.retort.migration.autoconfigure.MigrationProperties;
import dev.retort.migration.autoconfigure.MigrationRuns;
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
			ObjectProvider<MigrationProperties> properties, ObjectProvider<MigrationCommands> commands,
			ObjectProvider<ApplicationExit> exits, Environment environment) {
		Function<Migrator, DatabaseBackup> backups = (migrator) -> new DatabaseBackup(migrator.dataSource(),
				MigrationAutoConfiguration.backupOptions(migrator, properties.getIfAvailable(MigrationProperties::new),
						environment));
		return new MigrateCommandRunner(migrators, backups,
				commands.getIfAvailable(() -> new MigrationCommands(new MigrationRuns(), List.of())),
				exits.getIfAvailable(() -> ApplicationExit.SYSTEM));
	}

}
