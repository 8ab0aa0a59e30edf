package dev.retort.migration.cli;

import dev.retort.migration.MigrationException;

/**
 * A {@code migrate} command was run in an application without a single
 * {@link dev.retort.migration.engine.Migrator} to run it with.
 */
public class MigratorUnavailableException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public MigratorUnavailableException(String message) {
		super(message);
	}

}
