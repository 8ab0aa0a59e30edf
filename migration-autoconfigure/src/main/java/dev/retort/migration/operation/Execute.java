package dev.retort.migration.operation;

import java.util.Objects;

/**
 * Run an SQL statement as written.
 *
 * @param sql the statement
 */
public record Execute(String sql) implements Operation {

	public Execute {
		Objects.requireNonNull(sql, "sql");
	}

	@Override
	public String table() {
		return null;
	}

	@Override
	public Operation inverse() {
		throw new IrreversibleOperationException(
				"execute(\"" + abbreviate(this.sql) + "\") cannot be reversed automatically: write its undo yourself.");
	}

	private static String abbreviate(String sql) {
		String line = sql.strip().replaceAll("\\s+", " ");
		return (line.length() > 60) ? line.substring(0, 57) + "..." : line;
	}

}
