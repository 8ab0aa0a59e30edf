package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A revision id or branch label uses characters or words that targets reserve.
 */
public class InvalidRevisionIdException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public InvalidRevisionIdException(String message) {
		super(message);
	}

	public InvalidRevisionIdException(String message, Throwable cause) {
		super(message, cause);
	}

}
