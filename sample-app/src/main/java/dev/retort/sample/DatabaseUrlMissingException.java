package dev.retort.sample;

/**
 * The prod profile's {@code spring.datasource.url} is {@code ${DATABASE_URL}}, and the
 * variable is not set.
 */
final class DatabaseUrlMissingException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	DatabaseUrlMissingException(IllegalArgumentException cause) {
		super("spring.datasource.url cannot be resolved (" + cause.getMessage() + ")", cause);
	}

}
