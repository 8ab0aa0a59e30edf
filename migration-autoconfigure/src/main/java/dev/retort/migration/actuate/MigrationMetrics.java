package dev.retort.migration.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer metrics: {@code migrations.applied} and {@code migrations.failed} (counters,
 * by direction, there at zero from the start), {@code migrations.duration} (timer, by
 * revision and direction) and {@code migrations.pending} (gauge, by migrator).
 */
public class MigrationMetrics implements MigrationListener, MeterBinder {

	private static final List<String> DIRECTIONS = List.of(Direction.UPGRADE.label(), Direction.DOWNGRADE.label());

	private final Supplier<Map<String, Migrator>> migrators;

	private volatile MeterRegistry registry;

	public MigrationMetrics(Supplier<Map<String, Migrator>> migrators) {
		this.migrators = migrators;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		// there from the start, at zero, so that a dashboard or an alert finds them
		// before the first step
		for (String direction : DIRECTIONS) {
			applied(registry, direction);
			failed(registry, direction);
		}
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
		applied(registry, direction).increment();
		Timer.builder("migrations.duration")
			.description("How long each revision step took")
			.tag("revision", step.revision().id())
			.tag("direction", direction)
			.register(registry)
			.record(duration);
	}

	@Override
	public void stepFailed(MigrationPlan.Step step, int index, int total, Throwable failure) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			failed(registry, step.direction().label()).increment();
		}
	}

	private static Counter applied(MeterRegistry registry, String direction) {
		return Counter.builder("migrations.applied")
			.description("Revision steps applied")
			.tag("direction", direction)
			.register(registry);
	}

	private static Counter failed(MeterRegistry registry, String direction) {
		return Counter.builder("migrations.failed")
			.description("Revision steps that failed and were rolled back (or, outside a transaction, stopped)")
			.tag("direction", direction)
			.register(registry);
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
