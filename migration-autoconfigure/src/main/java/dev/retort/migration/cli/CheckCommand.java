package dev.retort.migration.cli;

import java.util.List;

import dev.retort.migration.autogenerate.SchemaDiff;
import dev.retort.migration.autogenerate.Step;
import dev.retort.migration.autogenerate.StepDescriptions;
import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.autoconfigure.NoEntityModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check",
		description = "Compare the entities with the database (or, with --revisions, with the schema the revisions "
				+ "build in a scratch database) and list every difference, writing nothing. Exits 1 when they differ.")
final class CheckCommand extends MigrateSubcommand {

	@Option(names = "--revisions",
			description = "Compare with the schema the revisions produce, replayed into a scratch database, instead of the "
					+ "application's database.")
	boolean revisions;

	CheckCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		Autogenerator autogenerator = this.session.autogenerator();
		if (autogenerator == null) {
			throw new NoEntityModelException();
		}
		SchemaDiff.Result result = this.revisions ? autogenerator.compareWithRevisions() : autogenerator.compare();
		String other = this.revisions ? "the revisions" : "the database";
		autogenerator.model().notes().forEach((note) -> out().println("Note: " + note));
		if (result.isEmpty()) {
			out().println("No changes detected: the entities and " + other + " agree.");
			return MigrateCommand.OK;
		}
		List<Step> steps = result.upgrade();
		out().println(steps.size() + " difference" + ((steps.size() == 1) ? "" : "s") + " between the entities and "
				+ other + ":");
		for (Step step : steps) {
			out().println(StepDescriptions.listed(step));
		}
		out().println(this.revisions
				? "Write the missing revision with `migrate revision --autogenerate -m \"…\"` against a database at heads."
				: "Write them as a revision with `migrate revision --autogenerate -m \"…\"`, or upgrade first if "
						+ "revisions are pending.");
		return MigrateCommand.PROBLEMS_FOUND;
	}

}
