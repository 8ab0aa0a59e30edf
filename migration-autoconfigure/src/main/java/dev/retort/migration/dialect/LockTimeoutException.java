package dev.retort.migration.dialect;

import dev.retort.migration.MigrationException;

/**
 * Another process held the migration lock for longer than the configured lock timeout.
 */
public class LockTimeoutException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public LockTimeoutException(String message, Throwable cause) {
		super(message, cause);
	}

}
