package dev.retort.migration.operation;

import dev.retort.migration.MigrationException;

/**
 * An operation's inverse cannot be computed, or a downgrade passes a revision that
 * declared itself irreversible.
 */
public class IrreversibleOperationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public IrreversibleOperationException(String message) {
		super(message);
	}

}
