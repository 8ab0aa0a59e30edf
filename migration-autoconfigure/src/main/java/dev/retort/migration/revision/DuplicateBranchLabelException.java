package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * Two revisions declare the same branch label, or a label equals a revision id.
 */
public class DuplicateBranchLabelException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public DuplicateBranchLabelException(String message) {
		super(message);
	}

	public DuplicateBranchLabelException(String message, Throwable cause) {
		super(message, cause);
	}

}
