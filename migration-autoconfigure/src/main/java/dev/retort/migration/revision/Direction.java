package dev.retort.migration.revision;

/**
 * Which way a step moves the database, as recorded in the history table.
 */
public enum Direction {

	UPGRADE, DOWNGRADE, STAMP;

	/** The lower-case name used in the history table and in logs. */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
