package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A revision file cannot be read as a revision: a missing header or section, an unknown
 * header key, a malformed value. The message names the file, the line and the fix.
 */
public class RevisionFileException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RevisionFileException(String message) {
		super(message);
	}

	public RevisionFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
