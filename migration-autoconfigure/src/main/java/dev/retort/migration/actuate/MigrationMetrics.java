package dev.retort.migration.actuate;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.revision.MigrationPlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer metrics: {@code migrations.applied} (counter, by direction),
 * {@code migrations.duration} (timer, by revision and direction) and
 * {@code migrations.pending} (gauge, by migrator).
 */
public class MigrationMetrics implements MigrationListener, MeterBinder {

	private final Supplier<Map<String, Migrator>> migrators;

	private volatile MeterRegistry registry;

	public MigrationMetrics(Supplier<Map<String, Migrator>> migrators) {
		this.migrators = migrators;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.migrators.get()
			.forEach((name, migrator) -> Gauge.builder("migrations.pending", migrator, MigrationMetrics::pending)
				.description("Revisions an upgrade to heads would apply")
				.tag("migrator", name)
				.register(registry));
	}

	@Override
	public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		String direction = step.direction().label();
		Counter.builder("migrations.applied")
			.description("Revision steps applied")
			.tag("direction", direction)
			.register(registry)
			.increment();
		Timer.builder("migrations.duration")
			.description("How long each revision step took")
			.tag("revision", step.revision().id())
			.tag("direction", direction)
			.register(registry)
			.record(duration);
	}

	private static double pending(Migrator migrator) {
		try {
			return migrator.status().pending().size();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
