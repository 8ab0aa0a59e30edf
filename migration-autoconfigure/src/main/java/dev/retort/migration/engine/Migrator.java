package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.retort.migration.MigrationException;
import dev.retort.migration.dialect.DatabaseLock;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.VersionTables;
import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.engine.OnlineOperationSink.StatementFailure;
import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.MigrationPlan.Step;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.revision.UnknownAppliedRevisionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Moves a database between revisions and keeps its version and history tables. Each
 * revision runs in its own transaction together with its bookkeeping; a database-native
 * lock keeps concurrent migrators apart.
 */
public class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private static final int MAX_STATEMENT = 300;

	private final DataSource dataSource;

	private final MigratorConfig config;

	private final List<MigrationListener> listeners = new CopyOnWriteArrayList<>();

	private volatile RevisionGraph graph;

	private volatile Binding binding;

	private volatile boolean tablesExist;

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

	/**
	 * The validated revision graph, loaded from the configured locations on first use.
	 */
	public RevisionGraph graph() {
		RevisionGraph graph = this.graph;
		if (graph == null) {
			synchronized (this) {
				graph = this.graph;
				if (graph == null) {
					graph = RevisionGraph.load(this.config.locations(), this.config.classLoader());
					this.graph = graph;
				}
			}
		}
		return graph;
	}

	/** The dialect's name, detected from the database unless configured. */
	public String dialect() {
		if (this.binding == null && this.config.dialect() != null) {
			return Dialects.named(this.config.dialect()).name();
		}
		try (Connection connection = open()) {
			return bind(connection).dialect().name();
		}
		catch (SQLException ex) {
			throw accessFailure("close a connection", ex);
		}
	}

	public MigratorConfig config() {
		return this.config;
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
		try (Connection connection = open()) {
			Binding binding = this.binding;
			binding.lock().lockRun(connection, this.config.lockTimeout());
			try {
				ensureTables(connection, binding);
				binding.lock().begin(connection, this.config.lockTimeout());
				try {
					Set<String> before = binding.tables().readVersions(connection);
					if (!purge) {
						requireKnown(before, "stamp " + target);
					}
					Set<String> known = before.stream()
						.filter((id) -> graph.find(id).isPresent())
						.collect(Collectors.toCollection(LinkedHashSet::new));
					Set<String> after = graph.stampHeads(purge ? known : before, target, purge);
					if (purge) {
						binding.tables().replaceVersions(connection, after);
					}
					else {
						binding.tables().moveVersions(connection, before, after);
					}
					List<Step> steps = new ArrayList<>();
					List<HistoryRecord> records = new ArrayList<>();
					for (String id : after) {
						if (purge || !before.contains(id)) {
							RevisionScript revision = graph.get(id);
							steps.add(new Step(revision, Direction.STAMP, before, after));
							records.add(new HistoryRecord(id, Direction.STAMP.label(),
									checksum(revision, binding.dialect()), Instant.now(), 0, this.config.appliedBy(),
									true, revision.message(), null));
						}
					}
					binding.tables().recordHistory(connection, records);
					binding.lock().commit(connection);
					logger.info("stamp {} -> {}{}", describe(before), describe(after), purge ? " (purged)" : "");
					return new MigrationResult(steps, steps.stream().map((step) -> Duration.ZERO).toList(), after);
				}
				catch (RuntimeException | SQLException ex) {
					rollbackQuietly(connection, binding);
					throw ex;
				}
			}
			finally {
				unlockQuietly(connection, binding);
			}
		}
		catch (SQLException ex) {
			throw accessFailure("stamp " + target, ex);
		}
	}

	/** The version-table rows: the revisions the database is at. */
	public Set<String> current() {
		try (Connection connection = open()) {
			return readVersions(connection);
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
		try (Connection connection = open()) {
			if (!tablesExist(connection)) {
				return List.of();
			}
			return this.binding.tables().readHistory(connection);
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
		return status(graph(), current());
	}

	private static MigrationStatus status(RevisionGraph graph, Set<String> current) {
		Set<String> unknown = new LinkedHashSet<>();
		Set<String> known = new LinkedHashSet<>();
		for (String id : current) {
			(graph.find(id).isPresent() ? known : unknown).add(id);
		}
		List<RevisionScript> pending = graph.pending(known);
		return new MigrationStatus(current, graph.heads(), pending, unknown);
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
		Set<String> current;
		List<HistoryRecord> history;
		Dialect dialect;
		try (Connection connection = open()) {
			dialect = this.binding.dialect();
			boolean exist = tablesExist(connection);
			current = exist ? this.binding.tables().readVersions(connection) : Set.of();
			history = exist ? this.binding.tables().readHistory(connection) : List.of();
		}
		catch (SQLException ex) {
			throw accessFailure("read the version and history tables", ex);
		}
		Map<String, HistoryRecord> lastApplied = new HashMap<>();
		for (HistoryRecord record : history) {
			if (record.success() && !Direction.DOWNGRADE.label().equals(record.direction())) {
				lastApplied.put(record.revision(), record);
			}
		}
		Set<String> known = current.stream()
			.filter((id) -> graph.find(id).isPresent())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<String> applied = graph.applied(known);
		List<RevisionState> states = new ArrayList<>();
		for (RevisionScript revision : graph.revisions()) {
			boolean isApplied = applied.contains(revision.id());
			HistoryRecord record = isApplied ? lastApplied.get(revision.id()) : null;
			states.add(state(revision.id(), revision,
					isApplied ? RevisionState.State.APPLIED : RevisionState.State.PENDING, record,
					checksum(revision, dialect)));
		}
		for (String id : current) {
			if (graph.find(id).isEmpty()) {
				states.add(state(id, null, RevisionState.State.UNKNOWN_TO_CODE, lastApplied.get(id), null));
			}
		}
		return new MigrationReport(status(graph, current), states);
	}

	private static RevisionState state(String id, RevisionScript revision, RevisionState.State state,
			HistoryRecord record, String checksum) {
		if (record == null) {
			return new RevisionState(id, revision, state, null, null, null, null, checksum);
		}
		return new RevisionState(id, revision, state, record.appliedAt(), Duration.ofMillis(record.durationMillis()),
				record.appliedBy(), record.checksum(), checksum);
	}

	private MigrationResult migrate(Direction direction, String target, boolean dryRun) {
		RevisionGraph graph = graph();
		try (Connection connection = open()) {
			Binding binding = this.binding;
			binding.lock().lockRun(connection, this.config.lockTimeout());
			try {
				return dryRun ? dryRun(connection, binding, direction, target)
						: run(connection, binding, graph, direction, target);
			}
			finally {
				unlockQuietly(connection, binding);
			}
		}
		catch (SQLException ex) {
			throw accessFailure(direction.label() + " to " + target, ex);
		}
	}

	private MigrationResult run(Connection connection, Binding binding, RevisionGraph graph, Direction direction,
			String target) throws SQLException {
		ensureTables(connection, binding);
		Set<String> heads = binding.tables().readVersions(connection);
		MigrationPlan plan = plan(graph, direction, heads, target, binding);
		Set<String> goal = plan.headsAfter();
		Deque<Step> queue = new ArrayDeque<>(plan.steps());
		List<Step> done = new ArrayList<>();
		List<Duration> durations = new ArrayList<>();
		Set<String> current = heads;
		int total = queue.size();
		while (!queue.isEmpty()) {
			Step step = queue.peekFirst();
			binding.lock().begin(connection, this.config.lockTimeout());
			boolean versionsMoved = false;
			if (!binding.lock().heldForRun()) {
				// the lock is per step: another process may have moved the database since
				if (step.revision().transactional()
						&& VersionTables.isLinearMove(step.headsBefore(), step.headsAfter())) {
					// check and move in one statement; the step's rollback undoes the
					// move
					versionsMoved = claimInTransaction(connection, binding, step);
				}
				Set<String> now = versionsMoved ? step.headsBefore() : readInTransaction(connection, binding);
				if (!now.equals(step.headsBefore())) {
					binding.lock().rollback(connection);
					requireKnown(now, direction.label() + " " + target);
					queue = new ArrayDeque<>(replan(graph, direction, now, goal, target, binding));
					total = done.size() + queue.size();
					current = now;
					continue;
				}
			}
			queue.removeFirst();
			durations.add(runStep(connection, binding, step, done.size() + 1, total, false, versionsMoved));
			done.add(step);
			current = step.headsAfter();
		}
		if (done.isEmpty()) {
			logger.info("Nothing to {}: the database is at {}", direction.label(), describe(current));
		}
		return new MigrationResult(done, durations, current);
	}

	private MigrationResult dryRun(Connection connection, Binding binding, Direction direction, String target)
			throws SQLException {
		binding.lock().begin(connection, this.config.lockTimeout());
		try {
			binding.tables().create(connection);
			Set<String> heads = binding.tables().readVersions(connection);
			MigrationPlan plan = plan(graph(), direction, heads, target, binding);
			List<Duration> durations = new ArrayList<>();
			int index = 0;
			for (Step step : plan.steps()) {
				durations.add(runStep(connection, binding, step, ++index, plan.steps().size(), true, false));
			}
			logger.info("Dry run of {} to {} succeeded; rolled back", direction.label(), target);
			return new MigrationResult(plan.steps(), durations, heads);
		}
		finally {
			rollbackQuietly(connection, binding);
		}
	}

	private MigrationPlan plan(RevisionGraph graph, Direction direction, Set<String> heads, String target,
			Binding binding) {
		requireKnown(heads, direction.label() + " " + target);
		MigrationPlan plan = (direction == Direction.UPGRADE) ? graph.planUpgrade(heads, target)
				: graph.planDowngrade(heads, target);
		if (direction == Direction.DOWNGRADE) {
			graph.checkReversible(plan, binding.dialect().name());
		}
		return plan;
	}

	/**
	 * The steps from {@code now} to {@code goal} after another process moved the
	 * database.
	 */
	private List<Step> replan(RevisionGraph graph, Direction direction, Set<String> now, Set<String> goal,
			String target, Binding binding) {
		if (direction == Direction.DOWNGRADE && goal.size() > 1 && !now.equals(goal)) {
			throw new ConcurrentMigrationException("Another process changed the database (now at " + describe(now)
					+ ") while it was being downgraded to '" + target + "'. Nothing more was run; check "
					+ "`status` and downgrade again.");
		}
		return graph.replan(direction, now, goal, target, binding.dialect().name());
	}

	/**
	 * Runs a step's revision and its bookkeeping in the open transaction.
	 * {@code versionsMoved}: the version table was already moved in this transaction.
	 */
	private Duration runStep(Connection connection, Binding binding, Step step, int index, int total, boolean dryRun,
			boolean versionsMoved) {
		RevisionScript revision = step.revision();
		Dialect dialect = binding.dialect();
		DatabaseLock lock = binding.lock();
		boolean transactional = revision.transactional() || dryRun;
		this.listeners.forEach((listener) -> listener.beforeStep(step, index, total));
		long started = System.nanoTime();
		String checksum = checksum(revision, dialect);
		OnlineOperationSink sink = new OnlineOperationSink(connection, dialect, revision);
		try {
			if (!transactional) {
				// the step's statements must run outside a transaction; bookkeeping
				// follows in one
				lock.commit(connection);
			}
			if (revision.appliesTo(dialect.name())) {
				Operations operations = new Operations(sink);
				if (step.direction() == Direction.DOWNGRADE) {
					revision.migration().downgrade(operations);
				}
				else {
					revision.migration().upgrade(operations);
				}
				sink.flush();
			}
			if (!transactional) {
				lock.begin(connection, this.config.lockTimeout());
			}
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
			if (!versionsMoved) {
				binding.tables().moveVersions(connection, step.headsBefore(), step.headsAfter());
			}
			binding.tables()
				.recordHistory(connection, List.of(new HistoryRecord(revision.id(), step.direction().label(), checksum,
						Instant.now(), duration.toMillis(), this.config.appliedBy(), true, revision.message(), null)));
			if (!dryRun) {
				lock.commit(connection);
			}
			logStep(step, index, total, duration,
					revision.appliesTo(dialect.name()) ? "" : " (not for " + dialect.name() + ": recorded only)");
			this.listeners.forEach((listener) -> listener.afterStep(step, index, total, duration));
			return duration;
		}
		catch (RuntimeException | SQLException ex) {
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
			MigrationFailedException failure = failure(step, ex, transactional, dryRun);
			if (!dryRun) {
				rollbackQuietly(connection, binding);
				recordFailure(connection, binding, step, checksum, duration, failure);
			}
			logger.warn("{} failed and was rolled back", step.describe(index, total));
			this.listeners.forEach((listener) -> listener.stepFailed(step, index, total, failure));
			throw failure;
		}
	}

	private void recordFailure(Connection connection, Binding binding, Step step, String checksum, Duration duration,
			MigrationFailedException failure) {
		RevisionScript revision = step.revision();
		try {
			binding.lock().begin(connection, this.config.lockTimeout());
			binding.tables()
				.recordHistory(connection,
						List.of(new HistoryRecord(revision.id(), step.direction().label(), checksum, Instant.now(),
								duration.toMillis(), this.config.appliedBy(), false, revision.message(),
								failure.getMessage())));
			binding.lock().commit(connection);
		}
		catch (SQLException | RuntimeException ex) {
			rollbackQuietly(connection, binding);
			logger.warn("Could not record the failure of revision {} in the history table: {}", revision.id(),
					ex.getMessage());
		}
	}

	private MigrationFailedException failure(Step step, Exception ex, boolean transactional, boolean dryRun) {
		RevisionScript revision = step.revision();
		String statement = null;
		Throwable cause = ex;
		if (ex instanceof StatementFailure statementFailure) {
			statement = statementFailure.statement();
			cause = statementFailure.getCause();
		}
		else if (ex instanceof BadSqlGrammarException grammar) {
			statement = grammar.getSql();
		}
		else if (ex instanceof UncategorizedSQLException uncategorized) {
			statement = uncategorized.getSql();
		}
		String verb = step.direction().label();
		String name = capitalize(verb) + " of revision " + revision;
		StringBuilder message = new StringBuilder(name);
		if (dryRun) {
			message.append(" failed in a dry run; everything was rolled back.");
		}
		else if (transactional) {
			message.append(" failed and was rolled back; the database stays at ")
				.append(describe(step.headsBefore()))
				.append('.');
		}
		else {
			message.append(" failed outside a transaction (transactional = false), so it may be partly applied;")
				.append(" the version table still shows ")
				.append(describe(step.headsBefore()))
				.append('.');
		}
		message.append("\n  source: ").append(revision.source());
		if (statement != null) {
			message.append("\n  statement: ").append(abbreviate(statement));
		}
		message.append("\n  error: ").append(errorText(cause));
		if (dryRun) {
			message.append("\nFix the revision and try again.");
		}
		else if (transactional) {
			message
				.append("\nEarlier revisions of this run stay applied. Fix the revision (or the data it trips on)"
						+ " and run the ")
				.append(verb)
				.append(" again.");
		}
		else {
			message.append("\nCheck which of its statements took effect and undo or finish them by hand; then fix ")
				.append("the revision and run again, or, if its work is complete, record it with `stamp ")
				.append(revision.id())
				.append("`.");
		}
		return new MigrationFailedException(message.toString(), revision.id(), step.direction(), statement, cause);
	}

	private static String errorText(Throwable cause) {
		Throwable current = cause;
		while (current != null) {
			if (current instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? " (SQL state " + sql.getSQLState() + ")" : "";
				return String.valueOf(sql.getMessage()).strip() + state;
			}
			current = current.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
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

	private String checksum(RevisionScript revision, Dialect dialect) {
		try {
			return revision.checksum(dialect.name());
		}
		catch (MigrationException | UnsupportedOperationException ex) {
			logger.debug("No checksum for revision {}: {}", revision.id(), ex.getMessage());
			return null;
		}
	}

	private void logStep(Step step, int index, int total, Duration duration, String note) {
		if (logger.isInfoEnabled()) {
			logger.info("{} ({} ms){}", step.describe(index, total), duration.toMillis(), note);
		}
	}

	private Connection open() {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("Could not connect to the database: " + ex.getMessage()
					+ ". Check the data source's URL and credentials, and that the database is up.", ex);
		}
		try {
			Binding binding = bind(connection);
			binding.lock().prepare(connection, this.config.lockTimeout());
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw accessFailure("prepare a connection", (SQLException) ex);
		}
	}

	private Binding bind(Connection connection) throws SQLException {
		Binding binding = this.binding;
		if (binding == null) {
			Dialect dialect = (this.config.dialect() != null) ? Dialects.named(this.config.dialect())
					: Dialects.of(connection);
			binding = new Binding(dialect, DatabaseLock.of(dialect, this.config.versionTable()),
					new VersionTables(dialect, this.config.versionTable(), this.config.historyTable()));
			this.binding = binding;
		}
		return binding;
	}

	private boolean tablesExist(Connection connection) throws SQLException {
		if (!this.tablesExist) {
			this.tablesExist = this.binding.tables().exist(connection);
		}
		return this.tablesExist;
	}

	private Set<String> readVersions(Connection connection) throws SQLException {
		return tablesExist(connection) ? this.binding.tables().readVersions(connection) : Set.of();
	}

	private boolean claimInTransaction(Connection connection, Binding binding, Step step) throws SQLException {
		try {
			return binding.tables().claimMove(connection, step.headsBefore(), step.headsAfter());
		}
		catch (SQLException ex) {
			rollbackQuietly(connection, binding);
			throw ex;
		}
	}

	private Set<String> readInTransaction(Connection connection, Binding binding) throws SQLException {
		try {
			return binding.tables().readVersions(connection);
		}
		catch (SQLException ex) {
			rollbackQuietly(connection, binding);
			throw ex;
		}
	}

	/**
	 * Creates the version and history tables under the lock, tolerating a concurrent
	 * creator.
	 */
	private void ensureTables(Connection connection, Binding binding) throws SQLException {
		if (this.tablesExist) {
			return;
		}
		binding.lock().begin(connection, this.config.lockTimeout());
		try {
			binding.tables().create(connection);
			binding.lock().commit(connection);
		}
		catch (SQLException | RuntimeException ex) {
			rollbackQuietly(connection, binding);
			throw ex;
		}
		this.tablesExist = true;
	}

	private void rollbackQuietly(Connection connection, Binding binding) {
		try {
			binding.lock().rollback(connection);
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed: {}", ex.getMessage());
		}
	}

	private void unlockQuietly(Connection connection, Binding binding) {
		try {
			binding.lock().unlockRun(connection);
		}
		catch (SQLException ex) {
			// closing the connection releases the lock anyway
			logger.debug("Could not release the migration lock: {}", ex.getMessage());
		}
	}

	private DatabaseAccessException accessFailure(String action, SQLException ex) {
		String state = (ex.getSQLState() != null) ? " (SQL state " + ex.getSQLState() + ")" : "";
		return new DatabaseAccessException("Could not " + action + " on the database: " + ex.getMessage() + state
				+ ". Nothing further was run; check the connection and run `status`.", ex);
	}

	private static Direction direction(String label) {
		return Direction.valueOf(label.toUpperCase(java.util.Locale.ROOT));
	}

	private static String describe(Set<String> heads) {
		return heads.isEmpty() ? "base"
				: heads.stream().sorted(Comparator.naturalOrder()).collect(Collectors.joining(", "));
	}

	private static String abbreviate(String statement) {
		String line = statement.strip().replaceAll("\\s+", " ");
		return (line.length() > MAX_STATEMENT) ? line.substring(0, MAX_STATEMENT - 3) + "..." : line;
	}

	private static String capitalize(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	/** What the migrator learned about its database on first contact. */
	private record Binding(Dialect dialect, DatabaseLock lock, VersionTables tables) {

	}

}
