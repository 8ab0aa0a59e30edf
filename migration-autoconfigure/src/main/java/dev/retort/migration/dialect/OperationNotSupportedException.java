package dev.retort.migration.dialect;

import dev.retort.migration.MigrationException;

/**
 * An operation the database cannot carry out at all (a sequence on SQLite), as opposed to
 * one it carries out another way (a SQLite table rebuild).
 */
public class OperationNotSupportedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public OperationNotSupportedException(String message) {
		super(message);
	}

}
