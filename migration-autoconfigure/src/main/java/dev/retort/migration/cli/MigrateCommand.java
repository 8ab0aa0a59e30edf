package dev.retort.migration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.retort.migration.MigrationException;
import dev.retort.migration.autoconfigure.MigrationBackup;
import dev.retort.migration.backup.BackupException;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.MigrationReport;
import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.OfflineScript;
import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.revision.AmbiguousRevisionException;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.InvalidTargetException;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.MultipleHeadsException;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.revision.TargetOutOfRangeException;
import dev.retort.migration.revision.UnknownTargetException;
import dev.retort.migration.revision.WrongDirectionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code migrate <command>}: the command line over the application's {@link Migrator}.
 * Exit codes: 0 ok, 1 problems found ({@code verify}), 2 usage error or bad target, 3
 * migration failed.
 */
@Command(name = "migrate", synopsisSubcommandLabel = "COMMAND",
		description = "Inspect and migrate the application's database.",
		footer = { "", "Exit codes: 0 ok, 1 problems found (verify), 2 usage error, 3 migration failed." })
public final class MigrateCommand implements Callable<Integer> {

	/** Everything went well. */
	public static final int OK = 0;

	/** {@code verify} found problems. */
	public static final int PROBLEMS_FOUND = 1;

	/** The command line or its target could not be understood. */
	public static final int USAGE = 2;

	/** A migration (or the command's work on the database) failed. */
	public static final int FAILED = 3;

