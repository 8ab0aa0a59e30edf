package dev.retort.migration.dialect;

import dev.retort.migration.MigrationException;

/**
 * A scratch database could not be created or dropped.
 */
public class ScratchDatabaseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public ScratchDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

	public ScratchDatabaseException(String message) {
		super(message);
	}

}
