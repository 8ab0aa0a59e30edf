package dev.retort.migration.cli;

import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.MigrationException;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionState;
import picocli.CommandLine.Command;

@Command(name = "verify",
		description = "Check that the revision graph is valid, every applied revision's "
				+ "checksum matches its code, and the database holds no revision unknown to the code. "
				+ "Exits 1 when something is off.")
final class VerifyCommand extends MigrateSubcommand {

	VerifyCommand(MigrateSession session) {
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
			return MigrateCommand.OK;
		}
		out().println(problems.size() + " problem" + ((problems.size() == 1) ? "" : "s") + " found:");
		problems.forEach((problem) -> out().println("  - " + problem.replace("\n", "\n    ")));
		return MigrateCommand.PROBLEMS_FOUND;
	}

}
