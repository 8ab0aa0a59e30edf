package dev.retort.migration.dialect;

import dev.retort.migration.MigrationException;

/**
 * An operation adds a constraint under a name its table already has a constraint by:
 * PostgreSQL refuses it, SQLite would silently keep both.
 */
public class DuplicateConstraintException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public DuplicateConstraintException(String message) {
		super(message);
	}

}