	private static final Pattern RELATIVE_DOWN = Pattern.compile("^-\\d+$");

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new ParameterException(this.spec.commandLine(),
				"Missing command: say what to do, e.g. `migrate status`.");
	}

	/**
	 * Runs one command.
	 * @param args the arguments after {@code migrate}
	 * @param migrators the application's migrator
	 * @param backups makes a backup into a directory ({@code null}: the configured one)
	 * @param backupsBeforeUpgrade backups to take before an upgrade that has work to do
	 * ({@code migrations.backup.before-upgrade=true})
	 * @param out where results go
	 * @param err where errors go
	 * @return the exit code
	 */
	static int execute(String[] args, ObjectProvider<Migrator> migrators, Function<Path, DatabaseBackup> backups,
			List<MigrationBackup> backupsBeforeUpgrade, PrintWriter out, PrintWriter err) {
		Session session = new Session(migrators, backups, backupsBeforeUpgrade, out);
		CommandLine commandLine = new CommandLine(new MigrateCommand());
		for (Object command : List.of(new Status(session), new Current(session), new Heads(session),
				new Branches(session), new History(session), new Show(session), new Upgrade(session),
				new Downgrade(session), new Stamp(session), new Verify(session), new Backup(session))) {
			commandLine.addSubcommand(command);
		}
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((ex, command, parseResult) -> {
			if (ex instanceof MigrationException) {
				err.println(ex.getMessage());
				if (isUsageError(ex)) {
					err.println("See `migrate " + command.getCommandName() + " --help`.");
					return USAGE;
				}
				return FAILED;
			}
			err.println("migrate " + command.getCommandName() + " failed unexpectedly: " + ex);
			ex.printStackTrace(err);
			return FAILED;
		});
		return commandLine.execute(args);
	}

	private static boolean isUsageError(Exception ex) {
		return ex instanceof InvalidTargetException || ex instanceof UnknownTargetException
				|| ex instanceof AmbiguousRevisionException || ex instanceof TargetOutOfRangeException
				|| ex instanceof WrongDirectionException || ex instanceof MultipleHeadsException;
	}

	/** What every command works with. */
	static final class Session {

		private final ObjectProvider<Migrator> migrators;

		private final Function<Path, DatabaseBackup> backups;

		private final List<MigrationBackup> backupsBeforeUpgrade;

		final PrintWriter out;

		private Migrator migrator;

		Session(ObjectProvider<Migrator> migrators, Function<Path, DatabaseBackup> backups,
				List<MigrationBackup> backupsBeforeUpgrade, PrintWriter out) {
			this.migrators = migrators;
			this.backups = backups;
			this.backupsBeforeUpgrade = backupsBeforeUpgrade;
			this.out = out;
		}

		/**
		 * Backs up the database first when the application asks for it, as auto-migrate
		 * does.
		 */
		void backUpBeforeUpgrade(String target) {
			for (MigrationBackup backup : this.backupsBeforeUpgrade) {
				Path file = backup.beforeUpgrade(migrator(), target);
				if (file != null) {
					this.out.println("Backed up the database to " + file + " before upgrading to " + target);
				}
			}
		}

		Migrator migrator() {
			if (this.migrator == null) {
				Migrator found = this.migrators.getIfUnique();
				if (found == null) {
					throw new MigratorUnavailableException("There is no single Migrator in this application to run "
							+ "the command with: check that a DataSource is configured and migrations.enabled is "
							+ "not false (with several DataSources, declare the Migrator to use as @Primary).");
				}
				this.migrator = found;
			}
			return this.migrator;
		}

		DatabaseBackup backup(Path directory) {
			return this.backups.apply(directory);
		}

		/** Prints each step as it runs, as the startup runner logs it. */
		void showProgress() {
			migrator().addListener(new MigrationListener() {

				@Override
				public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
					Session.this.out.println(step.describe(index, total) + " (" + duration.toMillis() + " ms)");
				}

			});
		}

		OfflineScript offlineScript() {
			Migrator migrator = migrator();
			return new OfflineScript(migrator.graph(), Dialects.named(migrator.dialect()), migrator.config());
		}

	}

	/** Base of the commands: help, and the session. */
	abstract static class Subcommand implements Callable<Integer> {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
		boolean help;

		@Spec
		CommandSpec spec;

		final Session session;

		Subcommand(Session session) {
			this.session = session;
		}

		PrintWriter out() {
			return this.session.out;
		}

		Migrator migrator() {
			return this.session.migrator();
		}

	}

	@Command(name = "status", description = "Show where the database stands: current revisions, heads, "
			+ "pending revisions, revisions unknown to the code and checksum mismatches.")
	static final class Status extends Subcommand {

		Status(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			Migrator migrator = migrator();
			MigrationReport report = migrator.report();
			MigrationStatus status = report.status();
			List<RevisionState> mismatches = report.revisions()
				.stream()
				.filter(RevisionState::checksumMismatch)
				.toList();
			PrintWriter out = out();
			out.println("Database:   " + migrator.dialect());
			out.println("Current:    " + ids(status.current()));
			out.println("Heads:      " + ids(status.heads()));
			out.println("Pending:    " + status.pending().size());
			for (RevisionScript revision : status.pending()) {
				out.println("  " + revision.id() + " " + revision.message());
			}
			out.println("Unknown to this code: "
					+ (status.unknown().isEmpty() ? "none" : String.join(", ", new TreeSet<>(status.unknown()))));
			out.println("Checksum mismatches: " + (mismatches.isEmpty() ? "none"
					: mismatches.stream().map(RevisionState::id).collect(Collectors.joining(", "))));
			if (!mismatches.isEmpty()) {
				out.println("Revisions were changed after they were applied: see `migrate verify`.");
			}
			if (status.upToDate()) {
				out.println("The database is up to date.");
			}
			else if (!status.pending().isEmpty()) {
				out.println(status.pending().size() + " pending revision" + ((status.pending().size() == 1) ? "" : "s")
						+ ": apply with `migrate upgrade`.");
			}
			return OK;
		}

	}

	@Command(name = "current", description = "Show the revisions in the database's version table.")
	static final class Current extends Subcommand {

		Current(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			Migrator migrator = migrator();
			Set<String> current = migrator.current();
			if (current.isEmpty()) {
				out().println("base (no revision applied)");
				return OK;
			}
			RevisionGraph graph = migrator.graph();
			for (String id : new TreeSet<>(current)) {
				out().println(graph.find(id)
					.map((revision) -> revision.id() + labels(revision) + (graph.heads().contains(id) ? " (head)" : "")
							+ ", " + revision.message())
					.orElse(id + " (unknown to this code)"));
			}
			return OK;
		}

	}

	@Command(name = "heads", description = "Show the code's heads, with their branch labels.")
	static final class Heads extends Subcommand {

		Heads(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			RevisionGraph graph = migrator().graph();
			for (RevisionScript revision : graph.revisions()) {
				if (graph.heads().contains(revision.id())) {
					out().println(revision.id() + labels(revision) + " (head), " + revision.message());
				}
			}
			return OK;
		}

	}

	@Command(name = "branches", description = "Show the revisions where the graph branches, and their children.")
	static final class Branches extends Subcommand {

		Branches(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			RevisionGraph graph = migrator().graph();
			if (graph.branchPoints().isEmpty()) {
				out().println("No branch points: the revisions form one line.");
				return OK;
			}
			for (RevisionScript point : graph.revisions()) {
				if (!graph.branchPoints().contains(point.id())) {
					continue;
				}
				out().println(point.id() + labels(point) + " (branchpoint), " + point.message());
				for (RevisionScript child : graph.revisions()) {
					if (child.parents().contains(point.id())) {
						out().println("  -> " + child.id() + labels(child)
								+ (graph.heads().contains(child.id()) ? " (head)" : "") + ", " + child.message());
					}
				}
			}
			return OK;
		}

	}

	@Command(name = "history", description = "Show the revision graph, newest first.")
	static final class History extends Subcommand {

		@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
				description = "Only revisions in this range, Alembic style: base:heads, ae10:, :ae10, -3:, "
						+ "current:heads.")
		String range;

		@Option(names = { "-v", "--verbose" }, description = "Show parents, branch labels, source and state.")
		boolean verbose;

		History(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			RevisionGraph graph = migrator().graph();
			List<RevisionScript> revisions = new ArrayList<>(inRange(graph));
			Collections.reverse(revisions);
			Map<String, RevisionState> states = this.verbose ? migrator().revisionStates()
				.stream()
				.collect(Collectors.toMap(RevisionState::id, (state) -> state)) : Map.of();
			for (RevisionScript revision : revisions) {
				if (!this.verbose) {
					out().println(line(graph, revision));
					continue;
				}
				out().println("Rev: " + revision.id() + markers(graph, revision));
				out().println(
						"Parent: " + (revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents())));
				if (!revision.branchLabels().isEmpty()) {
					out().println("Branch names: " + String.join(", ", new TreeSet<>(revision.branchLabels())));
				}
				if (!revision.dependsOn().isEmpty()) {
					out().println("Depends on: " + String.join(", ", revision.dependsOn()));
				}
				out().println("Path: " + revision.source());
				out().println("State: " + describe(states.get(revision.id())));
				out().println();
				out().println("    " + revision.message());
				out().println();
			}
			return OK;
		}

		private Collection<RevisionScript> inRange(RevisionGraph graph) {
			if (this.range == null) {
				return graph.revisions();
			}
			int colon = this.range.indexOf(':');
			if (colon < 0) {
				throw new ParameterException(this.spec.commandLine(),
						"A range has a colon: from:to, e.g. base:heads, ae10:, -3: (got '" + this.range + "').");
			}
			String from = this.range.substring(0, colon).strip();
			String to = this.range.substring(colon + 1).strip();
			Set<String> lower = lowerBound(graph, from);
			Set<String> upper = upperBound(graph, to);
			return graph.revisions()
				.stream()
				.filter((revision) -> lower == null || lower.contains(revision.id()))
				.filter((revision) -> upper == null || upper.contains(revision.id()))
				.toList();
		}

		/** The revisions at or above {@code from}; {@code null} for no bound. */
		private Set<String> lowerBound(RevisionGraph graph, String from) {
			if (from.isEmpty() || from.equals("base")) {
				return null;
			}
			Set<String> current = migrator().current();
			Set<String> starts;
			if (RELATIVE_DOWN.matcher(from).matches()) {
				// -N: the last N applied revisions, not the one they rest on
				Set<String> removed = new LinkedHashSet<>(graph.applied(current));
				removed.removeAll(graph.applied(graph.resolve(from, current)));
				starts = removed;
			}
			else {
				starts = from.equals("current") ? current : graph.resolve(from, current);
			}
			Set<String> above = new LinkedHashSet<>();
			for (RevisionScript revision : graph.revisions()) {
				Set<String> ancestors = graph.applied(Set.of(revision.id()));
				if (starts.stream().anyMatch(ancestors::contains)) {
					above.add(revision.id());
				}
			}
			return above;
		}

		/** The revisions at or below {@code to}; {@code null} for no bound. */
		private Set<String> upperBound(RevisionGraph graph, String to) {
			if (to.isEmpty() || to.equals("heads") || to.equals("head")) {
				return null;
			}
			Set<String> current = migrator().current();
			return graph.applied(to.equals("current") ? current : graph.resolve(to, current));
		}

		private static String describe(RevisionState state) {
			if (state == null) {
				return "unknown";
			}
			return switch (state.state()) {
				case APPLIED -> "applied" + ((state.appliedAt() != null) ? " at " + state.appliedAt() : "")
						+ ((state.appliedBy() != null) ? " by " + state.appliedBy() : "")
						+ (state.checksumMismatch() ? " (changed since: checksum mismatch)" : "");
				case PENDING -> "pending";
				case UNKNOWN_TO_CODE -> "unknown to this code";
			};
		}

	}

	@Command(name = "show", description = "Show one revision: its details, state, and the SQL it runs on this "
			+ "database in each direction.")
	static final class Show extends Subcommand {

		@Parameters(paramLabel = "REV", description = "A revision id, unique id prefix or branch label.")
		String revision;

		Show(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			Migrator migrator = migrator();
			RevisionGraph graph = migrator.graph();
			RevisionScript revision = graph.findBranch(this.revision).orElseGet(() -> graph.get(this.revision));
			RevisionState state = migrator.revisionStates()
				.stream()
				.filter((candidate) -> candidate.id().equals(revision.id()))
				.findFirst()
				.orElse(null);
			PrintWriter out = out();
			out.println("Rev: " + revision.id() + markers(graph, revision));
			out.println("Parent: " + (revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents())));
			if (!revision.branchLabels().isEmpty()) {
				out.println("Branch names: " + String.join(", ", new TreeSet<>(revision.branchLabels())));
			}
			if (!revision.dependsOn().isEmpty()) {
				out.println("Depends on: " + String.join(", ", revision.dependsOn()));
			}
			out.println("Path: " + revision.source());
			out.println("Transactional: " + (revision.transactional() ? "yes" : "no"));
			if (!revision.dialects().isEmpty()) {
				out.println("Dialects: " + String.join(", ", new TreeSet<>(revision.dialects())));
			}
			out.println("State: " + History.describe(state));
			out.println();
			out.println("    " + revision.message());
			String dialect = migrator.dialect();
			OfflineScript script = this.session.offlineScript();
			for (Direction direction : List.of(Direction.UPGRADE, Direction.DOWNGRADE)) {
				out.println();
				out.println("-- " + direction.label() + " (" + dialect + ")");
				try {
					List<String> statements = script.statements(revision.id(), direction);
					if (statements.isEmpty()) {
						out.println("-- no statements for " + dialect);
					}
					statements.forEach((sql) -> out.println(sql.strip() + (sql.strip().endsWith(";") ? "" : ";")));
				}
				catch (MigrationException ex) {
					out.println("-- cannot be rendered offline: " + ex.getMessage().replace("\n", "\n-- "));
				}
			}
			return OK;
		}

	}

	@Command(name = "upgrade", description = "Upgrade the database to TARGET (default: heads).")
	static final class Upgrade extends Subcommand {

		@Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "heads",
				description = "heads, head, a revision id or prefix, label@head, +N … (default: ${DEFAULT-VALUE}).")
		String target;

		@Option(names = "--sql", description = "Print the SQL script from the current revisions (or base) to TARGET "
				+ "instead of running it; nothing changes.")
		boolean sql;

		@Option(names = "--dry-run",
				description = "Run the upgrade in a transaction that is rolled back: proves it works, keeps nothing.")
		boolean dryRun;

		Upgrade(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			if (this.sql) {
				out().print(this.session.offlineScript().upgrade(range(migrator(), this.target, "base")));
				return OK;
			}
			if (!this.dryRun) {
				this.session.backUpBeforeUpgrade(this.target);
			}
			this.session.showProgress();
			MigrationResult result = migrator().upgrade(this.target, this.dryRun);
			out().println(summary(Direction.UPGRADE, this.target, result, this.dryRun));
			return OK;
		}

	}

	@Command(name = "downgrade", description = "Downgrade the database to TARGET.")
	static final class Downgrade extends Subcommand {

		@Parameters(paramLabel = "TARGET", description = "-N, base, a revision id or prefix, label@-N …")
		String target;

		@Option(names = "--sql", description = "Print the SQL script from the current revisions to TARGET instead "
				+ "of running it; nothing changes.")
		boolean sql;

		@Option(names = "--dry-run", description = "Run the downgrade in a transaction that is rolled back.")
		boolean dryRun;

		Downgrade(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			if (this.sql) {
				out().print(this.session.offlineScript().downgrade(range(migrator(), this.target, "heads")));
				return OK;
			}
			this.session.showProgress();
			MigrationResult result = migrator().downgrade(this.target, this.dryRun);
			out().println(summary(Direction.DOWNGRADE, this.target, result, this.dryRun));
			return OK;
		}

	}

	@Command(name = "stamp", description = "Record TARGET in the version table without running any revision.")
	static final class Stamp extends Subcommand {

		@Parameters(paramLabel = "TARGET", description = "heads, base, a revision id or prefix …")
		String target;

		@Option(names = "--purge",
				description = "Empty the version table first, even of revisions this code does not know.")
		boolean purge;

		Stamp(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			MigrationResult result = migrator().stamp(this.target, this.purge);
			out().println("Stamped " + this.target + ((this.purge) ? " (purged)" : "") + "; the database is at "
					+ ids(result.current()) + ".");
			return OK;
		}

	}

	@Command(name = "verify",
			description = "Check that the revision graph is valid, every applied revision's "
					+ "checksum matches its code, and the database holds no revision unknown to the code. "
					+ "Exits 1 when something is off.")
	static final class Verify extends Subcommand {

		Verify(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			Migrator migrator = migrator();
			List<String> problems = new ArrayList<>();
			List<RevisionState> states = List.of();
			try {
				migrator.graph();
				states = migrator.revisionStates();
			}
			catch (MigrationException ex) {
				problems.add(ex.getMessage());
			}
			for (RevisionState state : states) {
				if (state.state() == RevisionState.State.UNKNOWN_TO_CODE) {
					problems.add("Revision " + state.id() + " is in the database's version table but not in the "
							+ "code: deploy the code that has it, or `migrate stamp <revision> --purge`.");
				}
				if (state.checksumMismatch()) {
					problems.add("Revision " + state.revision() + " was changed after it was applied: its checksum was "
							+ state.recordedChecksum() + ", now " + state.checksum() + " (" + state.revision().source()
							+ "). Undo the edit and write a new revision instead.");
				}
			}
			if (problems.isEmpty()) {
				out().println("OK: the revision graph is valid, " + states.size() + " revision"
						+ ((states.size() == 1) ? "" : "s") + " checked, every applied checksum matches, and the "
						+ "database holds no unknown revision.");
				return OK;
			}
			out().println(problems.size() + " problem" + ((problems.size() == 1) ? "" : "s") + " found:");
			problems.forEach((problem) -> out().println("  - " + problem.replace("\n", "\n    ")));
			return PROBLEMS_FOUND;
		}

	}

	@Command(name = "backup", description = "Back up the database to a file only its owner can read "
			+ "(SQLite: VACUUM INTO; PostgreSQL: pg_dump).")
	static final class Backup extends Subcommand {

		@Option(names = { "-o", "--output" }, paramLabel = "FILE",
				description = "Where to write the backup (default: a timestamped file in migrations.backup.directory,"
						+ " or next to the SQLite file).")
		Path output;

		Backup(Session session) {
			super(session);
		}

		@Override
		public Integer call() {
			if (this.output == null) {
				out().println("Backed up the database to " + this.session.backup(null).backup());
				return OK;
			}
			Path target = this.output.toAbsolutePath();
			if (Files.exists(target)) {
				throw new ParameterException(this.spec.commandLine(),
						target + " already exists; choose another file or remove it first.");
			}
			Path file = this.session.backup(target.getParent()).backup();
			try {
				Files.move(file, target);
			}
			catch (IOException ex) {
				throw new BackupException("The backup was written to " + file + " but could not be renamed to " + target
						+ ": " + ex.getMessage(), ex);
			}
			out().println("Backed up the database to " + target);
			return OK;
		}

	}

	/**
	 * The offline range for a target: as given when it has a colon, else from the current
	 * revisions ({@code whenEmpty} for none).
	 */
	static String range(Migrator migrator, String target, String whenEmpty) {
		if (target.contains(":")) {
			return target;
		}
		Set<String> current = migrator.current();
		return (current.isEmpty() ? whenEmpty : String.join(",", new TreeSet<>(current))) + ":" + target;
	}

	static String summary(Direction direction, String target, MigrationResult result, boolean dryRun) {
		int count = result.steps().size();
		String revisions = count + " revision" + ((count == 1) ? "" : "s");
		if (dryRun) {
			return "Dry run of " + direction.label() + " to " + target + ": " + revisions
					+ " ran and everything was rolled back; the database is unchanged at " + ids(result.current())
					+ ".";
		}
		if (count == 0) {
			return "Nothing to " + direction.label() + ": the database is at " + ids(result.current()) + ".";
		}
		String verb = (direction == Direction.UPGRADE) ? "Applied " : "Reverted ";
		return verb + revisions + " in " + result.totalDuration().toMillis() + " ms; the database is at "
				+ ids(result.current()) + ".";
	}

	/** Alembic's history line: {@code a1b2 -> 3f2a (head), add priority to tasks}. */
	static String line(RevisionGraph graph, RevisionScript revision) {
		String parents = revision.parents().isEmpty() ? "<base>" : (revision.parents().size() == 1)
				? revision.parents().get(0) : "(" + String.join(", ", revision.parents()) + ")";
		return parents + " -> " + revision.id() + markers(graph, revision) + ", " + revision.message();
	}

	static String markers(RevisionGraph graph, RevisionScript revision) {
		StringBuilder markers = new StringBuilder(labels(revision));
		if (graph.heads().contains(revision.id())) {
			markers.append(" (head)");
		}
		if (graph.branchPoints().contains(revision.id())) {
			markers.append(" (branchpoint)");
		}
		if (graph.merges().contains(revision.id())) {
			markers.append(" (mergepoint)");
		}
		return markers.toString();
	}

	static String labels(RevisionScript revision) {
		return revision.branchLabels().isEmpty() ? ""
				: " (" + String.join(", ", new TreeSet<>(revision.branchLabels())) + ")";
	}

	static String ids(Set<String> ids) {
		return ids.isEmpty() ? "base" : String.join(", ", new TreeSet<>(ids));
	}

}
