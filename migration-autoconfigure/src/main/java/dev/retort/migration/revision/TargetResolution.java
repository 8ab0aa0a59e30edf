package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Target resolution with Alembic's syntax: what a target ({@code heads},
 * {@code billing@+1}, {@code ae10-2}…) names in a graph, given the revisions the database
 * is at.
 */
final class TargetResolution {

	private final RevisionGraph graph;

	TargetResolution(RevisionGraph graph) {
		this.graph = graph;
	}

	/**
	 * Resolves a target ({@code heads}, {@code a1b2@head}, {@code -1}…) against the
	 * current heads: the revisions it names, or for targets that remove revisions
	 * ({@code base}, {@code -N}, {@code label@base}) the heads that remain.
	 */
	Set<String> resolve(String target, Set<String> currentHeads) {
		Target parsed = Target.parse(target);
		Set<String> applied = this.graph.applied(currentHeads);
		Set<String> removals = removals(parsed, target, applied, null);
		if (removals != null) {
			Set<String> remaining = new HashSet<>(applied);
			remaining.removeAll(removals);
			return this.graph.headsOf(remaining);
		}
		return destination(parsed, target, currentHeads, applied);
	}

	/**
	 * For targets that remove revisions ({@code base}, {@code label@base}, {@code -N},
	 * {@code label@-N}), what they remove; {@code null} for targets that name revisions.
	 * {@code command} is {@code downgrade} or {@code stamp} for those commands, whose
	 * {@code label@<revision>} moves only that branch; {@code null} to resolve only.
	 */
	Set<String> removals(Target target, String text, Set<String> applied, String command) {
		boolean downgrade = "downgrade".equals(command);
		boolean branchScoped = command != null;
		if (target instanceof Target.Base) {
			return new HashSet<>(applied);
		}
		if (target instanceof Target.BranchBase branchBase) {
			Set<String> removed = this.graph.descendants(branch(branchBase.label(), text));
			removed.addAll(branch(branchBase.label(), text));
			removed.retainAll(applied);
			return removed;
		}
		if (target instanceof Target.Relative relative && relative.steps() < 0) {
			return walkDown(text, applied, -relative.steps(), null, command);
		}
		if (target instanceof Target.BranchRelative relative && relative.steps() < 0) {
			return walkDown(text, applied, -relative.steps(), relative.label(), command);
		}
		if (branchScoped && target instanceof Target.Anchored anchored && anchored.steps() == 0
				&& anchored.anchor() instanceof Target.BranchRevisionAnchor branchRevision) {
			String revision = anchor(branchRevision, text);
			if (applied.contains(revision)) {
				// Only that branch moves back to rev; other branches from rev stay.
				Set<String> removed = RevisionGraph.intersection(this.graph.lineageAbove(revision),
						branch(branchRevision.label(), text));
				removed.retainAll(applied);
				removed.addAll(this.graph.descendants(removed));
				removed.retainAll(applied);
				return removed;
			}
		}
		if (downgrade && (target instanceof Target.Relative || target instanceof Target.BranchRelative)) {
			throw new WrongDirectionException(
					"Target '" + text + "' moves up, and downgrade only moves down: run upgrade " + text + ".");
		}
		return null;
	}

	/** For targets that name revisions, the revisions they name. */
	Set<String> destination(Target target, String text, Set<String> currentHeads, Set<String> applied) {
		if (target instanceof Target.Heads) {
			return this.graph.heads();
		}
		if (target instanceof Target.Base || target instanceof Target.BranchBase) {
			return Set.of();
		}
		if (target instanceof Target.Relative relative) {
			return Set.of(walkUp(text, lineHeads(applied), applied, relative.steps(), null));
		}
		if (target instanceof Target.BranchRelative relative) {
			Set<String> members = branch(relative.label(), text);
			return Set.of(walkUp(text, RevisionGraph.intersection(lineHeads(applied), members), applied,
					relative.steps(), relative.label()));
		}
		if (target instanceof Target.BranchHeads branchHeads) {
			return branchHeads(branchHeads.label(), text);
		}
		if (target instanceof Target.Several several) {
			Set<String> destination = new LinkedHashSet<>();
			for (Target one : several.targets()) {
				destination.addAll((one instanceof Target.BranchHeads branchHeads)
						? branchHeads(branchHeads.label(), text) : anchored((Target.Anchored) one, text));
			}
			requireApart(destination, text);
			return this.graph.ordered(destination);
		}
		return anchored((Target.Anchored) target, text);
	}

