package dev.retort.migration.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * A minimal application migrated by Retort's auto-migrate: no web server, no JPA. When
 * ready it waits at a starting gate (it prints {@link #READY} and blocks until the test
 * writes a line to its stdin) so that all instances upgrade at once, then prints its
 * {@code migrations} health and exits.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
class ConcurrentStartApplication {

	/** Printed with the epoch millisecond at which the instance starts upgrading. */
	static final String UPGRADING = "upgrading at ";

	/** Printed with the {@code migrations} health status after the upgrade. */
	static final String HEALTH = "migrations health ";

	/** Printed when the instance waits at the starting gate. */
	static final String READY = "ready at the gate";

	@Bean
	StartingGate startingGate() {
		return new StartingGate();
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ConcurrentStartApplication.class)
			.web(WebApplicationType.NONE)
			.run(args);
		HealthIndicator health = context.getBean("migrationsHealthContributor", HealthIndicator.class);
		System.out.println(HEALTH + health.health().getStatus());
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * Runs before the migration runner: says this instance is ready, then waits until the
	 * test opens the gate.
	 */
	static class StartingGate implements ApplicationListener<ApplicationReadyEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			System.out.println(READY);
			try {
				// blocks until the test opens the gate (or its end of the pipe closes)
				new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.out.println(UPGRADING + System.currentTimeMillis());
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
