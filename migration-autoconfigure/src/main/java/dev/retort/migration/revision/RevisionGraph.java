package dev.retort.migration.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.retort.migration.operation.IrreversibleOperationException;

/**
 * The validated graph of revisions: heads, bases, branch points and merges, target
 * resolution with Alembic's syntax, and the plans that move a database between revisions.
 * <p>
 * The version table holds the heads of the applied set: everything those heads revise or
 * depend on, directly or not, is applied. {@code dependsOn} counts as ancestry
 * throughout.
 */
public final class RevisionGraph {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

	private static final Set<String> RESERVED = Set.of("head", "heads", "base");

	private static final Comparator<RevisionScript> CHRONOLOGICAL = Comparator
		.comparing(RevisionScript::created, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(RevisionScript::id);

	/** Revisions in topological order. */
	private final Map<String, RevisionScript> revisions;

	private final Map<String, Integer> position = new HashMap<>();

	/** Parents and (resolved) dependencies: what must be applied first. */
	private final Map<String, List<String>> requires;

	/** Children by parent edges only. */
	private final Map<String, List<String>> children = new HashMap<>();

	/** Children by parent or dependency edges. */
	private final Map<String, List<String>> requiredBy = new HashMap<>();

	/** Label to the revision that declares it. */
	private final Map<String, String> labels;

	private final Map<String, Set<String>> branches = new HashMap<>();

	private final Set<String> heads;

	private final Set<String> bases;

	private final Set<String> branchPoints;

	private final Set<String> merges;

	private RevisionGraph(List<RevisionScript> ordered, Map<String, List<String>> requires,
			Map<String, String> labels) {
		this.revisions = new LinkedHashMap<>();
		for (RevisionScript revision : ordered) {
			this.position.put(revision.id(), this.revisions.size());
			this.revisions.put(revision.id(), revision);
			this.children.put(revision.id(), new ArrayList<>());
			this.requiredBy.put(revision.id(), new ArrayList<>());
		}
		this.requires = requires;
		this.labels = labels;
		for (RevisionScript revision : ordered) {
			for (String parent : revision.parents()) {
				this.children.get(parent).add(revision.id());
			}
			for (String required : requires.get(revision.id())) {
				this.requiredBy.get(required).add(revision.id());
			}
		}
		this.heads = ordered(
				ordered.stream().map(RevisionScript::id).filter((id) -> this.requiredBy.get(id).isEmpty()).toList());
		this.bases = ordered(ordered.stream().filter(RevisionScript::isBase).map(RevisionScript::id).toList());
		this.branchPoints = ordered(
				ordered.stream().map(RevisionScript::id).filter((id) -> this.children.get(id).size() > 1).toList());
		this.merges = ordered(ordered.stream().filter(RevisionScript::isMerge).map(RevisionScript::id).toList());
		labels.forEach((label, owner) -> this.branches.put(label, branchMembers(owner)));
	}

	/**
	 * Discovers revisions under the given locations ({@code classpath:db/migrations},
	 * {@code filesystem:/path}, or a plain directory path), Java and SQL mixed, and
	 * validates the graph they form.
	 */
	public static RevisionGraph load(List<String> locations, ClassLoader classLoader) {
		return of(RevisionDiscovery.discover(locations, classLoader));
	}

	/** Validates and builds a graph from revisions already loaded. */
	public static RevisionGraph of(Collection<RevisionScript> revisions) {
		List<RevisionScript> sorted = new ArrayList<>(revisions);
		sorted.sort(Comparator.comparing(RevisionScript::id).thenComparing(RevisionScript::source));
		checkNames(sorted);
		Map<String, RevisionScript> byId = checkUnique(sorted);
		Map<String, String> labels = checkLabels(sorted, byId);
		Map<String, List<String>> requires = checkReferences(sorted, byId, labels);
		return new RevisionGraph(sortTopologically(sorted, requires), requires, labels);
	}

	/** Whether the text can be a revision id or a branch label. */
	static boolean isValidName(String name) {
		return name != null && NAME.matcher(name).matches() && !RESERVED.contains(name);
	}

	private static void checkNames(List<RevisionScript> revisions) {
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			if (!isValidName(revision.id())) {
				problems.add("Revision id '" + revision.id() + "' in " + revision.source() + " is not valid.");
			}
			for (String label : new TreeSet<>(revision.branchLabels())) {
				if (!isValidName(label)) {
					problems.add("Branch label '" + label + "' of revision " + revision.id() + " in "
							+ revision.source() + " is not valid.");
				}
			}
		}
		if (!problems.isEmpty()) {
			problems.add("Ids and branch labels use letters, digits and '_' only, and must not be "
					+ "'head', 'heads' or 'base' (targets use these words and the characters @ + -). Rename them.");
			throw new InvalidRevisionIdException(String.join(System.lineSeparator(), problems));
		}
	}

