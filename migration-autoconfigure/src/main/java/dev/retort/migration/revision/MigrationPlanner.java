package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.retort.migration.operation.IrreversibleOperationException;

/**
 * Plans the moves between revisions: the steps of an upgrade or a downgrade, in the order
 * they run, the version-table rows each step leaves, and where a stamp leaves the version
 * table.
 */
final class MigrationPlanner {

	private final RevisionGraph graph;

	private final TargetResolution targets;

	MigrationPlanner(RevisionGraph graph, TargetResolution targets) {
		this.graph = graph;
		this.targets = targets;
	}

	/** The steps that upgrade from {@code currentHeads} to {@code target}. */
	MigrationPlan planUpgrade(Set<String> currentHeads, String target) {
		Target parsed = Target.parse(target);
		Set<String> applied = this.graph.applied(currentHeads);
		if (parsed instanceof Target.Relative relative && relative.steps() < 0
				|| parsed instanceof Target.BranchRelative branch && branch.steps() < 0) {
			throw new WrongDirectionException(
					"Target '" + target + "' moves down, and upgrade only moves up: run downgrade " + target + ".");
		}
		if (parsed instanceof Target.BranchBase branchBase) {
			Set<String> appliedOfBranch = RevisionGraph.intersection(this.targets.branch(branchBase.label(), target),
					applied);
			if (!appliedOfBranch.isEmpty()) {
				throw new WrongDirectionException(
						"Target '" + target + "' is below the current revisions " + RevisionGraph.describe(currentHeads)
								+ ": run downgrade " + target + " to remove the branch.");
			}
			return new MigrationPlan(Direction.UPGRADE, target, currentHeads, List.of());
		}
		Set<String> destination = this.targets.destination(parsed, target, currentHeads, applied);
		List<String> below = destination.stream()
			.filter((id) -> applied.contains(id) && this.graph.lineageAbove(id).stream().anyMatch(applied::contains))
			.toList();
		if (!below.isEmpty() || destination.isEmpty() && !applied.isEmpty()) {
			String what = below.isEmpty() ? "base" : String.join(", ", below);
			throw new WrongDirectionException("Target '" + target + "' (" + what + ") is below the current revisions "
					+ RevisionGraph.describe(currentHeads) + ", and upgrade only moves up: run downgrade " + target
					+ " to go back to it.");
		}
		Set<String> toApply = this.graph.closure(destination);
		toApply.removeAll(applied);
		List<MigrationPlan.Step> steps = new ArrayList<>();
		// The first step starts from the rows as they are, so that redundant rows go too.
		Set<String> heads = new HashSet<>(this.graph.headsOf(applied));
		Set<String> rows = currentHeads;
		for (RevisionScript revision : this.graph.revisions()) {
			if (toApply.contains(revision.id())) {
				// Everything the revision requires is applied, so only its direct
				// requirements can stop being heads.
				this.graph.requirements(revision.id()).forEach(heads::remove);
				heads.add(revision.id());
				MigrationPlan.Step step = new MigrationPlan.Step(revision, Direction.UPGRADE, rows, heads);
				steps.add(step);
				rows = step.headsAfter();
			}
		}
		return new MigrationPlan(Direction.UPGRADE, target, currentHeads, steps);
	}

	/** The steps that downgrade from {@code currentHeads} to {@code target}. */
	MigrationPlan planDowngrade(Set<String> currentHeads, String target) {
		Target parsed = Target.parse(target);
		Set<String> applied = this.graph.applied(currentHeads);
		Set<String> removals = this.targets.removals(parsed, target, applied, "downgrade");
		if (removals == null) {
			Set<String> destination = this.targets.destination(parsed, target, currentHeads, applied);
			List<String> notApplied = destination.stream().filter((id) -> !applied.contains(id)).toList();
			if (!notApplied.isEmpty()) {
				throw new WrongDirectionException("Target '" + target + "' (" + String.join(", ", notApplied)
						+ ") is not applied: it is above or beside the current revisions "
						+ RevisionGraph.describe(currentHeads) + ", and downgrade only moves down: run upgrade "
						+ target + " to move to it.");
			}
			removals = above(destination, applied, target);
		}
		List<RevisionScript> order = new ArrayList<>(this.graph.revisions());
		Collections.reverse(order);
		List<MigrationPlan.Step> steps = new ArrayList<>();
		Set<String> state = new HashSet<>(applied);
		Set<String> heads = new HashSet<>(this.graph.headsOf(applied));
		Set<String> rows = currentHeads;
		for (RevisionScript revision : order) {
			if (removals.contains(revision.id())) {
				// Removals include their dependents: this revision is a head by now.
				state.remove(revision.id());
				heads.remove(revision.id());
				for (String required : this.graph.requirements(revision.id())) {
					if (this.graph.requiredBy(required).stream().noneMatch(state::contains)) {
						heads.add(required);
					}
				}
				MigrationPlan.Step step = new MigrationPlan.Step(revision, Direction.DOWNGRADE, rows, heads);
				steps.add(step);
				rows = step.headsAfter();
			}
		}
		return new MigrationPlan(Direction.DOWNGRADE, target, currentHeads, steps);
	}

