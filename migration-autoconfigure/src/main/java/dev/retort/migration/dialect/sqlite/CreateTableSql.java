package dev.retort.migration.dialect.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.retort.migration.schema.CheckConstraint;

/**
 * What SQLite's pragmas do not tell about a table, read from its {@code CREATE TABLE}
 * text in {@code sqlite_schema}: constraint names, check constraints,
 * {@code AUTOINCREMENT} and generated columns' expressions.
 */
final class CreateTableSql {

	/** Primary key name, or {@code null}. */
	String primaryKeyName;

	/** Unique constraint names by their lower-cased column list. */
	final Map<List<String>, String> uniqueNames = new LinkedHashMap<>();

	/** Foreign key names by their lower-cased referencing column list. */
	final Map<List<String>, String> foreignKeyNames = new LinkedHashMap<>();

	final List<CheckConstraint> checks = new ArrayList<>();

	boolean autoIncrement;

	/** Generated columns' expressions by lower-cased column name. */
	final Map<String, String> generatedExpressions = new LinkedHashMap<>();

	private CreateTableSql() {
	}

	static CreateTableSql parse(String sql) {
		CreateTableSql parsed = new CreateTableSql();
		List<String> tokens = tokens(sql);
		int open = tokens.indexOf("(");
		if (open < 0) {
			return parsed;
		}
		String body = tokens.get(open + 1);
		for (String element : splitTopLevel(body)) {
			parsed.element(tokens(element));
		}
		return parsed;
	}

	private void element(List<String> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		String first = upper(tokens.get(0));
		boolean tableConstraint = first.equals("CONSTRAINT") || first.equals("PRIMARY") || first.equals("UNIQUE")
				|| first.equals("CHECK") || first.equals("FOREIGN");
		String column = tableConstraint ? null : unquote(tokens.get(0));
		String name = null;
		for (int i = tableConstraint ? 0 : 1; i < tokens.size(); i++) {
			String word = upper(tokens.get(i));
			if (word.equals("CONSTRAINT") && i + 1 < tokens.size()) {
				name = unquote(tokens.get(++i));
			}
			else if (word.equals("AS") && column != null && i + 1 < tokens.size()
					&& tokens.get(i + 1).startsWith("(")) {
				// GENERATED ALWAYS AS (…) or its short form AS (…)
				String group = tokens.get(++i);
				this.generatedExpressions.put(column.toLowerCase(Locale.ROOT),
						group.substring(1, group.length() - 1).strip());
			}
			else if (word.equals("AUTOINCREMENT")) {
				this.autoIncrement = true;
			}
			else if (word.equals("PRIMARY")) {
				this.primaryKeyName = name;
				name = null;
			}
			else if (word.equals("UNIQUE")) {
				List<String> columns = (column != null) ? List.of(column) : columnsAfter(tokens, i);
				if (name != null) {
					this.uniqueNames.put(lower(columns), name);
				}
				name = null;
			}
			else if (word.equals("CHECK") && i + 1 < tokens.size() && tokens.get(i + 1).startsWith("(")) {
				this.checks.add(new CheckConstraint(name,
						tokens.get(i + 1).substring(1, tokens.get(i + 1).length() - 1).strip()));
				name = null;
				i++;
			}
			else if (word.equals("FOREIGN")) {
				if (name != null) {
					this.foreignKeyNames.put(lower(columnsAfter(tokens, i)), name);
				}
				name = null;
			}
			else if (word.equals("REFERENCES") && column != null) {
				if (name != null) {
					this.foreignKeyNames.put(lower(List.of(column)), name);
				}
				name = null;
			}
		}
	}

	/** The column names in the first parenthesised group after {@code from}. */
	private static List<String> columnsAfter(List<String> tokens, int from) {
		for (int i = from; i < tokens.size(); i++) {
			if (tokens.get(i).startsWith("(")) {
				String group = tokens.get(i);
				List<String> columns = new ArrayList<>();
				for (String part : splitTopLevel(group.substring(1, group.length() - 1))) {
					List<String> words = tokens(part);
					if (!words.isEmpty()) {
						columns.add(unquote(words.get(0)));
					}
				}
				return columns;
			}
		}
		return List.of();
	}

