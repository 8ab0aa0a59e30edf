package dev.retort.migration.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.engine.MigrationReport;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionState;
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
 * @param lastFailure the history table's newest step when it failed, or {@code null}
 * @param lastRecordedAt when the history table's newest step was recorded, or
 * {@code null}
 * @param lastMigratedAt when the newest step that succeeded was recorded, or {@code null}
 */
public record MigrationOverview(String dialect, Set<String> current, Set<String> heads, boolean upToDate,
		List<String> pending, Set<String> unknown, Set<String> checksumMismatches, List<RevisionEntry> revisions,
		FailedStep lastFailure, Instant lastRecordedAt, Instant lastMigratedAt) {

	/** Reads the database's status and history and compares them with the code. */
	public static MigrationOverview of(Migrator migrator) {
		MigrationReport report = migrator.report();
		MigrationStatus status = report.status();
		List<RevisionEntry> revisions = new ArrayList<>();
		Set<String> mismatches = new TreeSet<>();
		for (RevisionState state : report.revisions()) {
			RevisionEntry entry = RevisionEntry.of(state);
			if (Boolean.FALSE.equals(entry.checksumMatch())) {
				mismatches.add(state.id());
			}
			revisions.add(entry);
		}
		HistoryRecord last = report.lastStep();
		FailedStep lastFailure = (last != null && !last.success())
				? new FailedStep(last.revision(), last.direction(), last.appliedAt(), last.error()) : null;
		return new MigrationOverview(migrator.dialect(), new TreeSet<>(status.current()), new TreeSet<>(status.heads()),
				status.upToDate(), status.pending().stream().map(RevisionScript::id).toList(),
				new TreeSet<>(status.unknown()), mismatches, revisions, lastFailure,
				(last != null) ? last.appliedAt() : null,
				(report.lastSuccessfulStep() != null) ? report.lastSuccessfulStep().appliedAt() : null);
	}

	/**
	 * A step that failed, as the history table recorded it.
	 *
	 * @param revision the revision
	 * @param direction upgrade or downgrade
	 * @param failedAt when it failed
	 * @param error what went wrong
	 */
	public record FailedStep(String revision, String direction, Instant failedAt, String error) {

	}

	/**
	 * One revision and its state in the database.
	 *
	 * @param id the revision id
	 * @param message what it does, or {@code null} when the code does not know it
	 * @param parents the revisions it revises
	 * @param branchLabels its branch labels
	 * @param kind java or sql
	 * @param source the class or file it came from
	 * @param state applied, pending, or unknown-to-code (in the database, not in the
	 * code)
	 * @param appliedAt when it was last applied or stamped
	 * @param durationMs how long that took, in milliseconds
	 * @param appliedBy who applied it
	 * @param checksumMatch whether the code still matches what ran; {@code null} when
	 * there is nothing to compare
	 * @param stamped whether it was marked as applied by {@code stamp} without running
	 */
	public record RevisionEntry(String id, String message, List<String> parents, Set<String> branchLabels, String kind,
			String source, String state, Instant appliedAt, Long durationMs, String appliedBy, Boolean checksumMatch,
			boolean stamped) {

		static RevisionEntry of(RevisionState state) {
			RevisionScript revision = state.revision();
			Boolean checksumMatch = (state.recordedChecksum() != null && state.checksum() != null)
					? state.recordedChecksum().equals(state.checksum()) : null;
			return new RevisionEntry(state.id(), (revision != null) ? revision.message() : null,
					(revision != null) ? revision.parents() : List.of(),
					(revision != null) ? new TreeSet<>(revision.branchLabels()) : Set.of(),
					(revision != null) ? revision.kind().name().toLowerCase(Locale.ROOT) : null,
					(revision != null) ? revision.source() : null,
					state.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), state.appliedAt(),
					(state.duration() != null) ? state.duration().toMillis() : null, state.appliedBy(), checksumMatch,
					state.stamped());
		}

	}

}
