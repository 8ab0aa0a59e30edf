package dev.retort.migration.engine;

import dev.retort.migration.MigrationException;

/**
 * The migrator could not reach the database or read or write its version and history
 * tables, outside any revision.
 */
public class DatabaseAccessException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public DatabaseAccessException(String message, Throwable cause) {
		super(message, cause);
	}

}
