package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A target names no revision, branch label or keyword.
 */
public class UnknownTargetException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public UnknownTargetException(String message) {
		super(message);
	}

	public UnknownTargetException(String message, Throwable cause) {
		super(message, cause);
	}

}
