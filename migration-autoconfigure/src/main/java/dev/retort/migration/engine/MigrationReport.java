package dev.retort.migration.engine;

import java.util.List;

import dev.retort.migration.dialect.VersionTables.HistoryRecord;

/**
 * Where a database stands, read in one go: its status and every revision's state.
 *
 * @param status the database's revisions against the code's heads
 * @param revisions every revision the code or the database knows: the code's in upgrade
 * order, then those unknown to the code
 * @param lastStep the history table's newest row, or {@code null} when it is empty: a
 * failed one means the last run that changed or tried to change the database failed, even
 * if the application that ran it has restarted since
 * @param lastSuccessfulStep the history table's newest row of a step that succeeded, or
 * {@code null}: when the database last moved
 */
public record MigrationReport(MigrationStatus status, List<RevisionState> revisions, HistoryRecord lastStep,
		HistoryRecord lastSuccessfulStep) {

	public MigrationReport {
		revisions = List.copyOf(revisions);
	}

}
