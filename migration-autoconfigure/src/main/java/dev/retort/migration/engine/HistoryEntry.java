package dev.retort.migration.engine;

import java.time.Duration;
import java.time.Instant;

import dev.retort.migration.revision.Direction;

/**
 * One row of the history table: a step that was applied (or failed).
 *
 * @param revision the revision id
 * @param direction upgrade, downgrade or stamp
 * @param checksum the revision's checksum when it ran
 * @param appliedAt when the step finished
 * @param duration how long it took
 * @param appliedBy who ran it
 * @param success whether it succeeded
 */
public record HistoryEntry(String revision, Direction direction, String checksum, Instant appliedAt, Duration duration,
		String appliedBy, boolean success) {

}
