package dev.retort.migration.engine;

import java.time.Duration;

import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan;

/**
 * Keeps the step a run is in, so that a run stopped by a signal (Ctrl-C, {@code kill}, a
 * deployment's timeout) can say where it stopped and what that leaves, instead of ending
 * without a word. Add it to a {@link Migrator} for the run, and ask {@link #stopped()}
 * from whatever runs when the JVM stops.
 */
public final class StepInFlight implements MigrationListener {

	/** The running step and how the progress shows it; null between steps. */
	private volatile Running running;

	@Override
	public void beforeStep(MigrationPlan.Step step, int index, int total) {
		this.running = new Running(step, step.describe(index, total));
	}

	@Override
	public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
		this.running = null;
	}

	@Override
	public void stepFailed(MigrationPlan.Step step, int index, int total, Throwable failure) {
		this.running = null;
	}

	/**
	 * Where stopping now leaves the run, or {@code null} between steps (a stop then
	 * leaves every step before it applied and nothing half done).
	 */
	public Stopped stopped() {
		Running running = this.running;
		if (running == null) {
			return null;
		}
		MigrationPlan.Step step = running.step();
		String before = Migrator.describe(step.headsBefore());
		String state = step.revision().transactional()
				? "Its transaction is rolled back by the database, so that revision is not applied and the database "
						+ "stays at " + before + " (the steps before it stay applied)."
				: "It ran outside a transaction ('transactional: false'): the statements it ran before the stop "
						+ "stay, and it is not recorded as applied; the database is recorded at " + before
						+ ". Check what it left (`migrate check`) before running it again.";
		return new Stopped(step.direction(), running.described(), state);
	}

	/**
	 * Where a run stopped.
	 *
	 * @param direction the run's direction
	 * @param step the step it stopped in, as its progress shows it
	 * ({@code [2/5] upgrade a -> b message})
	 * @param state what that leaves in the database, in sentences
	 */
	public record Stopped(Direction direction, String step, String state) {

	}

	private record Running(MigrationPlan.Step step, String described) {

	}

}
