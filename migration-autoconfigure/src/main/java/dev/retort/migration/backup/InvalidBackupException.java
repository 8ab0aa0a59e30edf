package dev.retort.migration.backup;

import dev.retort.migration.MigrationException;

/**
 * A backup file that does not read back as the backup it claims to be: damaged,
 * truncated, edited, or with other row counts than its database had. Nothing is restored
 * from it.
 */
public class InvalidBackupException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public InvalidBackupException(String message) {
		super(message);
	}

	public InvalidBackupException(String message, Throwable cause) {
		super(message, cause);
	}

}
