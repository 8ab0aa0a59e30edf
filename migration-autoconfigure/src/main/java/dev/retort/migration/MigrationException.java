package dev.retort.migration;

/**
 * Base of every error Retort reports to a user. Each subclass is one kind of user error,
 * and its message says what happened, where (revision, file, statement) and what to do.
 */
public abstract class MigrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected MigrationException(String message) {
		super(message);
	}

	protected MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
