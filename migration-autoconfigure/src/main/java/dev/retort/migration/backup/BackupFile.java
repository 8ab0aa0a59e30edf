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

	/** One line for listings and prompts: file, revision, time, and what it holds. */
	public String describe() {
		if (this.manifest == null) {
			return this.file + " (no manifest: revision and time unknown)";
		}
		return this.file + "  " + this.manifest.database() + " at " + this.manifest.revisionLabel() + ", taken "
				+ this.manifest.takenAt() + ", " + this.manifest.contents();
	}

}
