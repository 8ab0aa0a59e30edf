package dev.retort.migration.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.retort.migration.operation.IrreversibleOperationException;

import org.springframework.util.CollectionUtils;

/**
 * The validated graph of revisions: heads, bases, branch points, merges and branches, and
 * the entry points for target resolution ({@link TargetResolution}) and planning
 * ({@link MigrationPlanner}). {@link RevisionValidation} checks the revisions and
 * {@link RevisionOrder} orders them before a graph is built.
 * <p>
 * The version table holds the heads of the applied set: everything those heads revise or
 * depend on, directly or not, is applied. {@code dependsOn} counts as ancestry
 * throughout.
 */
public final class RevisionGraph {

	/** Revisions in topological order. */
	private final Map<String, RevisionScript> revisions;

	private final Map<String, Integer> position;

	/** Parents and (resolved) dependencies: what must be applied first. */
	private final Map<String, List<String>> requires;

	/** Children by parent edges only. */
	private final Map<String, List<String>> children;

	/** Children by parent or dependency edges. */
	private final Map<String, List<String>> requiredBy;

	/** Label to the revision that declares it. */
	private final Map<String, String> labels;

	private final Map<String, Set<String>> branches = new HashMap<>();

	private final Set<String> heads;

	private final Set<String> bases;

	private final Set<String> branchPoints;

	private final Set<String> merges;

	private final TargetResolution targets;

	private final MigrationPlanner planner;

	/** The class path locations {@link #load} found no class path entry for. */
	private final List<String> locationsNotFound;

	private RevisionGraph(List<RevisionScript> ordered, Map<String, List<String>> requires, Map<String, String> labels,
			List<String> locationsNotFound) {
		this.locationsNotFound = locationsNotFound;
		int size = ordered.size();
		this.revisions = CollectionUtils.newLinkedHashMap(size);
		this.position = CollectionUtils.newHashMap(size);
		this.children = CollectionUtils.newHashMap(size);
		this.requiredBy = CollectionUtils.newHashMap(size);
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
		// one pass in topological order instead of a stream and a sort each: every start
		// builds the graph, mostly before the JIT compiler has caught up
		Set<String> heads = new LinkedHashSet<>();
		Set<String> bases = new LinkedHashSet<>();
		Set<String> branchPoints = new LinkedHashSet<>();
		Set<String> merges = new LinkedHashSet<>();
		for (RevisionScript revision : ordered) {
			String id = revision.id();
			if (this.requiredBy.get(id).isEmpty()) {
				heads.add(id);
			}
			if (revision.isBase()) {
				bases.add(id);
			}
			if (this.children.get(id).size() > 1) {
				branchPoints.add(id);
			}
			if (revision.isMerge()) {
				merges.add(id);
			}
		}
		this.heads = Collections.unmodifiableSet(heads);
		this.bases = Collections.unmodifiableSet(bases);
		this.branchPoints = Collections.unmodifiableSet(branchPoints);
		this.merges = Collections.unmodifiableSet(merges);
		for (Map.Entry<String, String> label : labels.entrySet()) {
			this.branches.put(label.getKey(), branchOf(label.getValue()));
		}
		this.targets = new TargetResolution(this);
		this.planner = new MigrationPlanner(this, this.targets);
	}

	/**
	 * Discovers revisions under the given locations ({@code classpath:db/migrations},
	 * {@code filesystem:/path}, or a plain directory path), Java and SQL mixed, and
	 * validates the graph they form.
	 */
	public static RevisionGraph load(List<String> locations, ClassLoader classLoader) {
		RevisionDiscovery.Discovered discovered = RevisionDiscovery.discover(locations, classLoader);
		return of(discovered.revisions(), discovered.notFound());
	}

	/**
	 * The class path locations given to {@link #load} that no class path entry has (no
	 * folder of that name, nor a package with a class in it), as they were given: no
	 * revisions were read from them.
	 */
	public List<String> locationsNotFound() {
		return this.locationsNotFound;
	}

	/** Validates and builds a graph from revisions already loaded. */
	public static RevisionGraph of(Collection<RevisionScript> revisions) {
		return of(revisions, List.of());
	}

	private static RevisionGraph of(Collection<RevisionScript> revisions, List<String> locationsNotFound) {
		List<RevisionScript> sorted = new ArrayList<>(revisions);
		sorted.sort(RevisionGraph::byIdThenSource);
		RevisionValidation.checkNames(sorted);
		Map<String, RevisionScript> byId = RevisionValidation.checkUnique(sorted);
		Map<String, String> labels = RevisionValidation.checkLabels(sorted, byId);
		Map<String, List<String>> requires = RevisionValidation.checkReferences(sorted, byId, labels);
		return new RevisionGraph(RevisionOrder.sort(sorted, requires), requires, labels, locationsNotFound);
	}

