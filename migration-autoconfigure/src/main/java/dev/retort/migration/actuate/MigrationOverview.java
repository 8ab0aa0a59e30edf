package dev.retort.migration.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.migration.MigrationException;
import dev.retort.migration.engine.HistoryEntry;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;

/**
 * Where one database stands, revision by revision: what the endpoint shows and what
 * health judges.
 *
 * @param dialect the database's dialect
 * @param current the version-table rows
 * @param heads the code's heads
 * @param upToDate whether the database is at the code's heads
 * @param pending the revisions an upgrade to heads would apply, in order
 * @param unknown revisions in the database that the code does not know
 * @param checksumMismatches applied revisions whose code changed since they ran
 * @param revisions every revision, the code's (parents first) then the unknown ones
 */
public record MigrationOverview(String dialect, Set<String> current, Set<String> heads, boolean upToDate,
		List<String> pending, Set<String> unknown, Set<String> checksumMismatches, List<RevisionState> revisions) {

	/** Reads the database's status and history and compares them with the code. */
	public static MigrationOverview of(Migrator migrator) {
		String dialect = migrator.dialect();
		RevisionGraph graph = migrator.graph();
		MigrationStatus status = migrator.status();
		Map<String, HistoryEntry> lastApplied = lastApplied(migrator.history());
		Set<String> knownCurrent = new LinkedHashSet<>(status.current());
		knownCurrent.removeAll(status.unknown());
		Set<String> applied = graph.applied(knownCurrent);
		Set<String> pendingIds = new LinkedHashSet<>();
		status.pending().forEach((revision) -> pendingIds.add(revision.id()));
		List<RevisionState> revisions = new ArrayList<>();
		Set<String> mismatches = new TreeSet<>();
		for (RevisionScript revision : graph.revisions()) {
			HistoryEntry entry = applied.contains(revision.id()) ? lastApplied.get(revision.id()) : null;
			Boolean checksumMatch = checksumMatch(revision, dialect, entry);
			if (Boolean.FALSE.equals(checksumMatch)) {
				mismatches.add(revision.id());
			}
			String state = applied.contains(revision.id()) ? RevisionState.APPLIED
					: pendingIds.contains(revision.id()) ? RevisionState.PENDING
							: revision.appliesTo(dialect) ? RevisionState.NOT_APPLIED : RevisionState.OTHER_DIALECT;
			revisions.add(RevisionState.of(revision, state, entry, checksumMatch));
		}
		Set<String> unknown = new TreeSet<>(status.unknown());
		lastApplied.forEach((id, entry) -> {
			if (graph.find(id).isEmpty()) {
				unknown.add(id);
			}
		});
		for (String id : unknown) {
			revisions.add(RevisionState.unknown(id, lastApplied.get(id)));
		}
		return new MigrationOverview(dialect, new TreeSet<>(status.current()), new TreeSet<>(status.heads()),
				status.upToDate(), List.copyOf(pendingIds), unknown, mismatches, revisions);
	}

	/** The last successful upgrade or stamp of each revision that is still applied. */
	private static Map<String, HistoryEntry> lastApplied(List<HistoryEntry> history) {
		Map<String, HistoryEntry> last = new HashMap<>();
		for (HistoryEntry entry : history) {
			if (!entry.success()) {
				continue;
			}
			if (entry.direction() == Direction.DOWNGRADE) {
				last.remove(entry.revision());
			}
			else {
				last.put(entry.revision(), entry);
			}
		}
		return last;
	}

	private static Boolean checksumMatch(RevisionScript revision, String dialect, HistoryEntry entry) {
		if (entry == null || entry.direction() != Direction.UPGRADE || entry.checksum() == null) {
			return null;
		}
		try {
			return entry.checksum().equals(revision.checksum(dialect));
		}
		catch (MigrationException | UnsupportedOperationException ex) {
			return null;
		}
	}

	/**
	 * One revision and its state in the database.
	 *
	 * @param id the revision id
	 * @param message what it does
	 * @param parents the revisions it revises
	 * @param branchLabels its branch labels
	 * @param kind java or sql
	 * @param source the class or file it came from
	 * @param state applied, pending, not-applied, other-dialect, or unknown (in the
	 * database but not in the code)
	 * @param appliedAt when it was last applied
	 * @param durationMs how long that took, in milliseconds
	 * @param appliedBy who applied it
	 * @param appliedAs how it was applied: upgrade, or stamp (recorded without running)
	 * @param checksumMatch whether the code still matches what ran; {@code null} when
	 * unknown
	 */
	public record RevisionState(String id, String message, List<String> parents, Set<String> branchLabels, String kind,
			String source, String state, Instant appliedAt, Long durationMs, String appliedBy, String appliedAs,
			Boolean checksumMatch) {

		/** Recorded in the database and part of its current revisions. */
		public static final String APPLIED = "applied";

		/** Not applied; an upgrade to heads applies it. */
		public static final String PENDING = "pending";

		/** Not applied and not on the way to heads. */
		public static final String NOT_APPLIED = "not-applied";

		/** Limited to another database, so never applied here. */
		public static final String OTHER_DIALECT = "other-dialect";

		/** Recorded in the database, but the code does not have it. */
		public static final String UNKNOWN = "unknown";

		static RevisionState of(RevisionScript revision, String state, HistoryEntry entry, Boolean checksumMatch) {
			return new RevisionState(revision.id(), revision.message(), revision.parents(),
					new TreeSet<>(revision.branchLabels()), revision.kind().name().toLowerCase(java.util.Locale.ROOT),
					revision.source(), state, (entry != null) ? entry.appliedAt() : null,
					(entry != null && entry.duration() != null) ? entry.duration().toMillis() : null,
					(entry != null) ? entry.appliedBy() : null, (entry != null) ? entry.direction().label() : null,
					checksumMatch);
		}

		static RevisionState unknown(String id, HistoryEntry entry) {
			return new RevisionState(id, null, List.of(), Set.of(), null, null, UNKNOWN,
					(entry != null) ? entry.appliedAt() : null,
					(entry != null && entry.duration() != null) ? entry.duration().toMillis() : null,
					(entry != null) ? entry.appliedBy() : null, (entry != null) ? entry.direction().label() : null,
					null);
		}

	}

}
