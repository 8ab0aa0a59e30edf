package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A target could mean several revisions: an id prefix shared by several, or a relative
 * step at a branch point or a merge.
 */
public class AmbiguousRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public AmbiguousRevisionException(String message) {
		super(message);
	}

	public AmbiguousRevisionException(String message, Throwable cause) {
		super(message, cause);
	}

}
