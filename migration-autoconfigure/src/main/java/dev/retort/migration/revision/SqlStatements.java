package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements at semicolons, except inside string literals, quoted
 * identifiers, comments, PostgreSQL dollar quotes and the bodies of
 * {@code CREATE TRIGGER … BEGIN … END} (and {@code BEGIN ATOMIC} functions).
 */
final class SqlStatements {

	private final String sql;

	private final List<Statement> statements = new ArrayList<>();

	private int position;

	/** Where the current statement's first non-comment character is, or -1. */
	private int start = -1;

	private int startLine;

	private int line;

	/** Words of the current statement outside quotes and comments, upper case. */
	private final List<String> words = new ArrayList<>();

	/** How deep in BEGIN/CASE … END blocks a routine or trigger body is. */
	private int blockDepth;

	/**
	 * The line comments on their own lines since the last statement, before the current
	 * one begins.
	 */
	private final StringBuilder comments = new StringBuilder();

	/** The line the last statement's terminator is on; a comment after it is its own. */
	private int lastEndLine = -1;

	private SqlStatements(String sql, int firstLine) {
		this.sql = sql;
		this.line = firstLine;
	}

	/** The statements in the text, without their terminating semicolons. */
	static List<String> split(String sql) {
		return splitWithLines(sql, 1).stream().map(Statement::sql).toList();
	}

	/**
	 * The statements in the text with the line each starts on, counting the text's first
	 * line as {@code firstLine}.
	 */
	static List<Statement> splitWithLines(String sql, int firstLine) {
		SqlStatements splitter = new SqlStatements(sql, firstLine);
		splitter.run();
		return splitter.statements;
	}

	private void run() {
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (c == '-' && peek(1) == '-') {
				skipLineComment();
			}
			else if (c == '/' && peek(1) == '*') {
				skipBlockComment();
			}
			else if (c == ';') {
				if (this.blockDepth > 0) {
					this.position++;
				}
				else {
					finish(this.position);
					this.position++;
				}
			}
			else if (Character.isWhitespace(c)) {
				if (c == '\n') {
					this.line++;
				}
				this.position++;
			}
			else {
				markStart();
				if (c == '\'') {
					boolean escapes = isEscapeString();
					skipQuoted('\'', escapes);
				}
				else if (c == '"' || c == '`') {
					skipQuoted(c, false);
				}
				else if (c == '$' && dollarTag() != null) {
					skipDollarQuoted(dollarTag());
				}
				else if (isWordStart(c)) {
					readWord();
				}
				else {
					this.position++;
				}
			}
		}
		finish(this.sql.length());
	}

	private void markStart() {
		if (this.start < 0) {
			this.start = this.position;
			this.startLine = this.line;
		}
	}

	private void finish(int end) {
		if (this.start >= 0) {
			this.statements.add(new Statement(this.sql.substring(this.start, end).strip(), this.startLine,
					this.comments.isEmpty() ? null : this.comments.toString()));
			this.comments.setLength(0);
			this.lastEndLine = this.line;
		}
		this.start = -1;
		this.words.clear();
		this.blockDepth = 0;
	}

	private char peek(int offset) {
		int index = this.position + offset;
		return (index < this.sql.length()) ? this.sql.charAt(index) : '\0';
	}

	private void skipLineComment() {
		int from = this.position;
		while (this.position < this.sql.length() && this.sql.charAt(this.position) != '\n') {
			this.position++;
		}
		if (this.start < 0 && this.line != this.lastEndLine) {
			if (!this.comments.isEmpty()) {
				this.comments.append('\n');
			}
			this.comments.append(this.sql.substring(from, this.position).stripTrailing());
		}
	}

	private void skipBlockComment() {
		// PostgreSQL nests block comments.
		int depth = 0;
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (c == '/' && peek(1) == '*') {
				depth++;
				this.position += 2;
			}
			else if (c == '*' && peek(1) == '/') {
				depth--;
				this.position += 2;
				if (depth == 0) {
					return;
				}
			}
			else {
				countLine(c);
				this.position++;
			}
		}
	}

	private void skipQuoted(char quote, boolean backslashEscapes) {
		this.position++;
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (backslashEscapes && c == '\\') {
				countLine(peek(1));
				this.position += 2;
				continue;
			}
			countLine(c);
			this.position++;
			if (c == quote) {
				if (peek(0) == quote) {
					// A doubled quote stands for itself.
					this.position++;
				}
				else {
					return;
				}
			}
		}
	}

	/** Whether the quote at the current position opens a PostgreSQL E'…' string. */
	private boolean isEscapeString() {
		if (this.position == 0) {
			return false;
		}
		char before = this.sql.charAt(this.position - 1);
		if (before != 'E' && before != 'e') {
			return false;
		}
		return this.position < 2 || !isWordPart(this.sql.charAt(this.position - 2));
	}

	/** The dollar-quote tag ({@code $$} or {@code $name$}) starting here, or null. */
	private String dollarTag() {
		if (this.position > 0 && isWordPart(this.sql.charAt(this.position - 1))) {
			return null;
		}
		int end = this.position + 1;
		if (end < this.sql.length() && Character.isDigit(this.sql.charAt(end))) {
			return null;
		}
		while (end < this.sql.length() && isWordPart(this.sql.charAt(end)) && this.sql.charAt(end) != '$') {
			end++;
		}
		if (end < this.sql.length() && this.sql.charAt(end) == '$') {
			return this.sql.substring(this.position, end + 1);
		}
		return null;
	}

	private void skipDollarQuoted(String tag) {
		int close = this.sql.indexOf(tag, this.position + tag.length());
		int end = (close < 0) ? this.sql.length() : close + tag.length();
		while (this.position < end) {
			countLine(this.sql.charAt(this.position));
			this.position++;
		}
	}

	private void readWord() {
		int begin = this.position;
		while (this.position < this.sql.length() && isWordPart(this.sql.charAt(this.position))) {
			this.position++;
		}
		String word = this.sql.substring(begin, this.position).toUpperCase(Locale.ROOT);
		this.words.add(word);
		if (!isRoutineOrTrigger()) {
			return;
		}
		if (word.equals("BEGIN") || (word.equals("CASE") && this.blockDepth > 0)) {
			this.blockDepth++;
		}
		else if (word.equals("END") && this.blockDepth > 0) {
			this.blockDepth--;
		}
	}

	/**
	 * Whether the current statement creates a trigger or routine, whose body may hold
	 * semicolons between BEGIN and END.
	 */
	private boolean isRoutineOrTrigger() {
		if (this.words.isEmpty() || !this.words.get(0).equals("CREATE")) {
			return false;
		}
		for (int i = 1; i < Math.min(this.words.size(), 6); i++) {
			String word = this.words.get(i);
			if (word.equals("TRIGGER") || word.equals("FUNCTION") || word.equals("PROCEDURE")) {
				return true;
			}
		}
		return false;
	}

	private void countLine(char c) {
		if (c == '\n') {
			this.line++;
		}
	}

	private static boolean isWordStart(char c) {
		return Character.isLetter(c) || c == '_';
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	/**
	 * One statement and the line it starts on.
	 *
	 * @param sql the statement, without its semicolon
	 * @param line the line its first character is on
	 * @param comment the line comments between the previous statement and this one, as
	 * written ({@code --} included), one per line; {@code null} when there are none
	 */
	record Statement(String sql, int line, String comment) {
	}

}
