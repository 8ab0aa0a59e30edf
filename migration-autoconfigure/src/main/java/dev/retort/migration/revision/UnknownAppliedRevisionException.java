package dev.retort.migration.revision;

import java.util.Set;

import dev.retort.migration.MigrationException;

/**
 * The version table holds revisions that none of the discovered revisions has: the
 * database is ahead of the code (newer code migrated it), or a revision was deleted.
 */
public class UnknownAppliedRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final Set<String> unknown;

	public UnknownAppliedRevisionException(String message, Set<String> unknown) {
		super(message);
		this.unknown = Set.copyOf(unknown);
	}

	/** The revisions in the version table that the code does not know. */
	public Set<String> unknown() {
		return this.unknown;
	}

}
