package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A revision revises, or depends on, a revision that does not exist.
 */
public class MissingRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public MissingRevisionException(String message) {
		super(message);
	}

	public MissingRevisionException(String message, Throwable cause) {
		super(message, cause);
	}

}
