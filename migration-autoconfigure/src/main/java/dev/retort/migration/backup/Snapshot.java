package dev.retort.migration.backup;

import java.util.Map;
import java.util.Set;

/**
 * What a database held when a backup was taken, read in the same snapshot as the backup.
 *
 * @param revisions the version table's rows
 * @param rowCounts rows per table
 */
record Snapshot(Set<String> revisions, Map<String, Long> rowCounts) {

}
