package dev.retort.migration.cli;

import dev.retort.migration.MigrationException;

/**
 * {@code migrate revision} or {@code migrate merge} was asked for a revision the graph
 * cannot take: an id or branch label that exists or is malformed, a parent that is not a
 * head, nothing to merge. A usage error (exit code 2), reported without the usage
 * listing: the command was typed right.
 */
public class InvalidRevisionRequestException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public InvalidRevisionRequestException(String message) {
		super(message);
	}

}
