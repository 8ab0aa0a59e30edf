package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A class annotated with {@link Revision} cannot be used as a revision: it does not
 * implement {@link Migration}, or has no public no-argument constructor.
 */
public class RevisionClassException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RevisionClassException(String message) {
		super(message);
	}

	public RevisionClassException(String message, Throwable cause) {
		super(message, cause);
	}

}
