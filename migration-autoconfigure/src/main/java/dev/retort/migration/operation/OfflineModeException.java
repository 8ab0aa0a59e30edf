package dev.retort.migration.operation;

import dev.retort.migration.MigrationException;

/**
 * A migration asked for live database access ({@code op.jdbc()}) where there is no
 * connection: offline SQL rendering, or checksum computation.
 */
public class OfflineModeException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public OfflineModeException(String message) {
		super(message);
	}

}
