package dev.retort.migration.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "history", description = "Show the revision graph, newest first.")
final class HistoryCommand extends MigrateSubcommand {

	private static final Pattern RELATIVE_DOWN = Pattern.compile("^-\\d+$");

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "Only revisions in this range, Alembic style: base:heads, ae10:, :ae10, -3:, "
					+ "current:heads.")
	String range;

	@Option(names = { "-v", "--verbose" }, description = "Show parents, branch labels, source and state.")
	boolean verbose;

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
		for (RevisionScript revision : revisions) {
			if (!this.verbose) {
				out().println(line(graph, revision));
				continue;
			}
			out().println("Rev: " + revision.id() + markers(graph, revision));
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
		String from = this.range.substring(0, colon).strip();
		String to = this.range.substring(colon + 1).strip();
		Set<String> lower = lowerBound(graph, from);
		Set<String> upper = upperBound(graph, to);
		return graph.revisions()
			.stream()
			.filter((revision) -> lower == null || lower.contains(revision.id()))
			.filter((revision) -> upper == null || upper.contains(revision.id()))
			.toList();
	}

	/** The revisions at or above {@code from}; {@code null} for no bound. */
	private Set<String> lowerBound(RevisionGraph graph, String from) {
		if (from.isEmpty() || from.equals("base")) {
			return null;
		}
		Set<String> current = migrator().current();
		Set<String> starts;
		if (RELATIVE_DOWN.matcher(from).matches()) {
			// -N: the last N applied revisions, not the one they rest on
			Set<String> removed = new LinkedHashSet<>(graph.applied(current));
			removed.removeAll(graph.applied(graph.resolve(from, current)));
			starts = removed;
		}
		else {
			starts = from.equals("current") ? current : graph.resolve(from, current);
		}
		Set<String> above = new LinkedHashSet<>();
		for (RevisionScript revision : graph.revisions()) {
			Set<String> ancestors = graph.applied(Set.of(revision.id()));
			if (starts.stream().anyMatch(ancestors::contains)) {
				above.add(revision.id());
			}
		}
		return above;
	}

	/** The revisions at or below {@code to}; {@code null} for no bound. */
	private Set<String> upperBound(RevisionGraph graph, String to) {
		if (to.isEmpty() || to.equals("heads") || to.equals("head")) {
			return null;
		}
		Set<String> current = migrator().current();
		return graph.applied(to.equals("current") ? current : graph.resolve(to, current));
	}

}
