package dev.retort.migration.actuate;

import java.util.List;

import dev.retort.migration.autoconfigure.MigrationAutoConfiguration;
import dev.retort.migration.autoconfigure.MigrationCommands;
import dev.retort.migration.autoconfigure.MigrationProperties;
import dev.retort.migration.autoconfigure.MigrationRuns;
import dev.retort.migration.engine.Migrator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code migrations} actuator endpoint.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean({ Migrator.class, MigrationRuns.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(ListableBeanFactory beanFactory, MigrationRuns runs,
			MigrationProperties properties, ObjectProvider<MigrationCommands> commands) {
		return new MigrationsEndpoint(beanFactory.getBeansOfType(Migrator.class), runs,
				properties.getEndpoint().isWriteEnabled(),
				commands.getIfAvailable(() -> new MigrationCommands(runs, List.of())));
	}

}
