package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A target needs one head but there are several: {@code head} or a relative step with
 * several current heads.
 */
public class MultipleHeadsException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public MultipleHeadsException(String message) {
		super(message);
	}

	public MultipleHeadsException(String message, Throwable cause) {
		super(message, cause);
	}

}
