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
			if (graph.bases().size() <= 1) {
				out().println(graph.revisions().isEmpty() ? "No branch points: there are no revisions."
						: "No branch points: the revisions form one line.");
				return MigrateCommand.OK;
			}
			// several bases start lines of their own without any revision branching
			out().println("No branch points, but " + graph.bases().size() + " bases, each starting a line of its own:");
			for (RevisionScript base : graph.revisions()) {
				if (graph.bases().contains(base.id())) {
					out().println("  " + base.id() + labels(graph, base) + " (base)"
							+ (graph.heads().contains(base.id()) ? " (head)" : "") + message(base, ", "));
				}
			}
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
