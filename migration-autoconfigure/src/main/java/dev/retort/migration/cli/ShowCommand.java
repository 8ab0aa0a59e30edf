package dev.retort.migration.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;

import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.engine.RevisionSql;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.revision.UnknownTargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one revision: its details, state, and the SQL it runs on this "
		+ "database in each direction.")
final class ShowCommand extends MigrateSubcommand {

	@Parameters(paramLabel = "REV", description = "A revision id, unique id prefix or branch label, or a target that "
			+ "names one revision: head, label@head, ae10-1.")
	String revision;

	ShowCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		Migrator migrator = migrator();
		RevisionGraph graph = migrator.graph();
		RevisionScript revision;
		try {
			revision = graph.revisionNamed(this.revision);
		}
		catch (UnknownTargetException ex) {
			List<String> held = migrator.current().stream().filter((id) -> id.startsWith(this.revision)).toList();
			if (held.isEmpty()) {
				throw ex;
			}
			throw new UnknownTargetException("The database's version table holds " + String.join(", ", held)
					+ ", which this code does not know: the database is ahead of the code, so there is no revision "
					+ "to show. Deploy the code that has it (`migrate status` shows where the database stands).");
		}
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
		out.println("State: " + describe(state));
		out.println();
		out.println("    " + revision.message());
		String dialect = migrator.dialect();
		for (Direction direction : List.of(Direction.UPGRADE, Direction.DOWNGRADE)) {
			out.println();
			out.println("-- " + direction.label() + " (" + dialect + ")");
			RevisionSql sql = RevisionSql.of(migrator, revision, direction);
			if (sql.error() != null) {
				out.println("-- cannot be rendered offline: " + sql.error().replace("\n", "\n-- "));
				continue;
			}
			if (sql.irreversible() != null) {
				out.println("-- irreversible: " + sql.irreversible().replace("\n", "\n-- "));
			}
			if (sql.statements().isEmpty() && sql.irreversible() == null) {
				out.println("-- no statements for " + dialect);
			}
			sql.statements()
				.forEach((statement) -> out.println(statement.strip() + (statement.strip().endsWith(";") ? "" : ";")));
			if (sql.note() != null) {
				out.println("-- " + sql.note());
			}
		}
		return MigrateCommand.OK;
	}

}
