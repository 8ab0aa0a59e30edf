package dev.retort.migration.cli;

import dev.retort.migration.MigrationException;

/**
 * {@code migrate restore} was not confirmed: not on a terminal and without {@code --yes}.
 */
public class RestoreNotConfirmedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RestoreNotConfirmedException(String message) {
		super(message);
	}

}
