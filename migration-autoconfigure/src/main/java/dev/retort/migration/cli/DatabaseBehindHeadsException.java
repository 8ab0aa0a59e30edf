package dev.retort.migration.cli;

import dev.retort.migration.MigrationException;

/**
 * {@code migrate revision --autogenerate} was asked of a database that is not at the
 * code's heads: its difference from the entities would repeat the pending revisions.
 */
public class DatabaseBehindHeadsException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public DatabaseBehindHeadsException(String message) {
		super(message);
	}

}
