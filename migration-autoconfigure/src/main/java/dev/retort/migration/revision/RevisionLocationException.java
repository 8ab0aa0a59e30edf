package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A migration location cannot be scanned: the directory does not exist, or a file or
 * class under it cannot be read.
 */
public class RevisionLocationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RevisionLocationException(String message) {
		super(message);
	}

	public RevisionLocationException(String message, Throwable cause) {
		super(message, cause);
	}

}
