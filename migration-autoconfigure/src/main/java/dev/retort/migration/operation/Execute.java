package dev.retort.migration.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Run an SQL statement as written.
 *
 * @param sql the statement
 * @param comment the line comments written above the statement in an SQL revision
 * ({@code -- CAUTION: …}), as written, one per line: shown above the statement in an
 * offline script, never sent to the database; {@code null} when there are none
 */
public record Execute(String sql, String comment) implements Operation {

	public Execute {
		Objects.requireNonNull(sql, "sql");
	}

	/** A statement without a comment. */
	public Execute(String sql) {
		this(sql, null);
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

	/**
	 * Whether the statement begins, ends or rolls back a transaction ({@code BEGIN},
	 * {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK} but to a
	 * savepoint, {@code ABORT}, {@code PREPARE TRANSACTION}): in a revision that runs in
	 * a transaction it would commit part of the revision without its version row, or end
	 * the transaction the revision's bookkeeping needs.
	 */
	public boolean controlsTransaction() {
		List<String> words = leadingWords(this.sql, 3);
		if (words.isEmpty()) {
			return false;
		}
		return switch (words.get(0)) {
			case "BEGIN", "COMMIT", "END", "ABORT" -> true;
			case "START", "PREPARE" -> words.size() > 1 && words.get(1).equals("TRANSACTION");
			case "ROLLBACK" -> !words.contains("TO");
			default -> false;
		};
	}

	/** The first words of a statement, upper case, after white space and comments. */
	private static List<String> leadingWords(String sql, int count) {
		List<String> words = new ArrayList<>(count);
		int index = 0;
		int length = sql.length();
		while (index < length && words.size() < count) {
			char c = sql.charAt(index);
			if (Character.isWhitespace(c)) {
				index++;
			}
			else if (sql.startsWith("--", index)) {
				int newline = sql.indexOf('\n', index);
				index = (newline < 0) ? length : newline + 1;
			}
			else if (sql.startsWith("/*", index)) {
				int close = sql.indexOf("*/", index + 2);
				index = (close < 0) ? length : close + 2;
			}
			else if (Character.isLetter(c)) {
				int end = index;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
					end++;
				}
				words.add(sql.substring(index, end).toUpperCase(Locale.ROOT));
				index = end;
			}
			else {
				break;
			}
		}
		return words;
	}

	/** A statement on one line, cut at 60 characters, for a message. */
	public static String abbreviate(String sql) {
		String line = sql.strip().replaceAll("\\s+", " ");
		return (line.length() > 60) ? line.substring(0, 57) + "..." : line;
	}

}