	/**
	 * Splits SQL into words, quoted names, string literals and whole parenthesised
	 * groups; the first group of a statement is returned as {@code "("} followed by its
	 * inner text so that the column list can be found.
	 */
	static List<String> tokens(String sql) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		boolean firstGroup = true;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c) || c == ',' || c == ';') {
				i++;
			}
			else if (isCommentStart(sql, i)) {
				i = skipComment(sql, i);
			}
			else if (c == '"' || c == '\'' || c == '`' || c == '[') {
				int end = skipQuoted(sql, i);
				tokens.add(sql.substring(i, end));
				i = end;
			}
			else if (c == '(') {
				int end = skipGroup(sql, i);
				String group = sql.substring(i, end);
				if (firstGroup && tokens.size() >= 3 && upper(tokens.get(0)).equals("CREATE")) {
					tokens.add("(");
					tokens.add(group.substring(1, group.length() - 1));
					firstGroup = false;
				}
				else {
					tokens.add(group);
				}
				i = end;
			}
			else {
				int end = i;
				while (end < sql.length() && !Character.isWhitespace(sql.charAt(end))
						&& "(),;\"'`[".indexOf(sql.charAt(end)) < 0) {
					end++;
				}
				if (end == i) {
					end++;
				}
				tokens.add(sql.substring(i, end));
				i = end;
			}
		}
		return tokens;
	}

	/** Splits at commas outside quotes, comments and parentheses. */
	static List<String> splitTopLevel(String text) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'' || c == '`' || c == '[') {
				i = skipQuoted(text, i);
			}
			else if (isCommentStart(text, i)) {
				i = skipComment(text, i);
			}
			else if (c == '(') {
				i = skipGroup(text, i);
			}
			else if (c == ',') {
				parts.add(text.substring(start, i));
				start = ++i;
			}
			else {
				i++;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	/** The index of the first parenthesis outside quotes and comments, or -1. */
	static int firstGroup(String text) {
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'' || c == '`' || c == '[') {
				i = skipQuoted(text, i);
			}
			else if (isCommentStart(text, i)) {
				i = skipComment(text, i);
			}
			else if (c == '(') {
				return i;
			}
			else {
				i++;
			}
		}
		return -1;
	}

	/** The index just past the parenthesised group that opens at {@code start}. */
	static int skipGroup(String text, int start) {
		int depth = 0;
		int i = start;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'' || c == '`' || c == '[') {
				i = skipQuoted(text, i);
				continue;
			}
			if (isCommentStart(text, i)) {
				i = skipComment(text, i);
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
			i++;
		}
		return text.length();
	}

	private static boolean isCommentStart(String text, int index) {
		return text.startsWith("--", index) || text.startsWith("/*", index);
	}

	/** The index just past the comment that opens at {@code start}. */
	private static int skipComment(String text, int start) {
		int end = text.startsWith("--", start) ? text.indexOf('\n', start) : text.indexOf("*/", start + 2);
		if (end < 0) {
			return text.length();
		}
		return text.startsWith("--", start) ? end + 1 : end + 2;
	}

	private static int skipQuoted(String text, int start) {
		char open = text.charAt(start);
		char close = (open == '[') ? ']' : open;
		int i = start + 1;
		while (i < text.length()) {
			if (text.charAt(i) == close) {
				if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return text.length();
	}

	static String unquote(String token) {
		if (token.length() >= 2) {
			char open = token.charAt(0);
			if (open == '"' || open == '`') {
				String quote = String.valueOf(open);
				return token.substring(1, token.length() - 1).replace(quote + quote, quote);
			}
			if (open == '[') {
				return token.substring(1, token.length() - 1);
			}
		}
		return token;
	}

	private static List<String> lower(List<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

	private static String upper(String token) {
		return token.toUpperCase(Locale.ROOT);
	}

}
