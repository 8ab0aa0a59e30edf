package dev.retort.migration.dialect.sqlite;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.schema.Type;

/**
 * SQLite's spellings: a column keeps the type it was declared with (compared by name,
 * synonyms such as {@code INT}/{@code INTEGER} and {@code FLOAT}/{@code DOUBLE} equal),
 * an auto-increment key is always {@code INTEGER}, and there are no comments, no
 * sequences and no way to change a constraint by name.
 */
final class SqliteSchemaRules implements SchemaRules {

	private static final Pattern LITERAL_OR_QUOTED_NAME = Pattern
		.compile("'(?:[^']|'')*'|\"([A-Za-z_][A-Za-z0-9_]*)\"");

	@Override
	public Type declaredType(String sql) {
		return SqliteDialect.portableType(sql);
	}

	@Override
	public Type storedType(Type type, boolean autoIncrement) {
		// only INTEGER PRIMARY KEY is an alias of the rowid
		return autoIncrement ? Type.INTEGER : type;
	}

	@Override
	public boolean sameType(Type first, Type second) {
		return SchemaRules.super.sameType(real(first), real(second));
	}

	/**
	 * FLOAT, REAL and DOUBLE are all SQLite's one eight-byte floating-point storage class
	 * (Hibernate declares a Java double as {@code float}).
	 */
	private static Type real(Type type) {
		return (type.kind() == Type.Kind.DOUBLE) ? Type.FLOAT : type;
	}

	/**
	 * SQLite writes a column's name quoted into its checks when the column is renamed:
	 * {@code "category"} and {@code category} are one name.
	 */
	@Override
	public String canonicalCheck(String expression) {
		Matcher token = LITERAL_OR_QUOTED_NAME.matcher(expression);
		StringBuilder out = new StringBuilder();
		while (token.find()) {
			String name = token.group(1);
			token.appendReplacement(out, Matcher.quoteReplacement((name != null) ? name : token.group()));
		}
		token.appendTail(out);
		return SchemaRules.super.canonicalCheck(out.toString());
	}

	@Override
	public boolean hasComments() {
		return false;
	}

	@Override
	public boolean hasSequences() {
		return false;
	}

	@Override
	public boolean namesConstraints() {
		return false;
	}

}
