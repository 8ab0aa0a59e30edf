package dev.retort.migration.engine;

import java.util.Set;

import dev.retort.migration.MigrationException;

/**
 * The version table holds revisions that the code does not know: the database is ahead of
 * the code (or was migrated from another branch).
 */
public class UnknownDatabaseRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final Set<String> unknown;

	public UnknownDatabaseRevisionException(String message, Set<String> unknown) {
		super(message);
		this.unknown = Set.copyOf(unknown);
	}

	/** The revisions in the version table that the code does not know. */
	public Set<String> unknown() {
		return this.unknown;
	}

}
