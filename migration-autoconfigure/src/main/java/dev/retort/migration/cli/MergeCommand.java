package dev.retort.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.retort.migration.autogenerate.RevisionDraft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", description = { "Write a merge revision that joins two or more heads into one.",
		"It revises each of them and changes nothing itself." })
final class MergeCommand extends MigrateSubcommand {

	@Parameters(paramLabel = "REV", arity = "1..*",
			description = "The revisions to merge: ids or prefixes, label@head, or heads for every head.")
	List<String> revisions = new ArrayList<>();

	@Option(names = { "-m", "--message" }, required = true, paramLabel = "MSG",
			description = "What the merge joins, in a few words; also names the class.")
	String message;

	@Option(names = "--sql", description = "Write an SQL revision for the application's database instead of Java.")
	boolean sql;

	@Option(names = "--branch-label", paramLabel = "L", description = "A branch label for the merge revision.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "The merge revision's id instead of a random one.")
	String revisionId;

	MergeCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		NewRevisions revisions = new NewRevisions(this.session);
		revisions.checkWritable(this.sql);
		List<String> parents = revisions.resolveAll(this.revisions);
		if (parents.size() < 2) {
			throw revisions.usage("Nothing to merge: " + String.join(" ", this.revisions) + " names "
					+ ((parents.size() == 1) ? "only " + parents.get(0) : "no revision")
					+ ". A merge joins two or more revisions; the heads are " + revisions.describeHeads() + ".");
		}
		for (String parent : parents) {
			for (String other : parents) {
				if (!other.equals(parent) && revisions.graph().applied(Set.of(parent)).contains(other)) {
					throw revisions.usage("Nothing to merge between " + other + " and " + parent + ": " + other
							+ " is an ancestor of " + parent + ", so they are on one branch already. A merge joins "
							+ "revisions on different branches; the heads are " + revisions.describeHeads() + ".");
				}
			}
		}
		List<String> labels = revisions.branchLabels(this.branchLabels);
		String id = revisions.id(this.revisionId);
		RevisionDraft draft = revisions.drafts().merge(id, parents, this.message, labels);
		Path file = revisions.write(draft, this.sql);
		out().println(NewRevisions.wrote(draft, file));
		return MigrateCommand.OK;
	}

}
