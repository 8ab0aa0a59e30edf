package dev.retort.migration.cli;

import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.MigrationException;
import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.engine.MigrationReport;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionState;
import picocli.CommandLine.Command;

@Command(name = "verify",
		description = "Check that the revision graph is valid, every applied revision's "
				+ "checksum matches its code, the database holds no revision unknown to the code, and, "
				+ "when the database is at the heads, that the entities match it (no drift). "
				+ "Exits 1 when something is off.")
final class VerifyCommand extends MigrateSubcommand {

	VerifyCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		Migrator migrator = migrator();
		List<String> problems = new ArrayList<>();
		MigrationReport report = null;
		try {
			migrator.graph();
			report = migrator.report();
		}
		catch (MigrationException ex) {
			problems.add(ex.getMessage());
		}
		List<RevisionState> states = (report != null) ? report.revisions() : List.of();
		for (RevisionState state : states) {
			if (state.state() == RevisionState.State.UNKNOWN_TO_CODE) {
				problems.add("Revision " + state.id() + " is in the database's version table but not in the "
						+ "code: deploy the code that has it, or `migrate stamp <revision> --purge`.");
			}
			if (state.checksumMismatch()) {
				problems.add(state.changedSinceApplied() + " Undo the edit and write a new revision instead.");
			}
		}
		String drift = (report != null) ? drift(report.status(), problems) : null;
		String failed = (report != null) ? failedLastAttempt(report) : null;
		if (problems.isEmpty()) {
			out().println("OK: the revision graph is valid, " + states.size() + " revision"
					+ ((states.size() == 1) ? "" : "s") + " checked, every applied checksum matches, "
					+ ((drift != null) ? "" : "and ") + "the database holds no unknown revision"
					+ ((drift != null) ? ", " + drift : "") + ".");
		}
		else {
			out().println(problems.size() + " problem" + ((problems.size() == 1) ? "" : "s") + " found:");
			problems.forEach((problem) -> out().println("  - " + problem.replace("\n", "\n    ")));
		}
		if (failed != null) {
			// not a problem of the revisions, which the exit code is about: the database
			// stays at a consistent revision
			out().println("Note: the last attempt, " + failed + "; see `migrate status`.");
		}
		return problems.isEmpty() ? MigrateCommand.OK : MigrateCommand.PROBLEMS_FOUND;
	}

	/**
	 * Compares the entities with the database when the application has entities and the
	 * database is at the heads (with revisions pending, the differences they bring are
	 * expected): its differences are one problem. What to add to the OK line, or
	 * {@code null}.
	 */
	private String drift(MigrationStatus status, List<String> problems) {
		Autogenerator autogenerator = this.session.autogeneratorOfThisDatabase();
		if (autogenerator == null || !autogenerator.hasModel()) {
			return null;
		}
		if (!status.unknown().isEmpty()) {
			// already a problem: what lies under a revision the code does not know cannot
			// be compared
			return null;
		}
		if (!status.upToDate()) {
			int pending = status.pending().size();
			return "and the entities were not compared with it (" + pending + " pending revision"
					+ ((pending == 1) ? "" : "s")
					+ "; `migrate check --revisions` compares them with the schema the revisions build)";
		}
		List<String> differences;
		try {
			differences = autogenerator.differences();
		}
		catch (MigrationException ex) {
			problems.add("The entities could not be compared with the database: " + ex.getMessage());
			return null;
		}
		if (!differences.isEmpty()) {
			boolean one = differences.size() == 1;
			problems.add("The database is at the heads but differs from the entities (" + differences.size()
					+ " difference" + (one ? "" : "s") + ", as the steps that would make it match them):\n  "
					+ String.join("\n  ", differences) + "\nWrite a revision for " + (one ? "it" : "them")
					+ " with `migrate revision --autogenerate -m \"…\"`, or, if the database was changed by hand, "
					+ "undo that change.");
			return null;
		}
		return "and the entities match it";
	}

}
