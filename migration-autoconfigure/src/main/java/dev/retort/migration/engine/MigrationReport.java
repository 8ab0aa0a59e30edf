package dev.retort.migration.engine;

import java.util.List;

/**
 * Where a database stands, read in one go: its status and every revision's state.
 *
 * @param status the database's revisions against the code's heads
 * @param revisions every revision the code or the database knows: the code's in upgrade
 * order, then those unknown to the code
 */
public record MigrationReport(MigrationStatus status, List<RevisionState> revisions) {

	public MigrationReport {
		revisions = List.copyOf(revisions);
	}

}
