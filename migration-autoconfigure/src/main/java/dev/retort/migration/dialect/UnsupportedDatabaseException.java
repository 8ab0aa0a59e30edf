package dev.retort.migration.dialect;

import dev.retort.migration.MigrationException;

/**
 * The database (or a dialect name in configuration) is not one Retort supports.
 */
public class UnsupportedDatabaseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public UnsupportedDatabaseException(String message) {
		super(message);
	}

}
