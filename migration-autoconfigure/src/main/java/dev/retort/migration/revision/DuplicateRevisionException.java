package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * Two revisions share an id. The message names both sources.
 */
public class DuplicateRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public DuplicateRevisionException(String message) {
		super(message);
	}

	public DuplicateRevisionException(String message, Throwable cause) {
		super(message, cause);
	}

}
