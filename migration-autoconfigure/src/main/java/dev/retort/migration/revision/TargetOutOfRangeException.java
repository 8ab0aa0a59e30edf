package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A relative target ({@code +N}, {@code -N}, {@code rev-N}) moves further than there are
 * revisions.
 */
public class TargetOutOfRangeException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public TargetOutOfRangeException(String message) {
		super(message);
	}

	public TargetOutOfRangeException(String message, Throwable cause) {
		super(message, cause);
	}

}
