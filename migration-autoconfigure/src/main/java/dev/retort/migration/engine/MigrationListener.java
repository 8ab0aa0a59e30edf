package dev.retort.migration.engine;

import java.time.Duration;

import dev.retort.migration.revision.MigrationPlan;

/**
 * Hears about each step a {@link Migrator} runs: for logging, metrics, readiness.
 */
public interface MigrationListener {

	/**
	 * A step is about to run.
	 * @param step the step
	 * @param index its 1-based position in the plan
	 * @param total the number of steps in the plan
	 */
	default void beforeStep(MigrationPlan.Step step, int index, int total) {
	}

	/** A step was applied and recorded. */
	default void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
	}

	/** A step failed and was rolled back. */
	default void stepFailed(MigrationPlan.Step step, int index, int total, Throwable failure) {
	}

}
