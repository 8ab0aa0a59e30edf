package dev.retort.migration.engine;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.retort.migration.revision.MigrationPlan;

/**
 * What an upgrade, downgrade or stamp did.
 *
 * @param steps the steps that ran, in order
 * @param durations how long each step took, matching {@code steps}
 * @param current the version-table rows afterwards
 */
public record MigrationResult(List<MigrationPlan.Step> steps, List<Duration> durations, Set<String> current) {

	public MigrationResult {
		steps = List.copyOf(steps);
		durations = List.copyOf(durations);
		current = Set.copyOf(current);
	}

	public Duration totalDuration() {
		return this.durations.stream().reduce(Duration.ZERO, Duration::plus);
	}

}
