package dev.retort.migration.backup;

import dev.retort.migration.MigrationException;

/**
 * A backup could not be taken; the upgrade that asked for it does not run.
 */
public class BackupException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public BackupException(String message) {
		super(message);
	}

	public BackupException(String message, Throwable cause) {
		super(message, cause);
	}

}
