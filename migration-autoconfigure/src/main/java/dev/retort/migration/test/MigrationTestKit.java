package dev.retort.migration.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.retort.migration.MigrationException;
import dev.retort.migration.autogenerate.SchemaDiff;
import dev.retort.migration.autogenerate.Step;
import dev.retort.migration.autogenerate.StepDescriptions;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.ScratchDatabase;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks of the test kit, run against an application's revisions in scratch databases
 * of the application's kind, never in the application's own database. Each check fails
 * with an {@link AssertionError} that names the revision and shows what differs.
 * {@link RevisionTests} runs them as a user's tests; this class runs them for tests that
 * want them one by one.
 */
public final class MigrationTestKit implements AutoCloseable {

	private final RevisionGraph graph;

	private final MigratorConfig config;

	private final String dialect;

	private final Supplier<ScratchDatabase> scratch;

	private final Supplier<Optional<SchemaDiff.Result>> modelComparison;

	private final List<String> declaredHeads;

	private final String minimumRevision;

	/** Why each revision's downgrade cannot run, as recorded once. */
	private final Map<String, Optional<String>> irreversible = new ConcurrentHashMap<>();

	private final DowngradeWalk walk = new DowngradeWalk();

	/**
	 * @param graph the application's revisions
	 * @param config the application's migrator configuration (version and history tables)
	 * @param dialect the dialect's name
	 * @param scratch makes a new empty database of that dialect
	 * @param modelComparison the entity model compared with the schema the revisions
	 * build; empty when the application has no entity model
	 * @param declaredHeads the heads the graph must have, as revision ids, unique
	 * prefixes or branch labels; empty for exactly one head
	 * @param minimumRevision the lowest revision downgrades are checked down to (it and
	 * its ancestors are never downgraded); {@code null} for base
	 */
	public MigrationTestKit(RevisionGraph graph, MigratorConfig config, String dialect,
			Supplier<ScratchDatabase> scratch, Supplier<Optional<SchemaDiff.Result>> modelComparison,
			List<String> declaredHeads, String minimumRevision) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.config = config.withDialect(dialect);
		this.dialect = Dialects.named(dialect).name();
		this.scratch = scratch;
		this.modelComparison = modelComparison;
		this.declaredHeads = List.copyOf(declaredHeads);
		this.minimumRevision = (minimumRevision == null || minimumRevision.isBlank()) ? null : minimumRevision;
	}

	/** The revisions the kit checks. */
	public RevisionGraph graph() {
		return this.graph;
	}

	/** The name of the dialect the checks run on. */
	public String dialect() {
		return this.dialect;
	}

	// -- heads

	/**
	 * The graph has exactly one head, or exactly the declared heads.
	 */
	public void assertHeads() {
		Set<String> heads = this.graph.heads();
		if (this.declaredHeads.isEmpty()) {
			if (heads.size() != 1) {
				Assertions.fail("The revisions have " + heads.size() + " heads, and one was expected: "
						+ describeAll(heads) + ". Merge them with `migrate merge heads -m \"merge\"`, or declare the "
						+ "branches you keep apart with @MigrationTest(heads = {…}).");
			}
			return;
		}
		Set<String> expected = new LinkedHashSet<>();
		for (String declared : this.declaredHeads) {
			expected.addAll(declaredHead(declared));
		}
		if (!expected.equals(heads)) {
			Set<String> unexpected = new LinkedHashSet<>(heads);
			unexpected.removeAll(expected);
			Set<String> missing = new LinkedHashSet<>(expected);
			missing.removeAll(heads);
			StringBuilder message = new StringBuilder("The revisions' heads are not the declared ones ")
				.append(this.declaredHeads)
				.append(':');
			if (!unexpected.isEmpty()) {
				message.append(" not declared: ").append(describeAll(unexpected)).append(';');
			}
			if (!missing.isEmpty()) {
				message.append(" declared but not heads: ").append(describeAll(missing)).append(';');
			}
			message.append(" merge the heads that should be one, or change @MigrationTest(heads = {…}).");
			Assertions.fail(message.toString());
		}
	}

	private Set<String> declaredHead(String declared) {
		Set<String> branch = this.graph.branches().get(declared);
		if (branch != null) {
			Set<String> heads = new LinkedHashSet<>(this.graph.heads());
			heads.retainAll(branch);
			if (heads.isEmpty()) {
				Assertions.fail("The declared branch '" + declared + "' has no head.");
			}
			return heads;
		}
		try {
			return Set.of(this.graph.get(declared).id());
		}
		catch (MigrationException ex) {
			return Assertions.fail("@MigrationTest(heads) names '" + declared
					+ "', which is neither a revision nor a branch label: " + ex.getMessage());
		}
	}

	// -- upgrade from empty

	/**
	 * An empty database upgrades to the heads, and its version table then holds them.
	 */
	public void assertUpgradeFromEmpty() {
		try (ScratchDatabase database = this.scratch.get()) {
			Migrator migrator = migrator(database);
			run("Upgrading an empty database to heads failed", () -> migrator.upgrade("heads"));
			assertVersions(migrator, this.graph.heads(), "After upgrading an empty database to heads");
		}
	}

	// -- entity model

	/**
	 * The schema the revisions build from empty is the one the entity model describes:
	 * autogenerate finds nothing to add.
	 */
	public void assertModelMatchesRevisions() {
		Optional<SchemaDiff.Result> result;
		try {
			result = this.modelComparison.get();
		}
		catch (MigrationException ex) {
			result = Assertions
				.fail("Comparing the entities with the schema the revisions build failed: " + ex.getMessage(), ex);
		}
		Assumptions.assumeTrue(result.isPresent(),
				"The application has no Hibernate entity model, so there is nothing to compare the revisions with.");
		SchemaDiff.Result diff = result.get();
		if (!diff.isEmpty()) {
			List<Step> steps = diff.upgrade();
			StringBuilder message = new StringBuilder("The entities and the schema the revisions build (empty to heads "
					+ describeAll(this.graph.heads()) + ", " + this.dialect + ") differ: " + steps.size()
					+ " difference" + ((steps.size() == 1) ? "" : "s") + " autogenerate would write:");
			for (Step step : steps) {
				message.append(System.lineSeparator()).append("  - ").append(StepDescriptions.describe(step));
			}
			message.append(System.lineSeparator())
				.append("Write the missing revision with `migrate revision --autogenerate -m \"…\"`, or change the "
						+ "entities to match the revisions.");
			Assertions.fail(message.toString());
		}
	}

	// -- up and down one at a time

	/**
	 * Every revision upgrades one at a time from empty, downgrades one at a time to base
	 * (or to the minimum revision, and never below a revision whose downgrade is
	 * irreversible), and upgrades one at a time again; the version table holds the
	 * expected heads after every step.
	 */
	public void assertUpDownConsistency() {
		List<RevisionScript> order = this.graph.revisions();
		Set<String> kept = kept();
		try (ScratchDatabase database = this.scratch.get()) {
			Migrator migrator = migrator(database);
			Set<String> applied = new LinkedHashSet<>();
			upOneAtATime(migrator, order, applied, "upgrading one at a time from empty");
			List<RevisionScript> reversed = new ArrayList<>(order);
			Collections.reverse(reversed);
			for (RevisionScript revision : reversed) {
				if (kept.contains(revision.id()) || !applied.contains(revision.id())) {
					continue;
				}
				downOne(migrator, revision, applied, kept);
			}
			upOneAtATime(migrator, order, applied, "upgrading one at a time again after downgrading");
		}
	}

	/**
	 * Downgrades one revision: to the heads that remain without it, or, where a branch
	 * point makes that name no move (its other branch stays applied), to its parents,
	 * which takes the revisions above them on every branch, as the graph plans it.
	 */
	private void downOne(Migrator migrator, RevisionScript revision, Set<String> applied, Set<String> kept) {
		Set<String> without = new LinkedHashSet<>(applied);
		without.remove(revision.id());
		Set<String> current = migrator.current();
		List<String> candidates = new ArrayList<>();
		// the revision's own line first: a step down from it alone leaves the other heads
		candidates.add(revision.id() + "-1");
		candidates.add(target(this.graph.headsOf(without)));
		Set<String> requirements = new LinkedHashSet<>(this.graph.requirements(revision.id()));
		candidates.add(target(requirements));
		boolean blockedByKept = false;
		for (String target : candidates) {
			Set<String> removed;
			try {
				removed = this.graph.planDowngrade(current, target)
					.steps()
					.stream()
					.map((step) -> step.revision().id())
					.collect(Collectors.toCollection(LinkedHashSet::new));
			}
			catch (MigrationException ex) {
				continue;
			}
			// never below what is kept (the minimum revision, an irreversible downgrade)
			if (removed.contains(revision.id()) && !Collections.disjoint(removed, kept)) {
				blockedByKept = true;
				continue;
			}
			if (removed.contains(revision.id())) {
				run("Downgrading revision " + describe(revision) + " (one at a time, towards "
						+ ((this.minimumRevision != null) ? this.minimumRevision : "base") + ") failed",
						() -> migrator.downgrade(target));
				applied.removeAll(removed);
				assertVersions(migrator, this.graph.headsOf(applied),
						"After downgrading revision " + describe(revision));
				return;
			}
		}
		if (blockedByKept) {
			// every way down takes a kept revision with it (a sibling branch's
			// irreversible
			// head): the revision stays, its own downgrade checked by the no-trace test
			return;
		}
		Assertions.fail("No downgrade target removes revision " + describe(revision) + " from " + describeAll(current)
				+ ": tried " + candidates + ".");
	}

	private void upOneAtATime(Migrator migrator, List<RevisionScript> order, Set<String> applied, String phase) {
		for (RevisionScript revision : order) {
			if (applied.contains(revision.id())) {
				continue;
			}
			run("Upgrading revision " + describe(revision) + " (" + phase + ") failed",
					() -> migrator.upgrade(revision.id()));
			applied.add(revision.id());
			assertVersions(migrator, this.graph.headsOf(applied),
					"After upgrading revision " + describe(revision) + " (" + phase + ")");
		}
	}

	// -- downgrade leaves no trace

	/**
	 * The revisions whose downgrade is checked, in upgrade order: every revision but
	 * those the kit never downgrades ({@link #keptReason}).
	 */
	public List<RevisionScript> downgradable() {
		return this.graph.revisions().stream().filter((revision) -> keptReason(revision).isEmpty()).toList();
	}

	/**
	 * Why the kit never downgrades the revision: it is the minimum revision or one of its
	 * ancestors, or its downgrade is declared irreversible ({@link #irreversibleReason});
	 * empty for a revision whose downgrade is checked.
	 */
	public Optional<String> keptReason(RevisionScript revision) {
		String minimum = minimum();
		if (minimum != null && this.graph.applied(Set.of(minimum)).contains(revision.id())) {
			String named = "@MigrationTest(minimumRevision = \"" + this.minimumRevision + "\")";
			if (!minimum.equals(revision.id())) {
				named = "an ancestor of " + named + (minimum.equals(this.minimumRevision) ? "" : " " + minimum);
			}
			return Optional
				.of("Revision " + revision.id() + " is " + named + ": it and its ancestors are never downgraded.");
		}
		return irreversibleReason(revision)
			.map((reason) -> "Revision " + revision.id() + "'s downgrade is declared irreversible: " + reason);
	}

	/**
	 * Why the revision's downgrade cannot run on this database ({@code op.irreversible},
	 * {@code -- +downgrade irreversible: why}, an SQL revision without a downgrade), or
	 * empty: such a revision's downgrade is not checked, and the one-at-a-time walk stops
	 * above it.
	 */
	public Optional<String> irreversibleReason(RevisionScript revision) {
		// recording a downgrade runs it offline: once per revision
		return this.irreversible.computeIfAbsent(revision.id(), (id) -> revision.irreversibleReason(this.dialect));
	}

	/**
	 * Upgrading the revision and downgrading it again gives back the schema as it was
	 * before it, as the dialect reads it (Retort's own tables left out). The database
	 * holds the revision's ancestors and nothing else before it; called for the revisions
	 * in upgrade order along one line, the checks share one database. A revision the kit
	 * never downgrades ({@link #keptReason}) is skipped with the reason.
	 */
	public void assertDowngradeLeavesNoTrace(String revisionId) {
		RevisionScript revision = this.graph.get(revisionId);
		Optional<String> kept = keptReason(revision);
		// said, not silently left out: the other revisions are still checked
		Assumptions.assumeTrue(kept.isEmpty(), kept::get);
		Set<String> before = new LinkedHashSet<>(this.graph.applied(Set.of(revision.id())));
		before.remove(revision.id());
		this.walk.check(revision, before);
	}

	// -- data

	/**
	 * Rows seeded just before a revision survive it and every revision after it: the
	 * database is upgraded to the revision's parents, seeded, upgraded to heads, and the
	 * rows checked. When the check fails, a new database is seeded the same way and
	 * upgraded one revision at a time, the rows checked after each, and the failure names
	 * the revision after which the check stopped holding.
	 */
	public void assertDataSurvives(RevisionData data) {
		RevisionScript revision;
		try {
			revision = this.graph.get(data.revision());
		}
		catch (MigrationException ex) {
			revision = Assertions.fail("Revision data names '" + data.revision() + "': " + ex.getMessage());
		}
		RevisionScript seeded = revision;
		Throwable atHeads;
		try (ScratchDatabase database = this.scratch.get()) {
			Migrator migrator = seed(database, seeded, data);
			run("Upgrading revision " + describe(seeded) + " and the revisions after it to heads with the rows "
					+ "seeded before it failed", () -> migrator.upgrade("heads"));
			atHeads = failure(data.verify(), new JdbcTemplate(database.dataSource()));
		}
		if (atHeads == null) {
			return;
		}
		throw lostBy(seeded, data, atHeads);
	}

	/**
	 * Why the rows did not survive: the revision after which the check stopped holding,
	 * found in a new database seeded the same way and upgraded one revision at a time
	 * (the upgrade to heads runs them all at once).
	 */
	private AssertionError lostBy(RevisionScript seeded, RevisionData data, Throwable atHeads) {
		String lostRows = "The rows seeded before revision " + describe(seeded) + " did not survive";
		try (ScratchDatabase database = this.scratch.get()) {
			Migrator migrator = seed(database, seeded, data);
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			String heldAfter = (failure(data.verify(), jdbc) == null) ? "just after the seeding" : null;
			RevisionScript lost = null;
			Throwable lostFailure = null;
			Set<String> applied = new LinkedHashSet<>(this.graph.applied(migrator.current()));
			for (RevisionScript step : this.graph.revisions()) {
				if (applied.contains(step.id())) {
					continue;
				}
				run("Upgrading revision " + describe(step) + " (one at a time, with the rows seeded before revision "
						+ seeded.id() + ") failed", () -> migrator.upgrade(step.id()));
				applied.add(step.id());
				Throwable after = failure(data.verify(), jdbc);
				if (after == null) {
					heldAfter = "after revision " + step.describe(step.id());
					lost = null;
				}
				else if (lost == null && heldAfter != null) {
					lost = step;
					lostFailure = after;
				}
			}
			if (lost != null) {
				return failed(lostRows + " revision " + describe(lost) + ": upgrading one revision at a time from "
						+ "the seeding to heads, the check held " + heldAfter + " and failed after " + lost.id(),
						lostFailure);
			}
			String walk = (heldAfter != null) ? "upgrading one revision at a time instead, the check holds at heads"
					: "the check held at no step from the seeding to heads, so no one revision is to blame";
			return failed(lostRows + " the upgrade through it to heads (" + walk + ")", atHeads);
		}
	}

	/**
	 * Upgrades the database to the revision's parents and seeds the rows.
	 */
	private Migrator seed(ScratchDatabase database, RevisionScript revision, RevisionData data) {
		Set<String> ancestors = new LinkedHashSet<>(this.graph.applied(Set.of(revision.id())));
		ancestors.remove(revision.id());
		Set<String> parents = this.graph.headsOf(ancestors);
		Migrator migrator = migrator(database);
		if (!parents.isEmpty()) {
			run("Upgrading to the parents of revision " + describe(revision) + " failed",
					() -> migrator.upgrade(target(parents)));
		}
		Throwable seeding = failure(data.seed(), new JdbcTemplate(database.dataSource()));
		if (seeding != null) {
			throw failed("Seeding rows before revision " + describe(revision) + " failed", seeding);
		}
		return migrator;
	}

	/** What the hook threw, or {@code null} when it ran through. */
	private static Throwable failure(RevisionData.Hook hook, JdbcTemplate jdbc) {
		try {
			hook.run(jdbc);
			return null;
		}
		catch (AssertionError | Exception ex) {
			return ex;
		}
	}

	private static AssertionError failed(String failure, Throwable cause) {
		String detail = (cause instanceof AssertionError) ? cause.getMessage() : cause.toString();
		return new AssertionError(failure + ": " + detail, cause);
	}

	/**
	 * Drops the database the downgrade checks share, if there is one; the next check
	 * starts from a new one.
	 */
	@Override
	public void close() {
		this.walk.close();
	}

	// -- helpers

	/**
	 * The minimum revision, each revision whose downgrade is irreversible, and their
	 * ancestors: never downgraded.
	 */
	private Set<String> kept() {
		Set<String> kept = new LinkedHashSet<>();
		for (RevisionScript revision : this.graph.revisions()) {
			if (irreversibleReason(revision).isPresent()) {
				kept.addAll(this.graph.applied(Set.of(revision.id())));
			}
		}
		String minimum = minimum();
		if (minimum != null) {
			kept.addAll(this.graph.applied(Set.of(minimum)));
		}
		return kept;
	}

	/** The minimum revision's id, or {@code null} for base. */
	private String minimum() {
		if (this.minimumRevision == null) {
			return null;
		}
		try {
			return this.graph.get(this.minimumRevision).id();
		}
		catch (MigrationException ex) {
			return Assertions
				.fail("@MigrationTest(minimumRevision) names '" + this.minimumRevision + "': " + ex.getMessage());
		}
	}

	private Migrator migrator(ScratchDatabase database) {
		return new Migrator(database.dataSource(), this.config, this.graph);
	}

	private void assertVersions(Migrator migrator, Set<String> expected, String when) {
		Set<String> current = migrator.current();
		if (!current.equals(Set.copyOf(expected))) {
			Assertions.fail(when + ", the version table holds " + describeAll(current) + " instead of "
					+ describeAll(expected) + ".");
		}
	}

	private static void run(String failure, Runnable action) {
		try {
			action.run();
		}
		catch (MigrationException ex) {
			throw new AssertionError(failure + ": " + ex.getMessage(), ex);
		}
	}

	private static String target(Set<String> heads) {
		return heads.isEmpty() ? "base" : String.join(",", heads);
	}

	private String describe(RevisionScript revision) {
		return revision.describe(revision.id()) + " [" + revision.source() + "]";
	}

	private String describeAll(Set<String> ids) {
		if (ids.isEmpty()) {
			return "nothing (base)";
		}
		return ids.stream()
			.map((id) -> this.graph.find(id).map(this::describe).orElse(id))
			.collect(Collectors.joining(", "));
	}

	private Schema reflect(ScratchDatabase database) {
		Dialect dialect = Dialects.named(this.dialect);
		try (Connection connection = database.dataSource().getConnection()) {
			Schema schema = dialect.reflect(connection);
			Map<String, Table> tables = new LinkedHashMap<>(schema.tables());
			tables.values()
				.removeIf((table) -> table.name().equalsIgnoreCase(this.config.versionTable())
						|| table.name().equalsIgnoreCase(this.config.historyTable()));
			Map<String, Sequence> sequences = new LinkedHashMap<>(schema.sequences());
			return new Schema(tables, sequences);
		}
		catch (SQLException ex) {
			throw new AssertionError("Could not read the scratch database's schema: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One database walked through the revisions in upgrade order: before each checked
	 * revision it holds exactly the revisions before it; a failed check leaves it in an
	 * unknown state, so the next check starts from a new one.
	 */
	private final class DowngradeWalk implements AutoCloseable {

		private ScratchDatabase database;

		private Migrator migrator;

		/** The revisions the database holds, or {@code null} when unknown. */
		private Set<String> applied;

		void check(RevisionScript revision, Set<String> before) {
			if (this.database == null || this.applied == null || !before.containsAll(this.applied)) {
				close();
				this.database = MigrationTestKit.this.scratch.get();
				this.migrator = migrator(this.database);
				this.applied = Set.of();
			}
			Set<String> heads = MigrationTestKit.this.graph.headsOf(before);
			Set<String> state = this.applied;
			// unknown until this check completes: a failure makes the next check start
			// afresh
			this.applied = null;
			if (!state.equals(before) && !heads.isEmpty()) {
				run("Upgrading to the revisions before " + describe(revision) + " failed",
						() -> this.migrator.upgrade(target(heads)));
			}
			Schema schemaBefore = reflect(this.database);
			run("Upgrading revision " + describe(revision) + " failed", () -> this.migrator.upgrade(revision.id()));
			run("Downgrading revision " + describe(revision) + " failed", () -> this.migrator.downgrade(target(heads)));
			Schema schemaAfter = reflect(this.database);
			List<String> differences = SchemaDifferences.between(schemaBefore, schemaAfter);
			if (!differences.isEmpty()) {
				StringBuilder message = new StringBuilder("Downgrading revision " + describe(revision)
						+ " leaves a trace: after its upgrade and downgrade the schema is not as it was before it ("
						+ MigrationTestKit.this.dialect + "):");
				for (String difference : differences) {
					message.append(System.lineSeparator()).append("  - ").append(difference);
				}
				message.append(System.lineSeparator()).append("Make its downgrade undo everything its upgrade does.");
				Assertions.fail(message.toString());
			}
			run("Upgrading revision " + describe(revision) + " again after its downgrade failed",
					() -> this.migrator.upgrade(revision.id()));
			Set<String> now = new LinkedHashSet<>(before);
			now.add(revision.id());
			this.applied = now;
		}

		@Override
		public void close() {
			if (this.database != null) {
				ScratchDatabase database = this.database;
				this.database = null;
				this.migrator = null;
				database.close();
			}
		}

	}

}
