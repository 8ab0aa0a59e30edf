package dev.retort.migration.autoconfigure;

import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Keeps readiness at {@code REFUSING_TRAFFIC} after a failed auto-migrate with
 * {@code migrations.on-failure=warn}: Spring Boot publishes {@code ACCEPTING_TRAFFIC}
 * once the ready-event listeners (the runner among them) have returned, and this
 * listener, ordered after Spring Boot's own, takes it back.
 */
public class ReadinessAfterFailedMigration implements SpringApplicationRunListener, Ordered {

	public ReadinessAfterFailedMigration(SpringApplication application, String[] args) {
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		if (context.getBeanProvider(MigrationRunner.class).stream().anyMatch(MigrationRunner::refusesTraffic)) {
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		}
	}

}
