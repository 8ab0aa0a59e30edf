package dev.retort.migration.autogenerate;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks Hibernate writes for enum columns, read as what they let a column hold: a
 * list of values ({@code status in ('A','B')} as the model and SQLite write it,
 * {@code (status)::text = ANY ((ARRAY['A'::character varying, …])::text[])} as PostgreSQL
 * keeps it) or a range of ordinals ({@code status between 0 and 2}, or
 * {@code ((status >= 0) AND (status <= 2))}). Any other check is not read.
 *
 * @param column the column, lower case
 * @param values the values a list lets in, or {@code null} for a range
 * @param low the range's lowest ordinal
 * @param high the range's highest ordinal
 */
record EnumCheck(String column, Set<String> values, long low, long high) {

	private static final String COLUMN = "\\(*\\s*\"?([A-Za-z_][\\w$]*)\"?\\s*\\)?";

	private static final Pattern IN_LIST = Pattern.compile("(?is)^" + COLUMN + "\\s+in\\s*\\((.*)\\)\\s*\\)*$");

	private static final Pattern ANY_ARRAY = Pattern.compile("(?is)^" + COLUMN
			+ "::[\\w ]+\\s*=\\s*any\\s*\\(\\s*\\(?\\s*array\\s*\\[(.*?)\\]\\s*\\)?(::[\\w ]+\\[\\])?\\s*\\)\\s*\\)*$");

	private static final Pattern BETWEEN = Pattern
		.compile("(?is)^" + COLUMN + "\\s+between\\s+(-?\\d+)\\s+and\\s+(-?\\d+)\\s*\\)*$");

	private static final Pattern RANGE = Pattern
		.compile("(?is)^\\(*\\s*\"?([A-Za-z_][\\w$]*)\"?\\s*>=\\s*(-?\\d+)\\s*\\)?"
				+ "\\s+and\\s+\\(?\\s*\"?([A-Za-z_][\\w$]*)\"?\\s*<=\\s*(-?\\d+)\\s*\\)*$");

	private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'|(-?\\d+)");

	/** What may stand between a list's literals: separators, parentheses, casts. */
	private static final Pattern BETWEEN_LITERALS = Pattern.compile("(?i)::[\\w ]+|[\\s,()]");

	/**
	 * Whether {@code wider} lets the column hold every value {@code narrower} does: a
	 * value added to an enum, so its new check cannot fail where the old one held.
	 */
	static boolean widens(String narrower, String wider) {
		EnumCheck before = read(narrower);
		EnumCheck after = read(wider);
		if (before == null || after == null || !before.column.equals(after.column)) {
			return false;
		}
		if (before.values != null) {
			return after.values != null && after.values.containsAll(before.values);
		}
		return after.values == null && after.low <= before.low && after.high >= before.high;
	}

	static EnumCheck read(String expression) {
		String text = expression.strip();
		Matcher list = IN_LIST.matcher(text);
		if (list.matches()) {
			return values(list.group(1), list.group(2));
		}
		Matcher array = ANY_ARRAY.matcher(text);
		if (array.matches()) {
			return values(array.group(1), array.group(2));
		}
		Matcher between = BETWEEN.matcher(text);
		if (between.matches()) {
			return new EnumCheck(between.group(1).toLowerCase(Locale.ROOT), null, Long.parseLong(between.group(2)),
					Long.parseLong(between.group(3)));
		}
		Matcher range = RANGE.matcher(text);
		if (range.matches() && range.group(1).equalsIgnoreCase(range.group(3))) {
			return new EnumCheck(range.group(1).toLowerCase(Locale.ROOT), null, Long.parseLong(range.group(2)),
					Long.parseLong(range.group(4)));
		}
		return null;
	}

	/** The literals of a list, each as written (a cast after it left out). */
	private static EnumCheck values(String column, String list) {
		Set<String> values = new LinkedHashSet<>();
		Matcher literal = LITERAL.matcher(list);
		int end = 0;
		while (literal.find()) {
			String between = list.substring(end, literal.start());
			// only separators and casts between the literals
			if (!onlySeparators(between)) {
				return null;
			}
			values.add((literal.group(1) != null) ? "'" + literal.group(1) + "'" : literal.group(2));
			end = literal.end();
		}
		if (values.isEmpty() || !onlySeparators(list.substring(end))) {
			return null;
		}
		return new EnumCheck(column.toLowerCase(Locale.ROOT), values, 0, 0);
	}

	private static boolean onlySeparators(String text) {
		return BETWEEN_LITERALS.matcher(text).replaceAll("").isEmpty();
	}

}
