package dev.retort.migration.engine;

import dev.retort.migration.MigrationException;
import dev.retort.migration.revision.Direction;

/**
 * A revision failed while it ran. Its message names the revision, its source, the failing
 * statement and the database's error, and says what state the database is in.
 */
public class MigrationFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Where the message gives the database's (or the code's) error, on a line of its own.
	 */
	static final String ERROR_LINE = "\n  error: ";

	private final String revision;

	private final Direction direction;

	private final String statement;

	public MigrationFailedException(String message, String revision, Direction direction, String statement,
			Throwable cause) {
		super(message, cause);
		this.revision = revision;
		this.direction = direction;
		this.statement = statement;
	}

	/** The id of the revision that failed. */
	public String revision() {
		return this.revision;
	}

	public Direction direction() {
		return this.direction;
	}

	/**
	 * The error line of such a message, as the history table keeps it: the database's (or
	 * the code's) error; the message's first line when it has none.
	 */
	public static String errorIn(String message) {
		int error = message.indexOf(ERROR_LINE);
		int from = (error >= 0) ? error + ERROR_LINE.length() : 0;
		int end = message.indexOf('\n', from);
		return message.substring(from, (end >= 0) ? end : message.length()).strip();
	}

	/** The statement that failed, or {@code null} when the revision's own code failed. */
	public String statement() {
		return this.statement;
	}

}
