package dev.retort.migration.backup;

import java.nio.file.Path;

/**
 * A backup on disk and what it holds.
 *
 * @param file the backup file
 * @param manifest what it holds, or {@code null} for a file without a manifest (not taken
 * by Retort, or its manifest lost)
 */
public record BackupFile(Path file, BackupManifest manifest) {

	/**
	 * Whether its manifest says it holds the schema and Retort's rows only: restoring it
	 * empties every other table. A file without a manifest counts as full.
	 */
	public boolean isSchemaOnly() {
		return this.manifest != null && this.manifest.strategy() == BackupStrategy.SCHEMA_ONLY;
	}

	/** One line for listings and prompts: file, revision, time, and what it holds. */
	public String describe() {
		if (this.manifest == null) {
			return this.file + " (no manifest: revision and time unknown)";
		}
		return this.file + "  " + this.manifest.database() + " at " + this.manifest.revisionLabel() + ", taken "
				+ this.manifest.takenAt() + ", " + this.manifest.contents();
	}

}