	/**
	 * The tops of the applied lines: applied revisions that no applied revision revises.
	 * Unlike the version-table rows, they include a revision that is applied only because
	 * another depends on it, so that {@code +N} also counts from there.
	 */
	private Set<String> lineHeads(Set<String> applied) {
		List<String> tops = new ArrayList<>();
		for (String id : applied) {
			if (this.graph.children(id).stream().noneMatch(applied::contains)) {
				tops.add(id);
			}
		}
		return this.graph.ordered(tops);
	}

	/**
	 * Where a branch starts from, whatever the database holds: the parents of its first
	 * revisions that are not on it (a branch point, say); empty for a branch with its own
	 * base.
	 */
	Set<String> beforeBranch(String label, String text) {
		Set<String> members = branch(label, text);
		List<String> before = new ArrayList<>();
		for (String id : members) {
			for (String parent : this.graph.revision(id).parents()) {
				if (!members.contains(parent)) {
					before.add(parent);
				}
			}
		}
		return this.graph.ordered(before);
	}

	/**
	 * The one revision a target names from the graph alone ({@code ae10}, a label,
	 * {@code head}, {@code billing@head}, {@code ae10-1}…); an error for a target that
	 * counts from the database, removes revisions, or names several or none.
	 */
	RevisionScript one(String text) {
		Target target = Target.parse(text);
		Set<String> named;
		if (target instanceof Target.Heads) {
			named = this.graph.heads();
		}
		else if (target instanceof Target.BranchHeads branchHeads) {
			named = branchHeads(branchHeads.label(), text);
		}
		else if (target instanceof Target.Anchored anchored) {
			named = anchored(anchored, text);
		}
		else {
			throw new InvalidTargetException("Target '" + text + "' does not name one revision by itself (it counts "
					+ "from the database, names several, or removes revisions). Name one revision: an id or unique "
					+ "prefix, a branch label, head, label@head, or <revision>+N / <revision>-N.");
		}
		if (named.size() == 1) {
			return this.graph.revision(named.iterator().next());
		}
		if (named.isEmpty()) {
			throw new InvalidTargetException("Target '" + text + "' is base: there is no revision there. Name one "
					+ "revision: an id or unique prefix, a branch label, head, label@head, or <revision>+N.");
		}
		throw new MultipleHeadsException("Target '" + text + "' names several revisions "
				+ RevisionGraph.describe(named) + ". Name one of them.");
	}

	/** Refuses a selection where one revision lies under another, as Alembic does. */
	private void requireApart(Set<String> revisions, String text) {
		for (String upper : revisions) {
			for (String lower : revisions) {
				if (!lower.equals(upper) && this.graph.closure(Set.of(upper)).contains(lower)) {
					throw new OverlappingTargetsException("Target '" + text + "' names " + lower + " and " + upper
							+ ", but " + lower + " lies under " + upper + " (" + upper
							+ " revises or depends on it, directly or not), so the two overlap. Name only " + upper
							+ " to reach both, or revisions on separate branches.");
				}
			}
		}
	}