	private static int byIdThenSource(RevisionScript one, RevisionScript other) {
		int byId = one.id().compareTo(other.id());
		return (byId != 0) ? byId : one.source().compareTo(other.source());
	}

	/**
	 * The members of the branch a revision is on, as Alembic counts a labelled branch:
	 * the revision, its descendants, and its ancestors back to the nearest branch point
	 * or merge.
	 */
	Set<String> branchOf(String owner) {
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
	 * The labels of the branches a revision is on, sorted: those it declares, and those
	 * of a labelled revision below it or above it on its branch (as {@link #branches()}
	 * counts one), as Alembic shows them.
	 */
	public Set<String> branchLabelsOf(String id) {
		Set<String> labels = new TreeSet<>();
		for (Map.Entry<String, Set<String>> branch : this.branches.entrySet()) {
			if (branch.getValue().contains(id)) {
				labels.add(branch.getKey());
			}
		}
		return Collections.unmodifiableSet(labels);
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
		List<String> heads = new ArrayList<>();
		for (String id : applied) {
			if (Collections.disjoint(this.requiredBy.get(id), applied)) {
				heads.add(id);
			}
		}
		return ordered(heads);
	}

	/**
	 * Revisions not applied when the version table holds {@code heads}, in upgrade order.
	 */
	public List<RevisionScript> pending(Set<String> heads) {
		Set<String> applied = applied(heads);
		List<RevisionScript> pending = new ArrayList<>();
		for (RevisionScript revision : this.revisions.values()) {
			if (!applied.contains(revision.id())) {
				pending.add(revision);
			}
		}
		return Collections.unmodifiableList(pending);
	}

	/**
	 * Resolves a target ({@code heads}, {@code a1b2@head}, {@code -1}…) against the
	 * current heads: the revisions it names, or for targets that remove revisions
	 * ({@code base}, {@code -N}, {@code label@base}) the heads that remain.
	 */
	public Set<String> resolve(String target, Set<String> currentHeads) {
		return this.targets.resolve(target, currentHeads);
	}

	/**
	 * The one revision a target names without the database: an id or unique prefix, a
	 * branch label, {@code head}, {@code heads} or {@code label@heads} when there is one,
	 * {@code label@head}, {@code ae10+1}, {@code head-1}…
	 * @throws InvalidTargetException for a target that counts from the database
	 * ({@code +1}) or removes revisions ({@code base}, {@code label@base})
	 * @throws MultipleHeadsException for a target that names several revisions
	 */
	public RevisionScript revisionNamed(String target) {
		return this.targets.one(target);
	}

	/** The steps that upgrade from {@code currentHeads} to {@code target}. */
	public MigrationPlan planUpgrade(Set<String> currentHeads, String target) {
		return this.planner.planUpgrade(currentHeads, target);
	}

	/** The steps that downgrade from {@code currentHeads} to {@code target}. */
	public MigrationPlan planDowngrade(Set<String> currentHeads, String target) {
		return this.planner.planDowngrade(currentHeads, target);
	}

	/**
	 * The steps that downgrade from {@code currentHeads} to {@code target}, checked
	 * before anything runs: a revision on the way that declares its downgrade
	 * irreversible for this dialect fails the whole plan.
	 * @throws IrreversibleOperationException naming the revision, its source and reason
	 */
	public MigrationPlan planDowngrade(Set<String> currentHeads, String target, String dialect) {
		return this.planner.planDowngrade(currentHeads, target, dialect);
	}

	/**
	 * Fails when a step of a downgrade plan is irreversible for the dialect, naming the
	 * revision and its reason.
	 */
	public void checkReversible(MigrationPlan plan, String dialect) {
		this.planner.checkReversible(plan, dialect);
	}

	/** The version-table rows a stamp to {@code target} leaves. */
	public Set<String> stampHeads(Set<String> currentHeads, String target, boolean purge) {
		return this.planner.stampHeads(currentHeads, target, purge);
	}

	/**
	 * The steps from {@code now} to {@code goal}, the version-table rows a plan was to
	 * leave, after another process moved the database while the plan ran: what remains of
	 * the plan to {@code target}. A downgrade is checked for revisions that are
	 * irreversible on the dialect.
	 */
	public List<MigrationPlan.Step> replan(Direction direction, Set<String> now, Set<String> goal, String target,
			String dialect) {
		return this.planner.replan(direction, now, goal, target, dialect);
	}

	/**
	 * The revisions of a history range {@code from:to}, in upgrade order: each end a
	 * target, {@code current}, or empty for no bound ({@code base:heads}, {@code ae10:},
	 * {@code :ae10}, {@code -3:}).
	 * @param current reads the version table's rows, when an end needs them
	 */
	public List<RevisionScript> range(String from, String to, Supplier<Set<String>> current) {
		return new RevisionRange(this).between(from, to, current);
	}

	// -- for resolution and planning

	/**
	 * Where the branch a label (or a revision id in its place) names starts from: the
	 * revisions it forks from, empty for a branch with its own base.
	 */
	Set<String> beforeBranch(String label, String text) {
		return this.targets.beforeBranch(label, text);
	}

	/** The revision with exactly this id; {@code null} when there is none. */
	RevisionScript revision(String id) {
		return this.revisions.get(id);
	}

	/** The revisions that revise this one (parent edges only). */
	List<String> children(String id) {
		return this.children.get(id);
	}

	/** The revisions that revise or depend on this one, directly. */
	List<String> requiredBy(String id) {
		return this.requiredBy.get(id);
	}

	/** Each branch label with the revision that declares it, by label. */
	Map<String, String> labels() {
		return this.labels;
	}

	/** The members of a labelled branch; {@code null} for an unknown label. */
	Set<String> branchMembers(String label) {
		return this.branches.get(label);
	}

	private void requireKnown(Set<String> heads) {
		// a loop, not a stream: every status and start runs this, before the JIT compiler
		// has caught up
		List<String> unknown = new ArrayList<>(0);
		for (String id : heads) {
			if (!this.revisions.containsKey(id)) {
				unknown.add(id);
			}
		}
		if (!unknown.isEmpty()) {
			unknown.sort(null);
			throw new UnknownAppliedRevisionException("The version table holds revision(s) "
					+ String.join(", ", unknown) + ", which none of the discovered revisions has. "
					+ "Either newer code migrated this database (deploy that code), or the revision was deleted "
					+ "(restore it, or stamp --purge to a known revision). Nothing was run.", Set.copyOf(unknown));
		}
	}

	/** The revisions and everything they revise or depend on, directly or not. */
	Set<String> closure(Set<String> ids) {
		return walk(ids, this.requires, true);
	}

	/**
	 * Revisions that descend from this one through parents only: its own line, not the
	 * revisions that merely depend on it.
	 */
	Set<String> lineageAbove(String id) {
		return walk(Set.of(id), this.children, false);
	}

	/** Everything that revises or depends on the revisions, directly or not. */
	Set<String> descendants(Set<String> ids) {
		return walk(ids, this.requiredBy, false);
	}

	private Set<String> walk(Set<String> start, Map<String, List<String>> next, boolean includeStart) {
		Set<String> found = new HashSet<>();
		Deque<String> pending = new ArrayDeque<>();
		for (String id : start) {
			if (includeStart) {
				found.add(id);
			}
			push(pending, next.get(id));
		}
		while (!pending.isEmpty()) {
			String id = pending.pop();
			if (found.add(id)) {
				push(pending, next.get(id));
			}
		}
		return found;
	}

	/**
	 * Appends the ids one by one: {@code addAll} makes a lambda for each call, once per
	 * revision walked.
	 */
	private static void push(Deque<String> pending, List<String> ids) {
		for (String id : ids) {
			pending.addLast(id);
		}
	}

	/** The ids in the graph's topological order, unmodifiable. */
	Set<String> ordered(Collection<String> ids) {
		List<String> sorted = new ArrayList<>(ids);
		sorted.sort(this::byPosition);
		return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
	}

	private int byPosition(String one, String other) {
		int byPosition = Integer.compare(this.position.getOrDefault(one, Integer.MAX_VALUE),
				this.position.getOrDefault(other, Integer.MAX_VALUE));
		return (byPosition != 0) ? byPosition : one.compareTo(other);
	}

	static Set<String> intersection(Set<String> a, Set<String> b) {
		Set<String> both = new LinkedHashSet<>(a);
		both.retainAll(b);
		return both;
	}

	static String describe(Collection<String> ids) {
		return ids.isEmpty() ? "(base)" : "(" + String.join(", ", ids) + ")";
	}

	private String describeHeads() {
		return switch (this.heads.size()) {
			case 0 -> "There are no revisions yet.";
			case 1 -> "The head is " + this.heads.iterator().next() + ".";
			default -> "The heads are " + String.join(", ", this.heads) + ".";
		};
	}

}
