package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.VersionTables;
import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.MigrationPlan.Step;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionLocationException;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.revision.UnknownAppliedRevisionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a database between revisions and keeps its version and history tables. Each
 * revision runs in its own transaction together with its bookkeeping; a database-native
 * lock keeps concurrent migrators apart.
 */
public class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	/**
	 * Apart from the steps' logger, which a {@code migrate} run quiets since it prints
	 * each step itself.
	 */
	private static final Logger editedRevisions = LoggerFactory
		.getLogger(Migrator.class.getPackageName() + ".EditedRevisions");

	private final DataSource dataSource;

	private final MigratorConfig config;

	private final List<MigrationListener> listeners = new CopyOnWriteArrayList<>();

	private volatile RevisionGraph graph;

	/** The load of the graph under way, if any; guarded by {@code this}. */
	private FutureTask<RevisionGraph> pendingLoad;

	private volatile MigrationSession.Binding binding;

	private volatile boolean tablesExist;

	/** Whom this thread's run is for, beside the configured name; see onBehalfOf. */
	private final ThreadLocal<String> requester = new ThreadLocal<>();

	public Migrator(DataSource dataSource, MigratorConfig config) {
		this(dataSource, config, null);
	}

	/**
	 * A migrator over a graph built elsewhere (generated revisions, tools); the
	 * configured locations are not read.
	 */
	public Migrator(DataSource dataSource, MigratorConfig config, RevisionGraph graph) {
		this.dataSource = dataSource;
		this.config = config;
		this.graph = graph;
	}

	public Migrator addListener(MigrationListener listener) {
		this.listeners.add(listener);
		return this;
	}

	/** Stops telling the listener about steps. */
	public Migrator removeListener(MigrationListener listener) {
		this.listeners.remove(listener);
		return this;
	}

	/**
	 * The validated revision graph, loaded from the configured locations on first use.
	 * @throws RevisionLocationException where a configured class path location was not
	 * found (a misspelt {@code migrations.locations} would otherwise read as a code
	 * without revisions, or one behind the database); Retort's default location, which an
	 * application without revisions yet does not have, may be missing
	 */
	public RevisionGraph graph() {
		RevisionGraph graph = graphAsFound();
		if (graph.locationsNotFound().isEmpty()) {
			// every status and health check comes here
			return graph;
		}
		List<String> notFound = graph.locationsNotFound()
			.stream()
			.filter((location) -> !location.strip().equals(MigratorConfig.DEFAULT_LOCATION))
			.toList();
		if (!notFound.isEmpty()) {
			String location = notFound.get(0);
			String folder = location.strip().substring("classpath:".length()).replaceAll("^/+|/+$", "");
			throw new RevisionLocationException("Migration location '" + location
					+ "' is not on the class path: no class path entry has a folder " + folder
					+ ", so no revisions were read from it and nothing was run. Correct migrations.locations (the "
					+ "default is " + MigratorConfig.DEFAULT_LOCATION + "), or, in an application without "
					+ "revisions there yet, write the first one with `migrate revision -m \"…\"` and build.");
		}
		return graph;
	}

	/**
	 * The revision graph as the configured locations give it, even where a class path
	 * location was not found: for writing an application's first revision into a location
	 * that does not exist yet.
	 */
	public RevisionGraph graphAsFound() {
		RevisionGraph graph = this.graph;
		if (graph != null) {
			return graph;
		}
		FutureTask<RevisionGraph> load = pendingLoad();
		if (load == null) {
			return this.graph;
		}
		// runs the load here unless another thread already runs or ran it
		load.run();
		boolean loaded = false;
		try {
			graph = await(load);
			loaded = true;
			return graph;
		}
		finally {
			synchronized (this) {
				if (this.pendingLoad == load) {
					// a failed load is tried again on the next call: the files may be
					// fixed
					this.pendingLoad = null;
					if (loaded) {
						this.graph = graph;
					}
				}
			}
		}
	}

	/**
	 * The load under way, or a new one: every thread that asks while it runs waits for
	 * the same load, so the revisions are read once and a broken one fails once;
	 * {@code null} once the graph is loaded.
	 */
	private synchronized FutureTask<RevisionGraph> pendingLoad() {
		if (this.graph != null) {
			return null;
		}
		if (this.pendingLoad == null) {
			this.pendingLoad = new FutureTask<>(
					() -> RevisionGraph.load(this.config.locations(), this.config.classLoader()));
		}
		return this.pendingLoad;
	}

	private static RevisionGraph await(FutureTask<RevisionGraph> load) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return load.get();
				}
				catch (InterruptedException ex) {
					// the load finishes regardless; its outcome is what the caller needs
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException failure) {
						throw failure;
					}
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The dialect's name, detected from the database unless configured. */
	public String dialect() {
		if (this.binding == null && this.config.dialect() != null) {
			return Dialects.named(this.config.dialect()).name();
		}
		try (MigrationSession session = open()) {
			return session.dialect().name();
		}
	}

	public MigratorConfig config() {
		return this.config;
	}

	/**
	 * The database this migrator migrates, for tools that read it the same way
	 * (autogenerate compares the entity model with it).
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Runs {@code work} (upgrades, downgrades, stamps of this migrator) on behalf of
	 * someone other than the process: the history records them beside
	 * {@code migrations.applied-by}, as {@code "deploy (for admin over HTTP)"}.
	 * @param requester who asked, as the history should name them
	 * @param work what to run, on this thread
	 * @return what {@code work} returns
	 */
	public <T> T onBehalfOf(String requester, Supplier<T> work) {
		String before = this.requester.get();
		this.requester.set(requester);
		try {
			return work.get();
		}
		finally {
			if (before != null) {
				this.requester.set(before);
			}
			else {
				this.requester.remove();
			}
		}
	}

	/**
	 * Who the history records as applying this thread's run: the configured name, and
	 * whom it runs for.
	 */
	private String appliedBy() {
		String requester = this.requester.get();
		return (requester != null) ? this.config.appliedBy() + " (for " + requester + ")" : this.config.appliedBy();
	}

	/** Upgrades to {@code target} ({@code heads}, {@code +1}, a revision id …). */
	public MigrationResult upgrade(String target) {
		return upgrade(target, false);
	}

	/**
	 * Upgrades to {@code target}; with {@code dryRun} everything runs in one transaction
	 * that is rolled back, proving the revisions work without keeping anything.
	 */
	public MigrationResult upgrade(String target, boolean dryRun) {
		return migrate(Direction.UPGRADE, target, dryRun);
	}

	/** Downgrades to {@code target} ({@code -1}, {@code base}, a revision id …). */
	public MigrationResult downgrade(String target) {
		return downgrade(target, false);
	}

	/** Downgrades to {@code target}; with {@code dryRun} nothing is kept. */
	public MigrationResult downgrade(String target, boolean dryRun) {
		return migrate(Direction.DOWNGRADE, target, dryRun);
	}

	/**
	 * Records {@code target} in the version table without running any revision. With
	 * {@code purge} the version table is emptied first, even of revisions the code does
	 * not know.
	 */
	public MigrationResult stamp(String target, boolean purge) {
		RevisionGraph graph = graph();
		try (MigrationSession session = open()) {
			session.lockRun();
			ensureTables(session);
			session.begin();
			Connection connection = session.connection();
			Set<String> before = session.tables().readVersions(connection);
			if (!purge) {
				requireKnown(before, "stamp " + target);
			}
			Set<String> known = before.stream()
				.filter((id) -> graph.find(id).isPresent())
				.collect(Collectors.toCollection(LinkedHashSet::new));
			Set<String> after = graph.stampHeads(purge ? known : before, target, purge);
			if (purge) {
				session.tables().replaceVersions(connection, after);
			}
			else {
				session.moveVersions(before, after, "stamp " + target);
			}
			List<Step> steps = new ArrayList<>();
			List<HistoryRecord> records = new ArrayList<>();
			for (String id : after) {
				if (purge || !before.contains(id)) {
					RevisionScript revision = graph.get(id);
					steps.add(new Step(revision, Direction.STAMP, before, after));
					records.add(new HistoryRecord(id, Direction.STAMP.label(),
							StepExecution.checksum(revision, session.dialect()), Instant.now(), 0, appliedBy(), true,
							revision.message(), null));
				}
			}
			session.tables().recordHistory(connection, records);
			session.commit();
			logger.info("stamp {} -> {}{}", describe(before), describe(after), purge ? " (purged)" : "");
			return new MigrationResult(steps, steps.stream().map((step) -> Duration.ZERO).toList(), after);
		}
		catch (SQLException ex) {
			throw accessFailure("stamp " + target, ex);
		}
	}

	/** The version-table rows: the revisions the database is at. */
	public Set<String> current() {
		try (MigrationSession session = open()) {
			return tablesExist(session) ? session.tables().readVersions(session.connection()) : Set.of();
		}
		catch (SQLException ex) {
			throw accessFailure("read the version table", ex);
		}
	}

	/** The code's heads. */
	public Set<String> heads() {
		return graph().heads();
	}

	/** Every step recorded in the history table, oldest first. */
	public List<HistoryEntry> history() {
		return historyRecords().stream()
			.map((record) -> new HistoryEntry(record.revision(), direction(record.direction()), record.checksum(),
					record.appliedAt(), Duration.ofMillis(record.durationMillis()), record.appliedBy(),
					record.success()))
			.toList();
	}

	/**
	 * Every row of the history table, oldest first, with the revision's message and, for
	 * failed steps, the error.
	 */
	public List<HistoryRecord> historyRecords() {
		try (MigrationSession session = open()) {
			return tablesExist(session) ? session.tables().readHistory(session.connection()) : List.of();
		}
		catch (SQLException ex) {
			throw accessFailure("read the history table", ex);
		}
	}

	/**
	 * Where the database stands: its revisions, the code's heads, what an upgrade to
	 * {@code heads} would apply, and revisions the code does not know. Never throws for
	 * unknown revisions; reports them.
	 */
	public MigrationStatus status() {
		Set<String> current = whileLoadingGraph(this::current);
		return RevisionReports.status(graph(), current);
	}

	/**
	 * The status against a graph the caller holds ({@link #graphAsFound()}, for writing a
	 * revision into a location that does not exist yet).
	 */
	public MigrationStatus status(RevisionGraph graph) {
		return RevisionReports.status(graph, current());
	}

	/**
	 * Every revision the code or the database knows, with its state and when, how fast
	 * and by whom it was applied, and its recorded and current checksums: the code's
	 * revisions in upgrade order, then those unknown to the code.
	 */
	public List<RevisionState> revisionStates() {
		return report().revisions();
	}

	/**
	 * The database's status and every revision's state, from one read of the version and
	 * history tables: for views that show both, such as health and the actuator endpoint.
	 */
	public MigrationReport report() {
		RevisionGraph graph = graph();
		try (MigrationSession session = open()) {
			boolean exist = tablesExist(session);
			Set<String> current = exist ? session.tables().readVersions(session.connection()) : Set.of();
			List<HistoryRecord> history = exist ? session.tables().readHistory(session.connection()) : List.of();
			return RevisionReports.report(graph, session.dialect(), current, history);
		}
		catch (SQLException ex) {
			throw accessFailure("read the version and history tables", ex);
		}
	}

	private MigrationResult migrate(Direction direction, String target, boolean dryRun) {
		MigrationSession opened = whileLoadingGraph(this::open);
		try (MigrationSession session = opened) {
			RevisionGraph graph = graph();
			session.lockRun();
			return dryRun ? dryRun(session, graph, direction, target) : run(session, graph, direction, target);
		}
		catch (SQLException ex) {
			throw accessFailure(direction.label() + " to " + target, ex);
		}
	}

	private MigrationResult run(MigrationSession session, RevisionGraph graph, Direction direction, String target)
			throws SQLException {
		ensureTables(session);
		Set<String> heads = session.tables().readVersions(session.connection());
		MigrationPlan plan = plan(graph, direction, heads, target, session.dialect());
		if (direction == Direction.UPGRADE && !plan.steps().isEmpty()) {
			warnOfEditedRevisions(session, graph, heads);
		}
		Set<String> goal = plan.headsAfter();
		Deque<Step> queue = new ArrayDeque<>(plan.steps());
		List<Step> done = new ArrayList<>();
		List<Duration> durations = new ArrayList<>();
		Set<String> current = heads;
		int total = queue.size();
		StepExecution execution = new StepExecution(appliedBy(), this.listeners);
		while (!queue.isEmpty()) {
			Step step = queue.peekFirst();
			session.begin();
			boolean versionsMoved = false;
			if (!session.lock().heldForRun()) {
				// the lock is per step: another process may have moved the database since
				if (step.revision().transactional()
						&& VersionTables.isLinearMove(step.headsBefore(), step.headsAfter())) {
					// check and move in one statement; the step's rollback undoes the
					// move
					versionsMoved = session.tables()
						.claimMove(session.connection(), step.headsBefore(), step.headsAfter());
				}
				Set<String> now = versionsMoved ? step.headsBefore()
						: session.tables().readVersions(session.connection());
				if (!now.equals(step.headsBefore())) {
					session.rollback();
					requireKnown(now, direction.label() + " " + target);
					queue = new ArrayDeque<>(replan(graph, direction, now, goal, target, session.dialect()));
					total = done.size() + queue.size();
					current = now;
					continue;
				}
			}
			queue.removeFirst();
			durations.add(execution.run(session, step, done.size() + 1, total, false, versionsMoved));
			done.add(step);
			current = step.headsAfter();
		}
		if (done.isEmpty()) {
			logger.info("Nothing to {}: the database is at {}", direction.label(), describe(current));
		}
		return new MigrationResult(done, durations, current);
	}

	private MigrationResult dryRun(MigrationSession session, RevisionGraph graph, Direction direction, String target)
			throws SQLException {
		session.begin();
		try {
			session.tables().create(session.connection());
			Set<String> heads = session.tables().readVersions(session.connection());
			MigrationPlan plan = plan(graph, direction, heads, target, session.dialect());
			requireTransactional(plan, session.dialect());
			StepExecution execution = new StepExecution(appliedBy(), this.listeners);
			List<Duration> durations = new ArrayList<>();
			int index = 0;
			for (Step step : plan.steps()) {
				durations.add(execution.run(session, step, ++index, plan.steps().size(), true, false));
			}
			session.rollback();
			logger.info("Dry run of {} to {} succeeded; rolled back", direction.label(), target);
			return new MigrationResult(plan.steps(), durations, heads);
		}
		catch (SQLException | RuntimeException | Error ex) {
			// a failed rollback must not hide why the dry run failed; close tries again
			session.rollbackAfter(ex);
			throw ex;
		}
	}

	/**
	 * Refuses a dry run of a plan with a revision that must run outside a transaction on
	 * this database: in the dry run's one transaction its statements would fail (or be
	 * kept), so it cannot be tried.
	 */
	private static void requireTransactional(MigrationPlan plan, Dialect dialect) {
		for (Step step : plan.steps()) {
			RevisionScript revision = step.revision();
			if (revision.transactional() || !revision.appliesTo(dialect.name())) {
				continue;
			}
			String command = plan.direction().label();
			String before = step.headsBefore().equals(plan.headsBefore())
					? "It is the first step, so there is nothing before it to try"
					: "Dry-run the steps before it with `" + command + " " + String.join(" ", step.headsBefore())
							+ " --dry-run`";
			throw new DryRunNotPossibleException("A dry run runs every step in one transaction and rolls it back, "
					+ "but revision " + revision + " in " + revision.source() + " is transactional = false: its "
					+ "statements must run outside a transaction (such as CREATE INDEX CONCURRENTLY), so a dry run "
					+ "cannot try it. Nothing was run. " + before + "; read what it runs with `" + command
					+ " --sql`.");
		}
	}

	/**
	 * Warns of each applied revision whose code changed since it ran, before an upgrade
	 * that has something to run (where the deployment that brings new revisions is
	 * watched; a start with nothing to run does not pay for the checksums): the edit does
	 * not run, and the database may not be what the code now says.
	 */
	private void warnOfEditedRevisions(MigrationSession session, RevisionGraph graph, Set<String> heads)
			throws SQLException {
		List<HistoryRecord> history = session.tables().readHistory(session.connection());
		for (RevisionState state : RevisionReports.report(graph, session.dialect(), heads, history).revisions()) {
			if (state.checksumMismatch()) {
				editedRevisions.warn("{} The change does not run again; undo the edit and write a new revision "
						+ "instead (`migrate verify` lists every such revision).", state.changedSinceApplied());
			}
		}
	}

	private MigrationPlan plan(RevisionGraph graph, Direction direction, Set<String> heads, String target,
			Dialect dialect) {
		requireKnown(heads, direction.label() + " " + target);
		MigrationPlan plan = (direction == Direction.UPGRADE) ? graph.planUpgrade(heads, target)
				: graph.planDowngrade(heads, target);
		if (direction == Direction.DOWNGRADE) {
			graph.checkReversible(plan, dialect.name());
		}
		return plan;
	}

	/**
	 * The steps from {@code now} to {@code goal} after another process moved the
	 * database.
	 */
	private List<Step> replan(RevisionGraph graph, Direction direction, Set<String> now, Set<String> goal,
			String target, Dialect dialect) {
		if (direction == Direction.DOWNGRADE && goal.size() > 1 && !now.equals(goal)) {
			throw new ConcurrentMigrationException("Another process changed the database (now at " + describe(now)
					+ ") while it was being downgraded to '" + target + "'. Nothing more was run; check "
					+ "`status` and downgrade again.");
		}
		return graph.replan(direction, now, goal, target, dialect.name());
	}

	/**
	 * The version table's revisions, all of which this code must know: where a script
	 * starts from the database's revisions.
	 * @param action what is refused, for the message ({@code upgrade heads --sql})
	 * @throws UnknownAppliedRevisionException when the database is ahead of the code
	 */
	public Set<String> currentKnown(String action) {
		Set<String> current = current();
		requireKnown(current, action);
		return current;
	}

	private void requireKnown(Set<String> heads, String action) {
		RevisionGraph graph = graph();
		Set<String> unknown = heads.stream()
			.filter((id) -> graph.find(id).isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (!unknown.isEmpty()) {
			String list = String.join(", ", unknown);
			throw new UnknownAppliedRevisionException("The database's version table " + this.config.versionTable()
					+ " holds " + ((unknown.size() == 1) ? "revision " : "revisions ") + list
					+ ", which this code does not know: the database is ahead of the code. Deploy the code that has "
					+ ((unknown.size() == 1) ? "it" : "them") + ", or, if the database really is at a revision "
					+ "this code knows, record that with `stamp <revision> --purge`. Nothing was run (" + action + ").",
					unknown);
		}
	}

	private MigrationSession open() {
		return MigrationSession.open(this.dataSource, this::bind, this.config.lockTimeout());
	}

	/**
	 * Does the database work while the graph loads on a thread of its own, when it is not
	 * loaded yet: on a cold start, reading and parsing the revisions and connecting to
	 * the database (loading the driver, the first round trips) overlap. The caller then
	 * takes the graph with {@link #graph()}, which waits for the load or, when it failed,
	 * fails the same way in the caller's thread. A broken revision is still reported
	 * before a database that cannot be reached.
	 */
	private <T> T whileLoadingGraph(Supplier<T> databaseWork) {
		FutureTask<RevisionGraph> load = pendingLoad();
		if (load != null) {
			// the caller's graph() waits for this load, or runs it if it has not started
			Thread loader = new Thread(load, "retort-revision-discovery");
			loader.setDaemon(true);
			loader.start();
		}
		try {
			return databaseWork.get();
		}
		catch (RuntimeException ex) {
			try {
				graph();
			}
			catch (RuntimeException revisionsFailed) {
				revisionsFailed.addSuppressed(ex);
				throw revisionsFailed;
			}
			throw ex;
		}
	}

	private MigrationSession.Binding bind(Connection connection) throws SQLException {
		MigrationSession.Binding binding = this.binding;
		if (binding == null) {
			Dialect dialect = (this.config.dialect() != null) ? Dialects.named(this.config.dialect())
					: Dialects.of(connection);
			binding = new MigrationSession.Binding(dialect, dialect.lock(this.config.versionTable()),
					new VersionTables(dialect, this.config.versionTable(), this.config.historyTable()));
			this.binding = binding;
		}
		return binding;
	}

	private boolean tablesExist(MigrationSession session) throws SQLException {
		if (!this.tablesExist) {
			this.tablesExist = session.tables().exist(session.connection());
		}
		return this.tablesExist;
	}

	/**
	 * Creates the version and history tables under the lock, tolerating a concurrent
	 * creator.
	 */
	private void ensureTables(MigrationSession session) throws SQLException {
		if (this.tablesExist) {
			return;
		}
		session.begin();
		session.tables().create(session.connection());
		session.commit();
		this.tablesExist = true;
	}

	static DatabaseAccessException accessFailure(String action, SQLException ex) {
		String state = (ex.getSQLState() != null) ? " (SQL state " + ex.getSQLState() + ")" : "";
		return new DatabaseAccessException("Could not " + action + " on the database: " + ex.getMessage() + state
				+ ". Nothing further was run; check the connection and run `status`.", ex);
	}

	private static Direction direction(String label) {
		return Direction.valueOf(label.toUpperCase(java.util.Locale.ROOT));
	}

	/** Version-table rows as messages show them: sorted ids, or {@code base}. */
	public static String describe(Set<String> heads) {
		return heads.isEmpty() ? "base"
				: heads.stream().sorted(Comparator.naturalOrder()).collect(Collectors.joining(", "));
	}

}
