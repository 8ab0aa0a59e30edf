package dev.retort.migration.dialect;

import dev.retort.migration.MigrationException;

/**
 * An operation names a table, column or constraint that does not exist at the point where
 * it runs.
 */
public class UnknownTableException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public UnknownTableException(String message) {
		super(message);
	}

}
