package dev.retort.migration.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.engine.MigrationFailedException;
import dev.retort.migration.engine.MigrationReport;
import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of the {@code migrate} commands: {@code --help}, the session, and how revisions
 * read in the commands' output. A new command extends it, is annotated with
 * {@code @Command(name = …)}, and is registered in {@link MigrateCommand#commandLine}.
 */
abstract class MigrateSubcommand implements Callable<Integer> {

	/** A range's end that stands for the revisions the database is at. */
	private static final String CURRENT = "current";

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	@Spec
	CommandSpec spec;

	final MigrateSession session;

	MigrateSubcommand(MigrateSession session) {
		this.session = session;
	}

	PrintWriter out() {
		return this.session.out();
	}

	Migrator migrator() {
		return this.session.migrator();
	}

	/**
	 * The offline range for a target: as given when it has a colon, with {@code current}
	 * at either end replaced by the version table's revisions ({@code base} for none), as
	 * {@code history -r} reads it; else from the current revisions ({@code whenEmpty} for
	 * none).
	 */
	static String range(Migrator migrator, String command, String target, String whenEmpty) {
		String action = command + " " + target + " --sql";
		int colon = target.indexOf(':');
		if (colon < 0) {
			Set<String> current = migrator.currentKnown(action);
			return (current.isEmpty() ? whenEmpty : ids(current, ",")) + ":" + target;
		}
		String from = target.substring(0, colon).strip();
		String to = target.substring(colon + 1).strip();
		if (!from.equals(CURRENT) && !to.equals(CURRENT)) {
			return target;
		}
		String current = ids(migrator.currentKnown(action), ",");
		return (from.equals(CURRENT) ? current : from) + ":" + (to.equals(CURRENT) ? current : to);
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

	/**
	 * Refuses {@code --sql} with {@code --dry-run}: the script runs nothing, so there is
	 * nothing to roll back, and one of them would be ignored.
	 */
	void refuseScriptWithDryRun(boolean sql, boolean dryRun) {
		if (sql && dryRun) {
			throw new ParameterException(this.spec.commandLine(), "--sql prints the script and runs nothing, so "
					+ "there is nothing for --dry-run to roll back; give one of them.");
		}
	}

	/** Alembic's history line: {@code a1b2 -> 3f2a (head), add priority to tasks}. */
	static String line(RevisionGraph graph, RevisionScript revision) {
		return line(graph, revision, "");
	}

	/** A history line with one more marker, such as {@code (current)}. */
	static String line(RevisionGraph graph, RevisionScript revision, String marker) {
		String parents = revision.parents().isEmpty() ? "<base>" : (revision.parents().size() == 1)
				? revision.parents().get(0) : "(" + String.join(", ", revision.parents()) + ")";
		return parents + " -> " + revision.id() + markers(graph, revision) + marker + message(revision, ", ");
	}

	/** The revision's message after a separator; nothing for a revision without one. */
	static String message(RevisionScript revision, String separator) {
		return revision.message().isEmpty() ? "" : separator + revision.message();
	}

	/** Bold on a terminal; as it is when the output goes to a file or a pipe. */
	static String highlight(String text) {
		return CommandLine.Help.Ansi.AUTO.enabled() ? CommandLine.Help.Ansi.AUTO.string("@|bold " + text + "|@") : text;
	}

	static String markers(RevisionGraph graph, RevisionScript revision) {
		StringBuilder markers = new StringBuilder(labels(graph, revision));
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

	/**
	 * The labels of the branches the revision is on, not only those it declares: Alembic
	 * shows {@code b2 (billing) (head)} for the head above the labelled b1.
	 */
	static String labels(RevisionGraph graph, RevisionScript revision) {
		Set<String> labels = graph.branchLabelsOf(revision.id());
		return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
	}

	static String ids(Set<String> ids) {
		return ids(ids, ", ");
	}

	private static String ids(Set<String> ids, String separator) {
		return ids.isEmpty() ? "base" : String.join(separator, new TreeSet<>(ids));
	}

	/**
	 * The database's last step when it failed
	 * ({@code "upgrade of X failed at T: error"}), or {@code null}.
	 */
	static String failedLastAttempt(MigrationReport report) {
		HistoryRecord last = report.lastStep();
		if (last == null || last.success()) {
			return null;
		}
		return last.direction() + " of " + last.revision() + " failed at " + last.appliedAt()
				+ ((last.error() != null && !last.error().isBlank())
						? ": " + MigrationFailedException.errorIn(last.error()) : "");
	}

	/** A revision's state as {@code history --verbose} and {@code show} print it. */
	static String describe(RevisionState state) {
		if (state == null) {
			return "unknown";
		}
		return switch (state.state()) {
			case APPLIED -> (state.stamped() ? "stamped (recorded as applied without running)" : "applied")
					+ ((state.appliedAt() != null) ? " at " + state.appliedAt() : "")
					+ ((state.appliedBy() != null) ? " by " + state.appliedBy() : "")
					+ (state.checksumMismatch() ? " (changed since: checksum mismatch)" : "");
			case PENDING -> "pending";
			case UNKNOWN_TO_CODE -> "unknown to this code";
		};
	}

}
