package dev.retort.migration.revision;

/**
 * A target lists several revisions and one of them lies under another
 * ({@code upgrade a1b2,c3d4} where {@code c3d4} revises {@code a1b2}): Alembic refuses
 * such a selection, and so does Retort.
 */
public class OverlappingTargetsException extends InvalidTargetException {

	private static final long serialVersionUID = 1L;

	public OverlappingTargetsException(String message) {
		super(message);
	}

}
