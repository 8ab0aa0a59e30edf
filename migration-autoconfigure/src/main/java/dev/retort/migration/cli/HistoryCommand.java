package dev.retort.migration.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "history", description = "Show the revision graph, newest first.")
final class HistoryCommand extends MigrateSubcommand {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "Only revisions in this range, Alembic style: base:heads, ae10:, :ae10, -3:, "
					+ "current:heads.")
	String range;

	@Option(names = { "-v", "--verbose" }, description = "Show parents, branch labels, source and state.")
	boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the revisions the database is at.")
	boolean indicateCurrent;

	HistoryCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		RevisionGraph graph = migrator().graph();
		List<RevisionScript> revisions = new ArrayList<>(inRange(graph));
		Collections.reverse(revisions);
		Map<String, RevisionState> states = this.verbose
				? migrator().revisionStates().stream().collect(Collectors.toMap(RevisionState::id, (state) -> state))
				: Map.of();
		Set<String> current = this.indicateCurrent ? migrator().current() : Set.of();
		List<String> unknown = current.stream().filter((id) -> graph.find(id).isEmpty()).sorted().toList();
		if (!unknown.isEmpty()) {
			// newest first: what the database is at, above everything this code has
			out().println(String.join(", ", unknown) + highlight(" (current)")
					+ ", which this code does not know: the database is ahead of the code");
		}
		for (RevisionScript revision : revisions) {
			String marker = current.contains(revision.id()) ? highlight(" (current)") : "";
			if (!this.verbose) {
				out().println(line(graph, revision, marker));
				continue;
			}
			out().println("Rev: " + revision.id() + markers(graph, revision) + marker);
			out().println(
					"Parent: " + (revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents())));
			if (!revision.branchLabels().isEmpty()) {
				out().println("Branch names: " + String.join(", ", new TreeSet<>(revision.branchLabels())));
			}
			if (!revision.dependsOn().isEmpty()) {
				out().println("Depends on: " + String.join(", ", revision.dependsOn()));
			}
			out().println("Path: " + revision.source());
			out().println("State: " + describe(states.get(revision.id())));
			out().println();
			out().println("    " + revision.message());
			out().println();
		}
		return MigrateCommand.OK;
	}

	private Collection<RevisionScript> inRange(RevisionGraph graph) {
		if (this.range == null) {
			return graph.revisions();
		}
		int colon = this.range.indexOf(':');
		if (colon < 0) {
			throw new ParameterException(this.spec.commandLine(),
					"A range has a colon: from:to, e.g. base:heads, ae10:, -3: (got '" + this.range + "').");
		}
		if (this.range.indexOf(':', colon + 1) >= 0) {
			throw new ParameterException(this.spec.commandLine(),
					"A range has one colon: from:to, e.g. base:heads, ae10:, -3: (got '" + this.range + "').");
		}
		String from = this.range.substring(0, colon).strip();
		String to = this.range.substring(colon + 1).strip();
		return graph.range(from, to, () -> migrator().current());
	}

}
