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
		return SchemaRules.super.sameType(stored(first), stored(second));
	}

	/**
	 * The one type SQLite and Hibernate's SQLite dialect make of several that other
	 * databases tell apart: FLOAT, REAL and DOUBLE are one eight-byte floating-point
	 * storage class (Hibernate declares a Java double as {@code float}); timestamps, with
	 * or without a time zone or a precision, are one (Hibernate declares an
	 * {@code Instant} as {@code timestamp} and stores the same value either way); a UUID
	 * is a {@code blob} (Hibernate's SQLite dialect has no UUID type); {@code tinyint} is
	 * a small integer. So a revision may declare the portable type (a timestamp with time
	 * zone, a UUID) that another database needs without SQLite reporting a difference.
	 */
	private static Type stored(Type type) {
		return switch (type.kind()) {
			case DOUBLE -> Type.FLOAT;
			case TIMESTAMP, TIMESTAMP_TZ -> Type.TIMESTAMP;
			case UUID -> Type.BINARY;
			case RAW -> type.sql().strip().equalsIgnoreCase("tinyint") ? Type.SMALLINT : type;
			default -> type;
		};
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