	private static Map<String, RevisionScript> checkUnique(List<RevisionScript> revisions) {
		Map<String, RevisionScript> byId = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			RevisionScript previous = byId.putIfAbsent(revision.id(), revision);
			if (previous != null) {
				problems.add("Revision id " + revision.id() + " is declared twice: in " + previous.source() + " and in "
						+ revision.source() + ".");
			}
		}
		if (!problems.isEmpty()) {
			problems.add("Each revision needs its own id: give one of them a new id, "
					+ "and update the revisions that revise it.");
			throw new DuplicateRevisionException(String.join(System.lineSeparator(), problems));
		}
		return byId;
	}

	private static Map<String, String> checkLabels(List<RevisionScript> revisions, Map<String, RevisionScript> byId) {
		Map<String, String> labels = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			for (String label : new TreeSet<>(revision.branchLabels())) {
				String previous = labels.putIfAbsent(label, revision.id());
				if (previous != null) {
					problems.add("Branch label '" + label + "' is declared by revision " + previous + " in "
							+ byId.get(previous).source() + " and by revision " + revision.id() + " in "
							+ revision.source() + ". A label names one branch: remove it from one of them.");
				}
				else if (byId.containsKey(label)) {
					problems.add("Branch label '" + label + "' of revision " + revision.id() + " in "
							+ revision.source() + " is also the id of the revision in " + byId.get(label).source()
							+ ". Rename the label.");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new DuplicateBranchLabelException(String.join(System.lineSeparator(), problems));
		}
		return labels;
	}

	private static Map<String, List<String>> checkReferences(List<RevisionScript> revisions,
			Map<String, RevisionScript> byId, Map<String, String> labels) {
		Map<String, List<String>> requires = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			Set<String> required = new LinkedHashSet<>();
			for (String parent : revision.parents()) {
				if (byId.containsKey(parent)) {
					required.add(parent);
				}
				else {
					problems.add("Revision " + revision.id() + " in " + revision.source() + " revises " + parent
							+ ", but no revision has that id. Correct 'revises' in " + revision.source()
							+ ", or restore the revision " + parent + ".");
				}
			}
			for (String dependency : revision.dependsOn()) {
				String resolved = byId.containsKey(dependency) ? dependency : labels.get(dependency);
				if (resolved != null) {
					required.add(resolved);
				}
				else {
					problems.add("Revision " + revision.id() + " in " + revision.source() + " depends on " + dependency
							+ ", but no revision or branch label has that name. Correct 'dependsOn' in "
							+ revision.source() + ", or restore the revision " + dependency + ".");
				}
			}
			requires.put(revision.id(), List.copyOf(required));
		}
		if (!problems.isEmpty()) {
			throw new MissingRevisionException(String.join(System.lineSeparator(), problems));
		}
		return requires;
	}

	private static List<RevisionScript> sortTopologically(List<RevisionScript> revisions,
			Map<String, List<String>> requires) {
		Map<String, RevisionScript> byId = new HashMap<>();
		Map<String, Integer> waitingOn = new HashMap<>();
		Map<String, List<String>> unlocks = new HashMap<>();
		for (RevisionScript revision : revisions) {
			byId.put(revision.id(), revision);
			waitingOn.put(revision.id(), requires.get(revision.id()).size());
			for (String required : requires.get(revision.id())) {
				unlocks.computeIfAbsent(required, (id) -> new ArrayList<>()).add(revision.id());
			}
		}
		PriorityQueue<RevisionScript> ready = new PriorityQueue<>(CHRONOLOGICAL);
		revisions.stream().filter((revision) -> waitingOn.get(revision.id()) == 0).forEach(ready::add);
		List<RevisionScript> ordered = new ArrayList<>(revisions.size());
		while (!ready.isEmpty()) {
			RevisionScript next = ready.poll();
			ordered.add(next);
			for (String unlocked : unlocks.getOrDefault(next.id(), List.of())) {
				if (waitingOn.merge(unlocked, -1, Integer::sum) == 0) {
					ready.add(byId.get(unlocked));
				}
			}
		}
		if (ordered.size() < revisions.size()) {
			List<String> cycle = findCycle(waitingOn, requires);
			String sources = cycle.stream()
				.distinct()
				.map((id) -> id + " in " + byId.get(id).source())
				.collect(Collectors.joining(", "));
			throw new RevisionCycleException("Revisions form a cycle: " + String.join(" -> ", cycle) + " (" + sources
					+ "). Each revises or depends on the next, so none can be applied first. "
					+ "Correct 'revises' or 'dependsOn' in one of these so that a revision never revises its own descendants.");
		}
		return ordered;
	}

	/** A cycle among the revisions the topological sort could not place. */
	private static List<String> findCycle(Map<String, Integer> waitingOn, Map<String, List<String>> requires) {
		String start = waitingOn.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.orElseThrow();
		// Every unplaced revision requires an unplaced one, so walking requirements must
		// revisit one.
		List<String> path = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		String current = start;
		while (!seen.containsKey(current)) {
			seen.put(current, path.size());
			path.add(current);
			current = requires.get(current)
				.stream()
				.filter((id) -> waitingOn.get(id) > 0)
				.sorted()
				.findFirst()
				.orElseThrow();
		}
		List<String> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
		Collections.reverse(cycle);
		cycle.add(0, cycle.get(cycle.size() - 1));
		return cycle;
	}

	/**
	 * The members of a labelled branch, as Alembic counts them: the labelled revision,
	 * its descendants, and its ancestors back to the nearest branch point or merge.
	 */
	private Set<String> branchMembers(String owner) {
		Set<String> members = new HashSet<>();
		members.add(owner);
		Deque<String> pending = new ArrayDeque<>(this.children.get(owner));
		while (!pending.isEmpty()) {
			String next = pending.pop();
			if (members.add(next)) {
				pending.addAll(this.children.get(next));
			}
		}
		RevisionScript current = this.revisions.get(owner);
		while (current.parents().size() == 1) {
			String parent = current.parents().get(0);
			RevisionScript candidate = this.revisions.get(parent);
			if (this.children.get(parent).size() > 1 || candidate.isMerge()) {
				break;
			}
			members.add(parent);
			current = candidate;
		}
		return ordered(members);
	}

	/** Every revision, parents before children (the order upgrades run in). */
	public List<RevisionScript> revisions() {
		return List.copyOf(this.revisions.values());
	}

	public Optional<RevisionScript> find(String id) {
		return Optional.ofNullable(this.revisions.get(id));
	}

	/**
	 * The revision with this id or unique id prefix; an error naming the choices
	 * otherwise.
	 */
	public RevisionScript get(String idOrPrefix) {
		RevisionScript exact = this.revisions.get(idOrPrefix);
		if (exact != null) {
			return exact;
		}
		List<RevisionScript> matches = this.revisions.values()
			.stream()
			.filter((revision) -> revision.id().startsWith(idOrPrefix))
			.toList();
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw new UnknownTargetException("No revision or branch label is named '" + idOrPrefix + "'. "
					+ describeHeads() + " Check the id (a unique prefix is enough), or list revisions with history.");
		}
		throw new AmbiguousRevisionException("'" + idOrPrefix + "' is the start of several revision ids: "
				+ matches.stream().map(RevisionScript::toString).collect(Collectors.joining(", "))
				+ ". Write more of the id.");
	}

	/** The revision that declares this branch label. */
	public Optional<RevisionScript> findBranch(String label) {
		return Optional.ofNullable(this.labels.get(label)).map(this.revisions::get);
	}

	/** The branch labels in the graph, each with the revisions of its branch. */
	public Map<String, Set<String>> branches() {
		return Collections.unmodifiableMap(new TreeMap<>(this.branches));
	}

	/**
	 * Revisions that no other revision revises or depends on: what the version table
	 * holds when everything is applied.
	 */
	public Set<String> heads() {
		return this.heads;
	}

	/** Revisions with no parent. */
	public Set<String> bases() {
		return this.bases;
	}

	/** Revisions with more than one child. */
	public Set<String> branchPoints() {
		return this.branchPoints;
	}

	/** Revisions with more than one parent. */
	public Set<String> merges() {
		return this.merges;
	}

	/** The revisions this one revises or depends on, directly. */
	public List<String> requirements(String id) {
		return this.requires.getOrDefault(id, List.of());
	}

	/**
	 * All revisions applied when the version table holds {@code heads}: the heads and
	 * their ancestors.
	 * @throws UnknownAppliedRevisionException when a head is not in the graph
	 */
	public Set<String> applied(Set<String> heads) {
		requireKnown(heads);
		return closure(heads);
	}

	/**
	 * The version-table rows for a set of applied revisions: those that no other applied
	 * revision revises or depends on. Ordered as {@link #revisions()}.
	 */
	public Set<String> headsOf(Set<String> applied) {
		return ordered(applied.stream()
			.filter((id) -> this.requiredBy.get(id).stream().noneMatch(applied::contains))
			.toList());
	}

	/**
	 * Revisions not applied when the version table holds {@code heads}, in upgrade order.
	 */
	public List<RevisionScript> pending(Set<String> heads) {
		Set<String> applied = applied(heads);
		return this.revisions.values().stream().filter((revision) -> !applied.contains(revision.id())).toList();
	}

	/**
	 * Resolves a target ({@code heads}, {@code a1b2@head}, {@code -1}…) against the
	 * current heads: the revisions it names, or for targets that remove revisions
	 * ({@code base}, {@code -N}, {@code label@base}) the heads that remain.
	 */
	public Set<String> resolve(String target, Set<String> currentHeads) {
		Target parsed = Target.parse(target);
		Set<String> applied = applied(currentHeads);
		Set<String> removals = removals(parsed, target, applied, false, false);
		if (removals != null) {
			Set<String> remaining = new HashSet<>(applied);
			remaining.removeAll(removals);
			return headsOf(remaining);
		}
		return destination(parsed, target, currentHeads, applied);
	}

	/** The steps that upgrade from {@code currentHeads} to {@code target}. */
	public MigrationPlan planUpgrade(Set<String> currentHeads, String target) {
		Target parsed = Target.parse(target);
		Set<String> applied = applied(currentHeads);
		if (parsed instanceof Target.Relative relative && relative.steps() < 0
				|| parsed instanceof Target.BranchRelative branch && branch.steps() < 0) {
			throw new WrongDirectionException(
					"Target '" + target + "' moves down, and upgrade only moves up: run downgrade " + target + ".");
		}
		if (parsed instanceof Target.BranchBase branchBase) {
			Set<String> appliedOfBranch = intersection(branch(branchBase.label(), target), applied);
			if (!appliedOfBranch.isEmpty()) {
				throw new WrongDirectionException("Target '" + target + "' is below the current revisions "
						+ describe(currentHeads) + ": run downgrade " + target + " to remove the branch.");
			}
			return new MigrationPlan(Direction.UPGRADE, target, currentHeads, List.of());
		}
		Set<String> destination = destination(parsed, target, currentHeads, applied);
		List<String> below = destination.stream()
			.filter((id) -> applied.contains(id) && lineageAbove(id).stream().anyMatch(applied::contains))
			.toList();
		if (!below.isEmpty() || destination.isEmpty() && !applied.isEmpty()) {
			String what = below.isEmpty() ? "base" : String.join(", ", below);
			throw new WrongDirectionException(
					"Target '" + target + "' (" + what + ") is below the current revisions " + describe(currentHeads)
							+ ", and upgrade only moves up: run downgrade " + target + " to go back to it.");
		}
		Set<String> toApply = closure(destination);
		toApply.removeAll(applied);
		List<MigrationPlan.Step> steps = new ArrayList<>();
		// The first step starts from the rows as they are, so that redundant rows go too.
		Set<String> heads = new HashSet<>(headsOf(applied));
		Set<String> rows = currentHeads;
		for (RevisionScript revision : this.revisions.values()) {
			if (toApply.contains(revision.id())) {
				// Everything the revision requires is applied, so only its direct
				// requirements can stop being heads.
				this.requires.get(revision.id()).forEach(heads::remove);
				heads.add(revision.id());
				MigrationPlan.Step step = new MigrationPlan.Step(revision, Direction.UPGRADE, rows, heads);
				steps.add(step);
				rows = step.headsAfter();
			}
		}
		return new MigrationPlan(Direction.UPGRADE, target, currentHeads, steps);
	}

	/** The steps that downgrade from {@code currentHeads} to {@code target}. */
	public MigrationPlan planDowngrade(Set<String> currentHeads, String target) {
		Target parsed = Target.parse(target);
		Set<String> applied = applied(currentHeads);
		Set<String> removals = removals(parsed, target, applied, true, true);
		if (removals == null) {
			Set<String> destination = destination(parsed, target, currentHeads, applied);
			List<String> notApplied = destination.stream().filter((id) -> !applied.contains(id)).toList();
			if (!notApplied.isEmpty()) {
				throw new WrongDirectionException("Target '" + target + "' (" + String.join(", ", notApplied)
						+ ") is not applied: it is above or beside the current revisions " + describe(currentHeads)
						+ ", and downgrade only moves down: run upgrade " + target + " to move to it.");
			}
			removals = above(destination, applied, target);
		}
		List<RevisionScript> order = new ArrayList<>(this.revisions.values());
		Collections.reverse(order);
		List<MigrationPlan.Step> steps = new ArrayList<>();
		Set<String> state = new HashSet<>(applied);
		Set<String> heads = new HashSet<>(headsOf(applied));
		Set<String> rows = currentHeads;
		for (RevisionScript revision : order) {
			if (removals.contains(revision.id())) {
				// Removals include their dependents: this revision is a head by now.
				state.remove(revision.id());
				heads.remove(revision.id());
				for (String required : this.requires.get(revision.id())) {
					if (this.requiredBy.get(required).stream().noneMatch(state::contains)) {
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
	public MigrationPlan planDowngrade(Set<String> currentHeads, String target, String dialect) {
		MigrationPlan plan = planDowngrade(currentHeads, target);
		checkReversible(plan, dialect);
		return plan;
	}

	/**
	 * Fails when a step of a downgrade plan is irreversible for the dialect, naming the
	 * revision and its reason.
	 */
	public void checkReversible(MigrationPlan plan, String dialect) {
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

	/** The version-table rows a stamp to {@code target} leaves. */
	public Set<String> stampHeads(Set<String> currentHeads, String target, boolean purge) {
		Target parsed = Target.parse(target);
		Set<String> current = purge ? Set.of() : currentHeads;
		Set<String> applied = applied(current);
		Set<String> removals = removals(parsed, target, applied, false, true);
		Set<String> after = new HashSet<>(applied);
		if (removals != null) {
			after.removeAll(removals);
			return headsOf(after);
		}
		Set<String> destination = destination(parsed, target, current, applied);
		after.removeAll(above(destination, after, target));
		after.addAll(closure(destination));
		return headsOf(after);
	}

	/**
	 * For targets that remove revisions ({@code base}, {@code label@base}, {@code -N},
	 * {@code label@-N}), what they remove; {@code null} for targets that name revisions.
	 */
	private Set<String> removals(Target target, String text, Set<String> applied, boolean downgrade,
			boolean branchScoped) {
		if (target instanceof Target.Base) {
			return new HashSet<>(applied);
		}
		if (target instanceof Target.BranchBase branchBase) {
			Set<String> removed = descendants(branch(branchBase.label(), text));
			removed.addAll(branch(branchBase.label(), text));
			removed.retainAll(applied);
			return removed;
		}
		if (target instanceof Target.Relative relative && relative.steps() < 0) {
			return walkDown(text, applied, -relative.steps(), null);
		}
		if (target instanceof Target.BranchRelative relative && relative.steps() < 0) {
			return walkDown(text, applied, -relative.steps(), relative.label());
		}
		if (branchScoped && target instanceof Target.Anchored anchored && anchored.steps() == 0
				&& anchored.anchor() instanceof Target.BranchRevisionAnchor branchRevision) {
			String revision = anchor(branchRevision, text);
			if (applied.contains(revision)) {
				// Only that branch moves back to rev; other branches from rev stay.
				Set<String> removed = intersection(lineageAbove(revision), branch(branchRevision.label(), text));
				removed.retainAll(applied);
				removed.addAll(descendants(removed));
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
	private Set<String> destination(Target target, String text, Set<String> currentHeads, Set<String> applied) {
		if (target instanceof Target.Heads) {
			return this.heads;
		}
		if (target instanceof Target.Base || target instanceof Target.BranchBase) {
			return Set.of();
		}
		if (target instanceof Target.Relative relative) {
			return Set.of(walkUp(text, currentHeads, applied, relative.steps(), null));
		}
		if (target instanceof Target.BranchRelative relative) {
			Set<String> members = branch(relative.label(), text);
			return Set
				.of(walkUp(text, intersection(currentHeads, members), applied, relative.steps(), relative.label()));
		}
		if (target instanceof Target.Several several) {
			Set<String> destination = new LinkedHashSet<>();
			for (Target.Anchored anchored : several.targets()) {
				destination.addAll(anchored(anchored, text));
			}
			return ordered(destination);
		}
		return anchored((Target.Anchored) target, text);
	}

	private Set<String> anchored(Target.Anchored target, String text) {
		String anchor = anchor(target.anchor(), text);
		if (target.steps() == 0) {
			return (anchor != null) ? Set.of(anchor) : Set.of();
		}
		if (target.steps() > 0) {
			Set<String> start = (anchor != null) ? Set.of(anchor) : Set.of();
			return Set.of(walkUp(text, start, closure(start), target.steps(), null));
		}
		String revision = anchor;
		for (int step = 1; step <= -target.steps(); step++) {
			if (revision == null) {
				throw new TargetOutOfRangeException("Target '" + text + "' goes below base: "
						+ ((anchor != null) ? "only " + (step - 2) + " revision(s) lie below " + anchor + " (" + anchor
								+ "-" + (step - 1) + " is base)." : "nothing lies below base."));
			}
			List<String> parents = this.revisions.get(revision).parents();
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
			return this.heads.isEmpty() ? null : singleHead(this.heads, text, "head");
		}
		if (anchor instanceof Target.BaseAnchor) {
			return null;
		}
		if (anchor instanceof Target.BranchHeadAnchor branchHead) {
			Set<String> members = branch(branchHead.label(), text);
			Set<String> branchHeads = ordered(members.stream()
				.filter((id) -> this.children.get(id).stream().noneMatch(members::contains))
				.toList());
			return singleHead(branchHeads, text, branchHead.label() + "@head");
		}
		if (anchor instanceof Target.BranchRevisionAnchor branchRevision) {
			Set<String> members = branch(branchRevision.label(), text);
			String id = get(branchRevision.idOrPrefix()).id();
			if (!members.contains(id) && members.stream().noneMatch(lineageAbove(id)::contains)) {
				throw new UnknownTargetException("Target '" + text + "': revision " + id + " is neither on branch '"
						+ branchRevision.label() + "' " + describe(members) + " nor below it.");
			}
			return id;
		}
		String name = ((Target.Named) anchor).name();
		String labelled = this.labels.get(name);
		return (labelled != null) ? labelled : get(name).id();
	}

	private String singleHead(Set<String> candidates, String text, String what) {
		if (candidates.size() == 1) {
			return candidates.iterator().next();
		}
		String labels = candidates.stream()
			.flatMap((id) -> this.labels.entrySet()
				.stream()
				.filter((label) -> this.branches.get(label.getKey()).contains(id))
				.map((label) -> label.getKey() + "@head"))
			.distinct()
			.collect(Collectors.joining(", "));
		throw new MultipleHeadsException("Target '" + text + "' is ambiguous: there are " + candidates.size()
				+ " heads for " + what + ": " + describe(candidates) + ". Use 'heads' to move to all of them, "
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
					.filter((id) -> this.revisions.get(id).parents().stream().noneMatch(members::contains))
					.toList() : this.bases;
				roots.stream().filter((id) -> !reached.contains(id)).forEach(candidates::add);
			}
			for (String head : walkHeads) {
				for (String child : this.children.get(head)) {
					if (!reached.contains(child) && (members == null || members.contains(child))) {
						candidates.add(child);
						from.add(head);
					}
				}
			}
			if (candidates.isEmpty()) {
				String where = start.isEmpty() ? "base" : describe(start);
				throw new TargetOutOfRangeException("Target '" + text + "' moves " + steps + " step(s) up, but only "
						+ (step - 1) + " revision(s) lie above " + where
						+ ((label != null) ? " on branch '" + label + "'" : "") + ".");
			}
			if (candidates.size() > 1 && from.size() > 1) {
				throw new MultipleHeadsException("Target '" + text + "' is ambiguous: the heads " + describe(from)
						+ " each have revisions above them " + describe(candidates)
						+ ". Say which branch to move: label@+N, <revision>+N, or a revision id.");
			}
			if (candidates.size() > 1) {
				String where = from.isEmpty() ? "base" : from.iterator().next();
				throw new AmbiguousRevisionException("Target '" + text + "' is ambiguous: " + where
						+ " has several revisions above it: " + describe(candidates)
						+ ". Name the one you want, or use label@+N for a labelled branch.");
			}
			last = candidates.iterator().next();
			Set<String> lastClosure = closure(Set.of(last));
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
	private Set<String> walkDown(String text, Set<String> applied, int steps, String label) {
		Set<String> members = (label != null) ? branch(label, text) : null;
		Set<String> remaining = new HashSet<>(applied);
		Set<String> removed = new HashSet<>();
		for (int step = 1; step <= steps; step++) {
			Set<String> candidates;
			if (members == null) {
				candidates = headsOf(remaining);
			}
			else {
				candidates = ordered(members.stream()
					.filter(remaining::contains)
					.filter((id) -> this.children.get(id)
						.stream()
						.noneMatch((child) -> members.contains(child) && remaining.contains(child)))
					.toList());
			}
			if (candidates.isEmpty()) {
				throw new TargetOutOfRangeException("Target '" + text + "' moves " + steps + " step(s) down, but only "
						+ (step - 1) + " revision(s)" + ((label != null) ? " of branch '" + label + "'" : "")
						+ " are applied.");
			}
			if (candidates.size() > 1) {
				throw new MultipleHeadsException("Target '" + text + "' is ambiguous: there are several heads "
						+ describe(candidates) + " to step down from. Say which: label@-N for a labelled branch, "
						+ "or a revision id to downgrade to.");
			}
			String top = candidates.iterator().next();
			Set<String> goes = descendants(Set.of(top));
			goes.add(top);
			goes.retainAll(remaining);
			remaining.removeAll(goes);
			removed.addAll(goes);
		}
		return removed;
	}

	private Set<String> branch(String label, String text) {
		Set<String> members = this.branches.get(label);
		if (members == null) {
			throw new UnknownTargetException("Target '" + text + "' names the branch label '" + label
					+ "', but no revision declares it. Known labels: "
					+ (this.labels.isEmpty() ? "none" : String.join(", ", this.labels.keySet())) + ".");
		}
		return members;
	}

	private void requireKnown(Set<String> heads) {
		List<String> unknown = heads.stream().filter((id) -> !this.revisions.containsKey(id)).sorted().toList();
		if (!unknown.isEmpty()) {
			throw new UnknownAppliedRevisionException("The version table holds revision(s) "
					+ String.join(", ", unknown) + ", which none of the discovered revisions has. "
					+ "Either newer code migrated this database (deploy that code), or the revision was deleted "
					+ "(restore it, or stamp --purge to a known revision). Nothing was run.", Set.copyOf(unknown));
		}
	}

	/** The revisions and everything they revise or depend on, directly or not. */
	private Set<String> closure(Set<String> ids) {
		return walk(ids, this.requires::get, true);
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
		destination.forEach((id) -> removed.addAll(lineageAbove(id)));
		removed.retainAll(applied);
		removed.addAll(descendants(removed));
		removed.retainAll(applied);
		Set<String> kept = closure(destination);
		List<String> conflicts = kept.stream().filter(removed::contains).sorted().toList();
		if (!conflicts.isEmpty()) {
			throw new InvalidTargetException("Target '" + text + "' both keeps and removes "
					+ String.join(", ", conflicts)
					+ ": one of its revisions lies above another or depends on what lies above it. Name fewer revisions.");
		}
		return removed;
	}

	/**
	 * Revisions that descend from this one through parents only: its own line, not the
	 * revisions that merely depend on it.
	 */
	private Set<String> lineageAbove(String id) {
		return walk(Set.of(id), this.children::get, false);
	}

	/** Everything that revises or depends on the revisions, directly or not. */
	private Set<String> descendants(Set<String> ids) {
		return walk(ids, this.requiredBy::get, false);
	}

	private Set<String> walk(Set<String> start, Function<String, List<String>> next, boolean includeStart) {
		Set<String> found = new HashSet<>();
		Deque<String> pending = new ArrayDeque<>();
		for (String id : start) {
			if (includeStart) {
				found.add(id);
			}
			pending.addAll(next.apply(id));
		}
		while (!pending.isEmpty()) {
			String id = pending.pop();
			if (found.add(id)) {
				pending.addAll(next.apply(id));
			}
		}
		return found;
	}

	/** The ids in the graph's topological order, unmodifiable. */
	private Set<String> ordered(Collection<String> ids) {
		List<String> sorted = new ArrayList<>(ids);
		sorted.sort(Comparator.comparing((String id) -> this.position.getOrDefault(id, Integer.MAX_VALUE))
			.thenComparing(Comparator.naturalOrder()));
		return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
	}

	private static Set<String> intersection(Set<String> a, Set<String> b) {
		Set<String> both = new LinkedHashSet<>(a);
		both.retainAll(b);
		return both;
	}

	private String describe(Collection<String> ids) {
		return ids.isEmpty() ? "(base)" : "(" + String.join(", ", ids) + ")";
	}

	private String describeHeads() {
		return "Heads are " + describe(this.heads) + ".";
	}

}
