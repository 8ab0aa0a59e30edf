package dev.retort.migration.autoconfigure;

import dev.retort.migration.MigrationException;

/**
 * The {@code migrations.url} / {@code user} / {@code password} properties do not describe
 * a database to connect to.
 */
public class MigrationDataSourceException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public MigrationDataSourceException(String message) {
		super(message);
	}

}
