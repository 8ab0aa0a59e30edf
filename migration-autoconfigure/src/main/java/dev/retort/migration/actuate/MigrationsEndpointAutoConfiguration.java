package dev.retort.migration.actuate;

import java.util.List;
import java.util.Set;

import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.autoconfigure.MigrationAutoConfiguration;
import dev.retort.migration.autoconfigure.MigrationCommands;
import dev.retort.migration.autoconfigure.MigrationProperties;
import dev.retort.migration.autoconfigure.MigrationRuns;
import dev.retort.migration.engine.Migrator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for the {@code migrations} actuator endpoint.
 */
// after autogenerate by name: its class needs Hibernate, which an application may not
// have
@AutoConfiguration(after = MigrationAutoConfiguration.class,
		afterName = "dev.retort.migration.autoconfigure.MigrationAutogenerateAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean({ Migrator.class, MigrationRuns.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(ListableBeanFactory beanFactory, MigrationRuns runs,
			MigrationProperties properties, ObjectProvider<MigrationCommands> commands,
			ObjectProvider<Autogenerator> autogenerators, Environment environment) {
		// the revision view's SQL is shown like health details
		Binder binder = Binder.get(environment);
		Show showDetails = binder.bind("management.endpoint.health.show-details", Show.class).orElse(Show.NEVER);
		Set<String> detailRoles = binder.bind("management.endpoint.health.roles", Bindable.setOf(String.class))
			.orElse(Set.of());
		MigrationsEndpoint.Access access = new MigrationsEndpoint.Access(properties.getEndpoint().isWriteEnabled(),
				properties.getEndpoint().getRoles(), showDetails, detailRoles);
		return new MigrationsEndpoint(beanFactory.getBeansOfType(Migrator.class), runs, access,
				commands.getIfAvailable(() -> new MigrationCommands(runs, List.of())),
				autogenerators.orderedStream().toList());
	}

	/** A command with a key the endpoint does not take is refused, not run without it. */
	@Bean
	MigrationsEndpointArgumentCheck migrationsEndpointArgumentCheck() {
		return new MigrationsEndpointArgumentCheck();
	}

	/** Bodies Spring MVC cannot read get an answer that says what to send. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
	static class ServletBodyErrorsConfiguration {

		@Bean
		MigrationsEndpointBodyErrors migrationsEndpointBodyErrors(ObjectProvider<PathMappedEndpoints> endpoints) {
			return new MigrationsEndpointBodyErrors(() -> {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				return (mapped != null) ? mapped.getPath(EndpointId.of("migrations")) : null;
			});
		}

	}

}
