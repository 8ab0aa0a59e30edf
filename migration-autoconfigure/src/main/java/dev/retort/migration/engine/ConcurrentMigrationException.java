package dev.retort.migration.engine;

import dev.retort.migration.MigrationException;

/**
 * Another process moved the database while a downgrade was running, so the rest of the
 * downgrade no longer means what it meant when it started.
 */
public class ConcurrentMigrationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public ConcurrentMigrationException(String message) {
		super(message);
	}

}
