package dev.retort.migration.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;

import dev.retort.migration.MigrationException;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.OfflineScript;
import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one revision: its details, state, and the SQL it runs on this "
		+ "database in each direction.")
final class ShowCommand extends MigrateSubcommand {

	@Parameters(paramLabel = "REV", description = "A revision id, unique id prefix or branch label.")
	String revision;

	ShowCommand(MigrateSession session) {
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
		out.println("State: " + describe(state));
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
		return MigrateCommand.OK;
	}

}
