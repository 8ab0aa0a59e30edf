package dev.retort.migration.revision;

import java.util.List;
import java.util.Set;

/**
 * The steps that take a database from its current heads to a target, in the order they
 * run.
 *
 * @param direction upgrade, downgrade or stamp
 * @param target the target as the user wrote it
 * @param headsBefore the version-table rows before the first step
 * @param steps the steps, in order
 */
public record MigrationPlan(Direction direction, String target, Set<String> headsBefore, List<Step> steps) {

	public MigrationPlan {
		headsBefore = Set.copyOf(headsBefore);
		steps = List.copyOf(steps);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	/** The version-table rows after the last step. */
	public Set<String> headsAfter() {
		return this.steps.isEmpty() ? this.headsBefore : this.steps.get(this.steps.size() - 1).headsAfter();
	}

	/**
	 * One revision applied or undone.
	 *
	 * @param revision the revision
	 * @param direction upgrade or downgrade
	 * @param headsBefore the version-table rows before the step
	 * @param headsAfter the version-table rows after the step
	 */
	public record Step(RevisionScript revision, Direction direction, Set<String> headsBefore, Set<String> headsAfter) {

		public Step {
			headsBefore = Set.copyOf(headsBefore);
			headsAfter = Set.copyOf(headsAfter);
		}

	}

}
