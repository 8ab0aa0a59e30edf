package dev.retort.migration.backup;

import dev.retort.migration.MigrationException;

/**
 * A verified backup could not be restored: the database was busy, the restore tool
 * failed, or the database could not be reached.
 */
public class RestoreException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RestoreException(String message) {
		super(message);
	}

	public RestoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
