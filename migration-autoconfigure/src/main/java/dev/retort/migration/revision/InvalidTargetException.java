package dev.retort.migration.revision;

import dev.retort.migration.MigrationException;

/**
 * A target is not written in the target syntax ({@code head}, {@code +2},
 * {@code label@head}, {@code ae10+2}…).
 */
public class InvalidTargetException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public InvalidTargetException(String message) {
		super(message);
	}

	public InvalidTargetException(String message, Throwable cause) {
		super(message, cause);
	}

}
