package dev.retort.migration.cli;

import java.util.Set;
import java.util.TreeSet;

import dev.retort.migration.engine.Migrator;
import dev.retort.migration.revision.RevisionGraph;
import picocli.CommandLine.Command;

@Command(name = "current", description = "Show the revisions in the database's version table.")
final class CurrentCommand extends MigrateSubcommand {

	CurrentCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		Migrator migrator = migrator();
		Set<String> current = migrator.current();
		if (current.isEmpty()) {
			out().println("base (no revision applied)");
			return MigrateCommand.OK;
		}
		RevisionGraph graph = migrator.graph();
		for (String id : new TreeSet<>(current)) {
			out().println(graph.find(id)
				.map((revision) -> revision.id() + labels(graph, revision)
						+ (graph.heads().contains(id) ? " (head)" : "") + message(revision, ", "))
				.orElse(id + " (unknown to this code)"));
		}
		return MigrateCommand.OK;
	}

}