	private Set<String> anchored(Target.Anchored target, String text) {
		if (target.anchor() instanceof Target.BranchBaseAnchor branchBase) {
			if (target.steps() < 0) {
				// Alembic walks down from the head of the whole graph here, whatever the
				// label.
				throw new TargetOutOfRangeException("Target '" + text + "' goes below base: nothing lies below "
						+ branchBase.label() + "@base. Retort refuses this rather than count down from another "
						+ "branch's head, as Alembic does. Use " + branchBase.label() + "@-" + (-target.steps())
						+ " to step down along the branch, or " + branchBase.label() + "@base to remove it.");
			}
			return Set.of(walkUp(text, Set.of(), Set.of(), target.steps(), branchBase.label()));
		}
		String anchor = anchor(target.anchor(), text);
		if (target.steps() == 0) {
			return (anchor != null) ? Set.of(anchor) : Set.of();
		}
		if (target.steps() > 0) {
			Set<String> start = (anchor != null) ? Set.of(anchor) : Set.of();
			return Set.of(walkUp(text, start, this.graph.closure(start), target.steps(), null));
		}
		String revision = anchor;
		for (int step = 1; step <= -target.steps(); step++) {
			if (revision == null) {
				throw new TargetOutOfRangeException("Target '" + text + "' goes below base: "
						+ ((anchor != null) ? "only " + (step - 2) + " revision(s) lie below " + anchor + " (" + anchor
								+ "-" + (step - 1) + " is base)." : "nothing lies below base."));
			}
			List<String> parents = this.graph.revision(revision).parents();
			if (parents.size() > 1) {
				throw new AmbiguousRevisionException("Target '" + text + "' is ambiguous: " + revision
						+ " is a merge of " + String.join(" and ", parents) + ", so the step below it could be either."
						+ " Name the parent instead, e.g. " + parents.get(0) + "-" + (-target.steps() - step) + ".");
			}
			revision = parents.isEmpty() ? null : parents.get(0);
		}
		return (revision != null) ? Set.of(revision) : Set.of();
	}

	/** The revision an anchor names; {@code null} for base. */
	private String anchor(Target.Anchor anchor, String text) {
		if (anchor instanceof Target.HeadAnchor) {
			// Without revisions, head is base: upgrading an empty project does nothing.
			return this.graph.heads().isEmpty() ? null : singleHead(this.graph.heads(), text, null);
		}
		if (anchor instanceof Target.BaseAnchor || anchor instanceof Target.BranchBaseAnchor) {
			return null;
		}
		if (anchor instanceof Target.BranchHeadAnchor branchHead) {
			return singleHead(branchHeads(branchHead.label(), text), text, branchHead.label());
		}
		if (anchor instanceof Target.BranchRevisionAnchor branchRevision) {
			Set<String> members = branch(branchRevision.label(), text);
			String id = this.graph.get(branchRevision.idOrPrefix()).id();
			if (!members.contains(id) && members.stream().noneMatch(this.graph.lineageAbove(id)::contains)) {
				throw new UnknownTargetException("Target '" + text + "': revision " + id + " is neither on branch '"
						+ branchRevision.label() + "' " + RevisionGraph.describe(members) + " nor below it.");
			}
			return id;
		}
		String name = ((Target.Named) anchor).name();
		String labelled = this.graph.labels().get(name);
		return (labelled != null) ? labelled : this.graph.get(name).id();
	}

	/**
	 * The one head {@code head} (or {@code branch@head}, for a branch's label) names; an
	 * error naming them when there are several.
	 */
	private String singleHead(Set<String> candidates, String text, String branch) {
		if (candidates.size() == 1) {
			return candidates.iterator().next();
		}
		String labels = candidates.stream()
			.flatMap((id) -> this.graph.labels()
				.entrySet()
				.stream()
				.filter((label) -> this.graph.branchMembers(label.getKey()).contains(id))
				.map((label) -> label.getKey() + "@head"))
			.distinct()
			.collect(Collectors.joining(", "));
		String head = (branch != null) ? branch + "@head" : "head";
		String target = text.equals(head) ? "Target '" + text + "' names"
				: "Target '" + text + "' counts from '" + head + "', which names";
		String several = ((branch != null) ? "branch '" + branch + "' has " : "there are ") + candidates.size()
				+ " heads: " + String.join(", ", candidates);
		throw new MultipleHeadsException(target + " one revision, but " + several + ". Use '"
				+ ((branch != null) ? branch + "@heads" : "heads") + "' to move to all of them, "
				+ (labels.isEmpty() ? "a head's id" : "a branch label (" + labels + ") or a head's id")
				+ " to pick one, or create a merge revision that joins them.");
	}

