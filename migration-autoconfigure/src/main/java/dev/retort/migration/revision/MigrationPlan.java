package dev.retort.migration.revision;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

		/**
		 * The step as logs and the command line show it:
		 * {@code [2/5] upgrade a1b2c3d4e5f6 -> 3f2a9c1b7d4e add priority to tasks}.
		 * @param index the step's 1-based position in its plan
		 * @param total the number of steps in the plan
		 */
		public String describe(int index, int total) {
			String parents = this.revision.parents().isEmpty() ? "base"
					: this.revision.parents()
						.stream()
						.map((id) -> (id.length() > 12) ? id.substring(0, 12) : id)
						.collect(Collectors.joining(","));
			String move = (this.direction == Direction.DOWNGRADE) ? this.revision.shortId() + " -> " + parents
					: parents + " -> " + this.revision.shortId();
			String line = "[" + index + "/" + total + "] " + this.direction.label() + " " + move;
			return this.revision.message().isBlank() ? line : line + " " + this.revision.message();
		}

		/**
		 * What follows the step's line when its revision does not run on the dialect:
		 * {@code " (not for sqlite: recorded only)"}, or nothing.
		 */
		public String dialectNote(String dialect) {
			return this.revision.appliesTo(dialect) ? "" : " (not for " + dialect + ": recorded only)";
		}

	}

}
