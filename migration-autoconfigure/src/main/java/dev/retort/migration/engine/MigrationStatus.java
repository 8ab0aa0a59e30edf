package dev.retort.migration.engine;

import java.util.List;
import java.util.Set;

import dev.retort.migration.revision.RevisionScript;

/**
 * Where a database stands against the code's revisions.
 *
 * @param current the version-table rows (the database's heads)
 * @param heads the code's heads
 * @param pending revisions an upgrade to {@code heads} would apply, in order; none while
 * the database has revisions the code does not know, since an upgrade then refuses to run
 * @param unknown revisions in the version table that the code does not know
 */
public record MigrationStatus(Set<String> current, Set<String> heads, List<RevisionScript> pending,
		Set<String> unknown) {

	public MigrationStatus {
		current = Set.copyOf(current);
		heads = Set.copyOf(heads);
		pending = List.copyOf(pending);
		unknown = Set.copyOf(unknown);
	}

	/**
	 * Whether the database is at the code's heads, with nothing pending and nothing
	 * unknown.
	 */
	public boolean upToDate() {
		return this.pending.isEmpty() && this.unknown.isEmpty() && this.current.equals(this.heads);
	}

}
