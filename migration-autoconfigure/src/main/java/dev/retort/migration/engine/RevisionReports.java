package dev.retort.migration.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;

/**
 * Compares what the database records (version rows, history) with the code's graph: the
 * status and the per-revision states that health, the endpoint and {@code status} show.
 */
final class RevisionReports {

	private RevisionReports() {
	}

	/**
	 * The database's revisions against the code's heads, with what an upgrade to heads
	 * would apply.
	 */
	static MigrationStatus status(RevisionGraph graph, Set<String> current) {
		Set<String> unknown = new LinkedHashSet<>();
		Set<String> known = new LinkedHashSet<>();
		for (String id : current) {
			(graph.find(id).isPresent() ? known : unknown).add(id);
		}
		// an upgrade refuses to run on a database with revisions the code does not know
		// (and
		// what lies under them cannot be told), so nothing is pending
		List<RevisionScript> pending = unknown.isEmpty() ? graph.pending(known) : List.of();
		return new MigrationStatus(current, graph.heads(), pending, unknown);
	}

	/** The status and every revision's state, from one read of both tables. */
	static MigrationReport report(RevisionGraph graph, Dialect dialect, Set<String> current,
			List<HistoryRecord> history) {
		Map<String, HistoryRecord> lastApplied = new HashMap<>();
		// the revisions whose last successful step was not a downgrade
		Set<String> upInHistory = new HashSet<>();
		for (HistoryRecord record : history) {
			if (!record.success()) {
				continue;
			}
			if (Direction.DOWNGRADE.label().equals(record.direction())) {
				upInHistory.remove(record.revision());
			}
			else {
				lastApplied.put(record.revision(), record);
				upInHistory.add(record.revision());
			}
		}
		Set<String> known = current.stream()
			.filter((id) -> graph.find(id).isPresent())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<String> applied = new HashSet<>(graph.applied(known));
		if (known.size() < current.size()) {
			// under a revision the code does not know the graph cannot tell what is
			// applied; the history can, and an edit may have changed their checksums
			upInHistory.stream().filter((id) -> graph.find(id).isPresent()).forEach(applied::add);
		}
		List<RevisionState> states = new ArrayList<>();
		for (RevisionScript revision : graph.revisions()) {
			boolean isApplied = applied.contains(revision.id());
			HistoryRecord record = isApplied ? lastApplied.get(revision.id()) : null;
			states.add(state(revision.id(), revision,
					isApplied ? RevisionState.State.APPLIED : RevisionState.State.PENDING, record,
					StepExecution.checksum(revision, dialect)));
		}
		for (String id : current) {
			if (graph.find(id).isEmpty()) {
				states.add(state(id, null, RevisionState.State.UNKNOWN_TO_CODE, lastApplied.get(id), null));
			}
		}
		HistoryRecord lastSuccess = null;
		for (int index = history.size() - 1; index >= 0 && lastSuccess == null; index--) {
			lastSuccess = history.get(index).success() ? history.get(index) : null;
		}
		return new MigrationReport(status(graph, current), states,
				history.isEmpty() ? null : history.get(history.size() - 1), lastSuccess);
	}

	private static RevisionState state(String id, RevisionScript revision, RevisionState.State state,
			HistoryRecord record, String checksum) {
		if (record == null) {
			return new RevisionState(id, revision, state, null, null, null, null, checksum, false);
		}
		return new RevisionState(id, revision, state, record.appliedAt(), Duration.ofMillis(record.durationMillis()),
				record.appliedBy(), record.checksum(), checksum, Direction.STAMP.label().equals(record.direction()));
	}

}