	/**
	 * Walks {@code steps} revisions up from {@code start}, one child at a time; each step
	 * must be the only choice.
	 */
	private String walkUp(String text, Set<String> start, Set<String> applied, int steps, String label) {
		Set<String> members = (label != null) ? branch(label, text) : null;
		Set<String> walkHeads = new LinkedHashSet<>(start);
		Set<String> reached = new HashSet<>(applied);
		String last = null;
		for (int step = 1; step <= steps; step++) {
			Set<String> candidates = new TreeSet<>();
			Set<String> from = new TreeSet<>();
			if (walkHeads.isEmpty()) {
				Collection<String> roots = (members != null) ? members.stream()
					.filter((id) -> this.graph.revision(id).parents().stream().noneMatch(members::contains))
					.toList() : this.graph.bases();
				roots.stream().filter((id) -> !reached.contains(id)).forEach(candidates::add);
			}
			for (String head : walkHeads) {
				for (String child : this.graph.children(head)) {
					if (!reached.contains(child) && (members == null || members.contains(child))) {
						candidates.add(child);
						from.add(head);
					}
				}
			}
			if (candidates.isEmpty()) {
				String where = start.isEmpty() ? "base" : RevisionGraph.describe(start);
				throw new TargetOutOfRangeException("Target '" + text + "' moves " + steps + " step(s) up, but only "
						+ (step - 1) + " revision(s) lie above " + where
						+ ((label != null) ? " on branch '" + label + "'" : "")
						+ ". Use a smaller N or heads; `history` lists the revisions.");
			}
			if (candidates.size() > 1 && from.size() > 1) {
				throw new MultipleHeadsException(
						"Target '" + text + "' is ambiguous: the heads " + RevisionGraph.describe(from)
								+ " each have revisions above them " + RevisionGraph.describe(candidates)
								+ ". Say which branch to move: label@+N, <revision>+N, or a revision id.");
			}
			if (candidates.size() > 1) {
				String where = from.isEmpty() ? "base" : from.iterator().next();
				throw new AmbiguousRevisionException("Target '" + text + "' is ambiguous: " + where
						+ " has several revisions above it: " + RevisionGraph.describe(candidates)
						+ ". Name the one you want, or use label@+N for a labelled branch.");
			}
			last = candidates.iterator().next();
			Set<String> lastClosure = this.graph.closure(Set.of(last));
			reached.addAll(lastClosure);
			walkHeads.removeAll(lastClosure);
			walkHeads.add(last);
		}
		return last;
	}

	/**
	 * Removes {@code steps} revisions from the top of the applied set (of one branch when
	 * labelled), one head at a time; each step must be the only choice.
	 */
	private Set<String> walkDown(String text, Set<String> applied, int steps, String label, String command) {
		Set<String> members = (label != null) ? branch(label, text) : null;
		Set<String> remaining = new HashSet<>(applied);
		Set<String> removed = new HashSet<>();
		String passed = null;
		for (int step = 1; step <= steps; step++) {
			Set<String> candidates;
			if (members == null) {
				candidates = this.graph.headsOf(remaining);
			}
			else {
				candidates = this.graph.ordered(members.stream()
					.filter(remaining::contains)
					.filter((id) -> this.graph.children(id)
						.stream()
						.noneMatch((child) -> members.contains(child) && remaining.contains(child)))
					.toList());
			}
			if (candidates.isEmpty()) {
				throw new TargetOutOfRangeException("Target '" + text + "' moves " + steps + " step(s) down, but only "
						+ (step - 1) + " revision(s)" + ((label != null) ? " of branch '" + label + "'" : "")
						+ " are applied. Use a smaller N or base; `current` shows where the database is.");
			}
			if (candidates.size() > 1) {
				throw severalHeadsBelow(text, candidates, applied, steps, steps - step + 1, passed, command);
			}
			String top = candidates.iterator().next();
			passed = top;
			Set<String> goes = this.graph.descendants(Set.of(top));
			goes.add(top);
			goes.retainAll(remaining);
			remaining.removeAll(goes);
			removed.addAll(goes);
		}
		return removed;
	}

	/** The heads of a branch: its revisions that no other revision of it revises. */
	private Set<String> branchHeads(String label, String text) {
		Set<String> members = branch(label, text);
		return this.graph.ordered(members.stream()
			.filter((id) -> this.graph.children(id).stream().noneMatch(members::contains))
			.toList());
	}

