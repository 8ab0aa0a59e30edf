package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * The version table holds a revision that none of the discovered revisions has: the
 * database was migrated by newer code, or a revision was deleted.
 */
public class UnknownAppliedRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public UnknownAppliedRevisionException(String message) {
		super(message);
	}

	public UnknownAppliedRevisionException(String message, Throwable cause) {
		super(message, cause);
	}

}
