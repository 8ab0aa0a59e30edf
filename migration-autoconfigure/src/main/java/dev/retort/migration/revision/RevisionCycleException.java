package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * Revisions revise or depend on each other in a cycle. The message names the cycle.
 */
public class RevisionCycleException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RevisionCycleException(String message) {
		super(message);
	}

	public RevisionCycleException(String message, Throwable cause) {
		super(message, cause);
	}

}
