package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * An upgrade to a target below the current revision, or a downgrade to a target above it.
 */
public class WrongDirectionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public WrongDirectionException(String message) {
		super(message);
	}

	public WrongDirectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
