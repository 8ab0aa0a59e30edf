package dev.retort.migration.revision;

/**
 * A history range ({@code history -r A:B}) that selects nothing: {@code A} is not an
 * ancestor of {@code B}, or no revision lies between them.
 */
public class InvalidRangeException extends InvalidTargetException {

	private static final long serialVersionUID = 1L;

	public InvalidRangeException(String message) {
		super(message);
	}

}