	/**
	 * The steps that downgrade from {@code currentHeads} to {@code target}, checked
	 * before anything runs: a revision on the way that declares its downgrade
	 * irreversible for this dialect fails the whole plan.
	 * @throws IrreversibleOperationException naming the revision, its source and reason
	 */
	MigrationPlan planDowngrade(Set<String> currentHeads, String target, String dialect) {
		MigrationPlan plan = planDowngrade(currentHeads, target);
		checkReversible(plan, dialect);
		return plan;
	}

	/**
	 * Fails when a step of a downgrade plan is irreversible for the dialect, naming the
	 * revision and its reason.
	 */
	void checkReversible(MigrationPlan plan, String dialect) {
		for (MigrationPlan.Step step : plan.steps()) {
			if (step.direction() != Direction.DOWNGRADE) {
				continue;
			}
			Optional<String> reason = step.revision().irreversibleReason(dialect);
			if (reason.isPresent()) {
				throw new IrreversibleOperationException("Cannot downgrade to '" + plan.target() + "': revision "
						+ step.revision() + " in " + step.revision().source() + " cannot be undone: " + reason.get()
						+ ". Nothing was changed. Downgrade to a revision at or above " + step.revision().id()
						+ " instead, or restore a backup.");
			}
		}
	}

	/**
	 * The version-table rows a stamp to {@code target} leaves: a named revision replaces
	 * the rows it lies above or below, so stamping down across a merge or a dependency
	 * leaves the named revision alone, as in Alembic.
	 */
	Set<String> stampHeads(Set<String> currentHeads, String target, boolean purge) {
		Target parsed = Target.parse(target);
		Set<String> current = purge ? Set.of() : currentHeads;
		Set<String> applied = this.graph.applied(current);
		Set<String> removals = this.targets.removals(parsed, target, applied, "stamp");
		Set<String> after = new HashSet<>(applied);
		if (removals != null) {
			after.removeAll(removals);
			return this.graph.headsOf(after);
		}
		// As Alembic: each named revision replaces the rows on its own lines (above or
		// below it, dependencies included); rows of unrelated branches stay.
		Set<String> rows = new LinkedHashSet<>(this.graph.headsOf(applied));
		for (String revision : this.targets.destination(parsed, target, current, applied)) {
			if (!rows.contains(revision)) {
				Set<String> lineage = this.graph.closure(Set.of(revision));
				lineage.addAll(this.graph.descendants(Set.of(revision)));
				rows.removeIf(lineage::contains);
				rows.add(revision);
			}
		}
		return this.graph.headsOf(this.graph.closure(rows));
	}

	/**
	 * The applied revisions that moving down to {@code destination} removes: those above
	 * it on its own lines, and whatever depends on them. Revisions that merely depend on
	 * the destination stay.
	 */
	private Set<String> above(Set<String> destination, Set<String> applied, String text) {
		if (destination.isEmpty()) {
			return new HashSet<>(applied);
		}
		Set<String> removed = new HashSet<>();
		destination.forEach((id) -> removed.addAll(this.graph.lineageAbove(id)));
		removed.retainAll(applied);
		removed.addAll(this.graph.descendants(removed));
		removed.retainAll(applied);
		Set<String> kept = this.graph.closure(destination);
		List<String> conflicts = kept.stream().filter(removed::contains).sorted().toList();
		if (!conflicts.isEmpty()) {
			throw new InvalidTargetException("Target '" + text + "' both keeps and removes "
					+ String.join(", ", conflicts)
					+ ": one of its revisions lies above another or depends on what lies above it. Name fewer revisions.");
		}
		return removed;
	}

	/**
	 * The steps from {@code now} to {@code goal}, the version-table rows a plan was to
	 * leave, after another process moved the database while the plan ran. A downgrade is
	 * checked for irreversible revisions on the way.
	 */
	List<MigrationPlan.Step> replan(Direction direction, Set<String> now, Set<String> goal, String target,
			String dialect) {
		if (now.equals(goal)) {
			return List.of();
		}
		if (direction == Direction.UPGRADE) {
			List<MigrationPlan.Step> steps = new ArrayList<>();
			Set<String> heads = now;
			for (RevisionScript revision : this.graph.revisions()) {
				if (goal.contains(revision.id()) && !this.graph.applied(heads).contains(revision.id())) {
					MigrationPlan plan = planUpgrade(heads, revision.id());
					steps.addAll(plan.steps());
					heads = plan.headsAfter();
				}
			}
			return steps;
		}
		MigrationPlan plan = planDowngrade(now, String.join(",", goal.isEmpty() ? Set.of("base") : goal));
		checkReversible(new MigrationPlan(Direction.DOWNGRADE, target, now, plan.steps()), dialect);
		return plan.steps();
	}

}