	/**
	 * Why stepping down from several heads is refused, with the targets that say which
	 * branch to move: {@code <head>-N} where that removes just the head's own line,
	 * {@code <head>@-N} where it would also take other branches from a branch point, and
	 * {@code label@-N}. Alembic warns and steps down from one of them; Retort does not
	 * guess. When no branch has that many revisions applied, the target is out of range.
	 */
	private RuntimeException severalHeadsBelow(String text, Set<String> heads, Set<String> applied, int steps,
			int remaining, String merge, String command) {
		List<String> choices = new ArrayList<>();
		for (String head : heads) {
			Set<String> alongBranch = stepsDown(applied, steps, head);
			if (alongBranch != null && alongBranch.equals(downTo(head, remaining, applied))) {
				choices.add(head + "-" + remaining);
			}
			else if (alongBranch != null) {
				choices.add(head + "@-" + steps);
			}
			for (String label : this.graph.labels().keySet()) {
				if (this.graph.branchMembers(label).contains(head) && stepsDown(applied, steps, label) != null) {
					choices.add(label + "@-" + steps);
				}
			}
		}
		if (choices.isEmpty()) {
			return new TargetOutOfRangeException("Target '" + text + "' moves " + steps + " step(s) down, but no "
					+ "branch below the heads " + RevisionGraph.describe(heads) + " has that many revisions applied ("
					+ applied.size() + " are applied in all). Use a smaller N, <revision>-N for one branch, or base; "
					+ "`current` shows where the database is.");
		}
		String prefix = (command != null) ? command + " " : "";
		String where = (merge == null) ? "there are several heads " + RevisionGraph.describe(heads)
				: (steps - remaining) + " step(s) down, below the merge " + merge + ", the branches it joined have "
						+ "several heads " + RevisionGraph.describe(heads);
		return new MultipleHeadsException("Target '" + text + "' is ambiguous: " + where
				+ " to step down from, and Retort does not pick one (Alembic warns "
				+ "and takes the first). Say which branch moves (<revision>-N, or label@-N for a labelled branch):"
				+ choices.stream()
					.distinct()
					.map((choice) -> System.lineSeparator() + "  " + prefix + choice)
					.collect(Collectors.joining()));
	}

	/** What stepping {@code steps} down a branch removes; {@code null} if ambiguous. */
	private Set<String> stepsDown(Set<String> applied, int steps, String branch) {
		try {
			return walkDown(branch + "@-" + steps, applied, steps, branch, null);
		}
		catch (MultipleHeadsException | TargetOutOfRangeException ex) {
			return null;
		}
	}

	/**
	 * What downgrading to {@code head-steps} removes; {@code null} when a merge makes
	 * that target ambiguous.
	 */
	private Set<String> downTo(String head, int steps, Set<String> applied) {
		String revision = head;
		for (int step = 0; step < steps && revision != null; step++) {
			List<String> parents = this.graph.revision(revision).parents();
			if (parents.size() > 1) {
				return null;
			}
			revision = parents.isEmpty() ? null : parents.get(0);
		}
		Set<String> removed = (revision != null) ? this.graph.lineageAbove(revision) : new HashSet<>(applied);
		removed.retainAll(applied);
		removed.addAll(this.graph.descendants(removed));
		removed.retainAll(applied);
		return removed;
	}

	/**
	 * The members of the branch a label names; as in Alembic, a revision id (or unique
	 * prefix) in its place names the branch that revision is on.
	 */
	Set<String> branch(String label, String text) {
		Set<String> members = this.graph.branchMembers(label);
		if (members != null) {
			return members;
		}
		RevisionScript revision;
		try {
			revision = this.graph.get(label);
		}
		catch (UnknownTargetException ex) {
			throw new UnknownTargetException("Target '" + text + "' names the branch '" + label
					+ "', but no revision declares that label or has that id. Known labels: "
					+ (this.graph.labels().isEmpty() ? "none" : String.join(", ", this.graph.labels().keySet())) + ".");
		}
		return this.graph.branchOf(revision.id());
	}

}
