package dev.retort.migration.dialect;

import java.sql.Connection;
import java.util.Objects;

import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;

/**
 * How one database spells and stores what autogenerate compares: which type names mean
 * the same type, how defaults and check expressions are written back, what happens to
 * long identifiers, and which objects exist at all. Both sides of a comparison (the
 * entity model and the live schema) go through the same rules, so that equivalent
 * spellings compare equal and real changes do not.
 */
public interface SchemaRules {

	/**
	 * The type a DDL type name declares on this database ({@code "varchar(255)"},
	 * {@code "float(53)"}, {@code "timestamp(6) with time zone"}, a
	 * {@code columnDefinition}).
	 */
	Type declaredType(String sql);

	/**
	 * The type a column really gets: what an auto-increment key becomes, for example.
	 * @param type the declared type
	 * @param autoIncrement whether the database generates the column's values
	 */
	default Type storedType(Type type, boolean autoIncrement) {
		return type;
	}

	/** Whether two types are the same type on this database. */
	default boolean sameType(Type first, Type second) {
		if (first.kind() == Type.Kind.RAW || second.kind() == Type.Kind.RAW) {
			return first.kind() == second.kind() && compact(first.sql()).equals(compact(second.sql()));
		}
		return first.equals(second);
	}

	/**
	 * A server default in a canonical spelling: equal results mean the same default.
	 */
	default String canonicalDefault(String expression) {
		return (expression != null) ? canonicalExpression(expression) : null;
	}

	/**
	 * A check expression in a canonical spelling: equal results mean the same check.
	 */
	default String canonicalCheck(String expression) {
		return canonicalExpression(expression);
	}

	/** An identifier as the database stores it (PostgreSQL cuts it at 63 bytes). */
	default String storedIdentifier(String name) {
		return name;
	}

	/** Whether the database keeps table and column comments. */
	default boolean hasComments() {
		return true;
	}

	/** Whether the database has sequences. */
	default boolean hasSequences() {
		return true;
	}

	/**
	 * Whether the database can change a constraint by name: PostgreSQL can, SQLite
	 * changes its constraints by rebuilding the table, and reads most back without a
	 * name.
	 */
	default boolean namesConstraints() {
		return true;
	}

	/**
	 * The table's defaults and checks as the database itself would store them, for
	 * expressions that no text rule makes comparable (PostgreSQL rewrites checks into its
	 * own form). Returns the table unchanged when the database cannot say.
	 */
	default Table storedForm(Connection connection, Table table) {
		return table;
	}

	/**
	 * An SQL expression with insignificant differences removed: white space, the case of
	 * everything outside quotes, and parentheses around the whole expression.
	 */
	static String canonicalExpression(String expression) {
		String text = compact(expression);
		while (text.startsWith("(") && text.endsWith(")") && enclosesAll(text)) {
			text = text.substring(1, text.length() - 1);
		}
		return text;
	}

	/**
	 * Lower-cases text outside quotes and removes white space that does not separate two
	 * words.
	 */
	static String compact(String sql) {
		Objects.requireNonNull(sql, "sql");
		StringBuilder out = new StringBuilder();
		boolean pendingSpace = false;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\'' || c == '"') {
				int end = closingQuote(sql, i);
				if (pendingSpace && !out.isEmpty() && isWordChar(out.charAt(out.length() - 1))) {
					out.append(' ');
				}
				pendingSpace = false;
				out.append(sql, i, end + 1);
				i = end;
			}
			else if (Character.isWhitespace(c)) {
				pendingSpace = true;
			}
			else {
				if (pendingSpace && !out.isEmpty() && isWordChar(out.charAt(out.length() - 1)) && isWordChar(c)) {
					out.append(' ');
				}
				pendingSpace = false;
				out.append(Character.toLowerCase(c));
			}
		}
		return out.toString();
	}

	private static int closingQuote(String sql, int start) {
		char quote = sql.charAt(start);
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i;
			}
			i++;
		}
		return sql.length() - 1;
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\'' || c == '"';
	}

	/** Whether the first parenthesis of {@code text} closes at its last character. */
	private static boolean enclosesAll(String text) {
		int depth = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"') {
				i = closingQuote(text, i);
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0 && i < text.length() - 1) {
					return false;
				}
			}
		}
		return true;
	}

}
