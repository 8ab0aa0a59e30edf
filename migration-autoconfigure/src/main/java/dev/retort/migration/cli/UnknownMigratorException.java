package dev.retort.migration.cli;

import dev.retort.migration.MigrationException;

/**
 * {@code migrate --migrator NAME} names no {@link dev.retort.migration.engine.Migrator}
 * bean of the application.
 */
public class UnknownMigratorException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public UnknownMigratorException(String message) {
		super(message);
	}

}
