package dev.retort.migration.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import org.springframework.core.env.Environment;

/**
 * A minimal application migrated by Retort's auto-migrate: no web server, no JPA. When
 * ready it waits at a starting gate (a directory shared by every instance) so that all
 * instances upgrade at once, then prints its {@code migrations} health and exits.
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

	/** The property naming the starting gate's directory. */
	static final String GATE = "reliability.gate";

	/** The file whose presence in the gate directory lets every instance go. */
	static final String OPEN = "open";

	static final String READY = ".ready";

	@Bean
	StartingGate startingGate(Environment environment) {
		return new StartingGate(Path.of(environment.getRequiredProperty(GATE)),
				environment.getRequiredProperty("migrations.applied-by"));
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

		private final Path directory;

		private final String name;

		StartingGate(Path directory, String name) {
			this.directory = directory;
			this.name = name;
		}

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			try {
				Files.createFile(this.directory.resolve(this.name + READY));
				long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
				while (!Files.exists(this.directory.resolve(OPEN))) {
					if (System.nanoTime() - deadline > 0) {
						throw new IllegalStateException("The starting gate " + this.directory + " never opened");
					}
					Thread.sleep(5);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			System.out.println(UPGRADING + System.currentTimeMillis());
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
