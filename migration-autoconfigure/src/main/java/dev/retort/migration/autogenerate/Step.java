package dev.retort.migration.autogenerate;

import java.util.List;

import dev.retort.migration.operation.Operation;

/**
 * One step of a generated revision: an operation and the comments a reviewer must read
 * above it (a destructive change, a probable rename), or comments alone for a change
 * Retort cannot express safely (a {@code TODO} with the reason).
 *
 * @param operation the operation, or {@code null} for a comment-only step
 * @param comments the comment lines, without comment markers
 * @param destructive whether the operation loses data (drop table or column, a narrowing
 * type, {@code NOT NULL} without a default); listed in the command's output
 */
public record Step(Operation operation, List<String> comments, boolean destructive) {

	public Step {
		comments = List.copyOf(comments);
		if (operation == null && comments.isEmpty()) {
			throw new IllegalArgumentException("A step needs an operation or a comment");
		}
	}

	public static Step of(Operation operation) {
		return new Step(operation, List.of(), false);
	}

	/** A step that loses data, with the warning a reviewer reads above it. */
	public static Step destructive(Operation operation, String warning) {
		return new Step(operation, List.of(warning), true);
	}

	/** A change Retort cannot write safely: a {@code TODO} comment with the reason. */
	public static Step todo(String reason) {
		return new Step(null, List.of("TODO " + reason), false);
	}

	/** Whether this step is only comments. */
	public boolean isCommentOnly() {
		return this.operation == null;
	}

}
