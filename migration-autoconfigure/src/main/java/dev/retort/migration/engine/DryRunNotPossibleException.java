package dev.retort.migration.engine;

import dev.retort.migration.MigrationException;

/**
 * A dry run was asked for a plan with a revision whose statements must run outside a
 * transaction ({@code transactional = false}), which a dry run's single rolled-back
 * transaction cannot hold. Nothing was run.
 */
public class DryRunNotPossibleException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public DryRunNotPossibleException(String message) {
		super(message);
	}

}
