package dev.retort.migration.dialect;

import dev.retort.migration.MigrationException;

/**
 * The live schema could not be read from the database.
 */
public class SchemaReadException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public SchemaReadException(String message, Throwable cause) {
		super(message, cause);
	}

}
