package dev.retort.migration.cli;

import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import picocli.CommandLine.Command;

@Command(name = "branches", description = "Show the revisions where the graph branches, and their children.")
final class BranchesCommand extends MigrateSubcommand {

	BranchesCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		RevisionGraph graph = migrator().graph();
		if (graph.branchPoints().isEmpty()) {
			out().println("No branch points: the revisions form one line.");
			return MigrateCommand.OK;
		}
		for (RevisionScript point : graph.revisions()) {
			if (!graph.branchPoints().contains(point.id())) {
				continue;
			}
			out().println(point.id() + labels(graph, point) + " (branchpoint), " + point.message());
			for (RevisionScript child : graph.revisions()) {
				if (child.parents().contains(point.id())) {
					out().println("  -> " + child.id() + labels(graph, child)
							+ (graph.heads().contains(child.id()) ? " (head)" : "") + ", " + child.message());
				}
			}
		}
		return MigrateCommand.OK;
	}

}
