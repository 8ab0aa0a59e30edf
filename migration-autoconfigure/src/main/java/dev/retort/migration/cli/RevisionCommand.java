package dev.retort.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.autoconfigure.NoEntityModelException;
import dev.retort.migration.autogenerate.RevisionDraft;
import dev.retort.migration.autogenerate.SchemaDiff;
import dev.retort.migration.autogenerate.Step;
import dev.retort.migration.autogenerate.StepDescriptions;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.revision.MultipleHeadsException;
import dev.retort.migration.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "revision", aliases = "generate",
		description = { "Write a new revision to fill in, revising the current head.",
				"Java into migrations.autogenerate.source-dir / .package; with --sql, SQL for this database "
						+ "into migrations.autogenerate.sql-dir." })
final class RevisionCommand extends MigrateSubcommand {

	@Option(names = { "-m", "--message" }, required = true, paramLabel = "MSG",
			description = "What the revision does, in a few words; also names the class.")
	String message;

	@Option(names = "--sql", description = "Write an SQL revision for the application's database instead of Java.")
	boolean sql;

	@Option(names = "--autogenerate",
			description = "Fill the revision in from the difference between the entities and the database "
					+ "(which must be at the heads): upgrade and its downgrade. Writes nothing when they agree.")
	boolean autogenerate;

	@Option(names = "--head", paramLabel = "H",
			description = "The revision to build on: a head's id or prefix, label@head, or base for a new base "
					+ "(default: the only head).")
	String head;

	@Option(names = "--splice",
			description = "Allow --head to name a revision that is not a head, starting a new branch from it.")
	boolean splice;

	@Option(names = "--branch-label", paramLabel = "L", description = "A branch label for the new revision.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "The new revision's id instead of a random one.")
	String revisionId;

	@Option(names = "--depends-on", paramLabel = "R",
			description = "A revision (usually on another branch) that must be applied before the new one.")
	List<String> dependsOn = new ArrayList<>();

	RevisionCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		NewRevisions revisions = new NewRevisions(this.session);
		revisions.checkWritable(this.sql);
		List<String> revises = parents(revisions);
		List<String> labels = revisions.branchLabels(this.branchLabels);
		List<String> dependencies = new ArrayList<>();
		for (String dependency : this.dependsOn) {
			dependencies.add(revisions.single(dependency, "--depends-on"));
		}
		String id = revisions.id(this.revisionId);
		if (this.autogenerate) {
			return autogenerate(revisions, id, revises, labels, dependencies);
		}
		RevisionDraft draft = draft(revisions, id, revises, labels, dependencies);
		Path file = revisions.write(draft, this.sql);
		out().println(NewRevisions.wrote(draft, file));
		Autogenerator autogenerator = this.session.autogenerator();
		if (autogenerator != null && autogenerator.hasModel()) {
			out().println("It is empty, for you to fill in; with --autogenerate the revision holds the difference "
					+ "between the entities and the database instead.");
		}
		return MigrateCommand.OK;
	}

	/**
	 * Writes the difference between the entities and the database as the revision, and
	 * lists what a reviewer must look at: destructive steps, and what was not compared.
	 */
	private int autogenerate(NewRevisions revisions, String id, List<String> revises, List<String> labels,
			List<String> dependencies) {
		Autogenerator autogenerator = this.session.autogenerator();
		if (autogenerator == null) {
			throw new NoEntityModelException();
		}
		MigrationStatus status = migrator().status(revisions.graph());
		if (!status.pending().isEmpty() || !status.unknown().isEmpty()) {
			throw new DatabaseBehindHeadsException("The database is not at the heads (it is at " + ids(status.current())
					+ ", " + status.pending().size() + " revision" + ((status.pending().size() == 1) ? "" : "s")
					+ " pending), so its difference from the entities would repeat what those revisions do. "
					+ "Run `migrate upgrade` first, then generate again.");
		}
		SchemaDiff.Result result = autogenerator.compare();
		autogenerator.model().notes().forEach((note) -> out().println("Note: " + note));
		if (result.isEmpty()) {
			out().println("No changes detected: the entities and the database agree, so no revision was written.");
			return MigrateCommand.OK;
		}
		if (revises.isEmpty() && status.current().isEmpty()) {
			warnOfTablesWithoutRevisions(autogenerator.tables());
		}
		RevisionDraft draft = new RevisionDraft(id, revises, this.message, labels, revisions.drafts().now(),
				result.upgrade(), result.downgrade(), dependencies);
		Path file = revisions.write(draft, this.sql);
		out().println(NewRevisions.wrote(draft, file));
		for (Step step : result.upgrade()) {
			out().println(StepDescriptions.listed(step));
		}
		List<Step> destructive = result.destructive();
		if (!destructive.isEmpty()) {
			out().println(destructive.size() + " step" + ((destructive.size() == 1) ? " loses" : "s lose")
					+ " data or may fail on existing rows: read the comments in the file before you upgrade.");
		}
		return MigrateCommand.OK;
	}

	/**
	 * A first revision generated against a database that already has tables holds only
	 * their difference from the entities: not a baseline, which must build an empty
	 * database.
	 */
	private void warnOfTablesWithoutRevisions(List<String> tables) {
		if (tables.isEmpty()) {
			return;
		}
		String named = String.join(", ", tables.subList(0, Math.min(5, tables.size())))
				+ ((tables.size() > 5) ? ", …" : "");
		out().println("Note: the database already has " + tables.size() + " table" + ((tables.size() == 1) ? "" : "s")
				+ " (" + named + ") and no revision was applied to it, so this revision holds only their difference "
				+ "from the entities and cannot build an empty database. For a baseline of an existing database, "
				+ "generate the first revision against an empty one and `migrate stamp` this one (README: \"A "
				+ "database that already has tables\").");
	}

	/**
	 * The new revision's steps: an empty revision to fill in. This is where
	 * {@code --autogenerate} plugs in the diff of the entity model against the database.
	 */
	RevisionDraft draft(NewRevisions revisions, String id, List<String> revises, List<String> branchLabels,
			List<String> dependsOn) {
		return revisions.drafts().empty(id, revises, this.message, branchLabels, dependsOn);
	}

	/**
	 * The head to build on: {@code --head}, or the only head; none for a first revision.
	 */
	private List<String> parents(NewRevisions revisions) {
		RevisionGraph graph = revisions.graph();
		if ("base".equals(this.head)) {
			return List.of();
		}
		if (this.head != null) {
			String parent = revisions.single(this.head, "--head");
			if (!graph.heads().contains(parent) && !this.splice) {
				throw revisions.usage("Revision " + parent + " is not a head, so a revision on it starts a new "
						+ "branch. Add --splice if that is what you want, or build on a head: "
						+ revisions.describeHeads() + ".");
			}
			return List.of(parent);
		}
		if (graph.heads().size() > 1) {
			throw new MultipleHeadsException("The code has " + graph.heads().size() + " heads: "
					+ revisions.describeHeads() + ". Say which one the new revision revises with --head, or join "
					+ "them first with `migrate merge heads -m \"merge\"`.");
		}
		return List.copyOf(graph.heads());
	}

}
