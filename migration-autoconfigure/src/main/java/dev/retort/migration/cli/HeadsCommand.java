package dev.retort.migration.cli;

import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import picocli.CommandLine.Command;

@Command(name = "heads", description = "Show the code's heads, with their branch labels.")
final class HeadsCommand extends MigrateSubcommand {

	HeadsCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		RevisionGraph graph = migrator().graph();
		for (RevisionScript revision : graph.revisions()) {
			if (graph.heads().contains(revision.id())) {
				out().println(revision.id() + labels(graph, revision) + " (head)" + message(revision, ", "));
			}
		}
		return MigrateCommand.OK;
	}

}
