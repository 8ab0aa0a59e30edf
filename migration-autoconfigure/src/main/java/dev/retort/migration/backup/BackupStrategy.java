package dev.retort.migration.backup;

import java.util.Locale;

/**
 * What a backup holds: everything, or the schema with only Retort's own rows (the version
 * and history tables), so that a restore of it is at the backup's revision.
 */
public enum BackupStrategy {

	/** Every object and every row. */
	FULL,

	/**
	 * Every object, and the rows of Retort's version and history tables only: every other
	 * table is empty in the backup.
	 */
	SCHEMA_ONLY;

	/** As the manifest and the property write it: {@code full}, {@code schema-only}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The strategy a manifest names; {@code null} (a manifest from before) is full. */
	static BackupStrategy ofLabel(String label) {
		if (label == null) {
			return FULL;
		}
		for (BackupStrategy strategy : values()) {
			if (strategy.label().equals(label)) {
				return strategy;
			}
		}
		throw new IllegalArgumentException("unknown strategy '" + label + "'");
	}

}
