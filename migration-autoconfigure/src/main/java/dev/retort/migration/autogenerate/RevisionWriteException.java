package dev.retort.migration.autogenerate;

import dev.retort.migration.MigrationException;

/**
 * A new revision could not be written: its file exists already, its directory cannot be
 * written, or it holds a value that has no source form.
 */
public class RevisionWriteException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RevisionWriteException(String message) {
		super(message);
	}

	public RevisionWriteException(String message, Throwable cause) {
		super(message, cause);
	}

}
