package dev.retort.migration.engine;

import java.time.Duration;
import java.time.Instant;

import dev.retort.migration.revision.RevisionScript;

/**
 * One revision as the database sees it, for status views such as the actuator endpoint.
 *
 * @param id the revision id
 * @param revision the revision in the code, or {@code null} when the code does not know
 * it
 * @param state applied, pending, or unknown to the code
 * @param appliedAt when it was last applied (or stamped), or {@code null}
 * @param duration how long that took, or {@code null}
 * @param appliedBy who applied it, or {@code null}
 * @param recordedChecksum the checksum recorded when it was applied, or {@code null}
 * @param checksum the revision's checksum now, or {@code null} when unknown to the code
 * @param stamped whether its last record is a {@code stamp}: marked as applied without
 * running
 */
public record RevisionState(String id, RevisionScript revision, State state, Instant appliedAt, Duration duration,
		String appliedBy, String recordedChecksum, String checksum, boolean stamped) {

	/**
	 * Whether the revision was changed after it was applied: {@code false} when either
	 * checksum is missing (nothing to compare).
	 */
	public boolean checksumMismatch() {
		return this.recordedChecksum != null && this.checksum != null && !this.recordedChecksum.equals(this.checksum);
	}

	/**
	 * What a {@linkplain #checksumMismatch() checksum mismatch} means, for a message:
	 * {@code "Revision X was changed after it was applied: its checksum was A, now B
	 * (source)."}
	 */
	public String changedSinceApplied() {
		return "Revision " + this.revision + " was changed after it was applied: its checksum was "
				+ this.recordedChecksum + ", now " + this.checksum + " (" + this.revision.source() + ").";
	}

	/** Where a revision stands in the database. */
	public enum State {

		/** Applied (or stamped) and known to the code. */
		APPLIED,

		/** Known to the code and not applied yet. */
		PENDING,

		/** In the version table, but the code does not know it. */
		UNKNOWN_TO_CODE

	}

}
