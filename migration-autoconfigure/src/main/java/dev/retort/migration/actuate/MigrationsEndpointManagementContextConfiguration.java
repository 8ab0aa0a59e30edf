package dev.retort.migration.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The checks of {@code POST /actuator/migrations} that must see the HTTP request itself,
 * in the context that serves the actuator endpoints: the application's, or the management
 * server's own when {@code management.server.port} is set.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
class MigrationsEndpointManagementContextConfiguration {

	/** A command with a query string is refused, not run with the URL's parameters. */
	@Bean
	MigrationsEndpointRequestCheck migrationsEndpointRequestCheck(ObjectProvider<PathMappedEndpoints> endpoints) {
		return new MigrationsEndpointRequestCheck(() -> {
			PathMappedEndpoints mapped = endpoints.getIfAvailable();
			return (mapped != null) ? mapped.getPath(EndpointId.of("migrations")) : null;
		});
	}

}
