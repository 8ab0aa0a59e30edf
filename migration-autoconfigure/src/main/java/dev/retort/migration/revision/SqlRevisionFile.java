package dev.retort.migration.revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SQL revision file: header comments ({@code -- revision: …}), then
 * {@code -- +upgrade} and {@code -- +downgrade} sections.
 *
 * <pre>
 * -- revision: 3f2a9c1b7d4e
 * -- revises: a1b2c3d4e5f6
 * -- message: add priority to tasks
 * -- +upgrade
 * ALTER TABLE tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
 * -- +downgrade
 * ALTER TABLE tasks DROP COLUMN priority;
 * </pre>
 */
final class SqlRevisionFile {

	static final List<String> KEYS = List.of("revision", "revises", "message", "branch-labels", "depends-on", "created",
			"transactional", "dialect");

	private static final Pattern HEADER = Pattern.compile("^--\\s*([A-Za-z][A-Za-z_-]*)\\s*:(.*)$");

	private static final Pattern SECTION = Pattern.compile("^--\\s*\\+([A-Za-z][A-Za-z_-]*)(.*)$");

	private static final Pattern IRREVERSIBLE = Pattern.compile("^irreversible\\s*(?::(.*))?$");

	private static final Pattern DIALECT_SUFFIX = Pattern.compile("\\.([a-z0-9]+)\\.sql$");

	private static final Pattern DIALECT_NAME = Pattern.compile("[a-z0-9]+");

	private static final List<Function<String, Instant>> CREATED_FORMS = List.of(Instant::parse,
			(text) -> OffsetDateTime.parse(text).toInstant(),
			(text) -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
			(text) -> LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));

	private SqlRevisionFile() {
	}

	/**
	 * Parses one file.
	 * @param fileName the file's name, for its dialect suffix
	 * @param source how to name the file in errors
	 * @param text the file's content
	 */
	static RevisionScript parse(String fileName, String source, String text) {
		// A byte-order mark would hide the first header line.
		String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<String> lines = lines(content);
		Map<String, String> header = new LinkedHashMap<>();
		Map<String, Integer> headerLines = new LinkedHashMap<>();
		Map<String, Integer> sectionLines = new LinkedHashMap<>();
		Map<String, StringBuilder> sections = new LinkedHashMap<>();
		String downgradeIrreversible = null;
		StringBuilder current = null;
		for (int index = 0; index < lines.size(); index++) {
			int number = index + 1;
			String line = lines.get(index);
			String stripped = line.strip();
			// only comment lines can be sections: statement lines skip the pattern
			Matcher section = stripped.startsWith("--") ? SECTION.matcher(stripped) : null;
			if (section != null && section.matches()) {
				String name = section.group(1).toLowerCase(Locale.ROOT);
				String rest = section.group(2).strip();
				if (!name.equals("upgrade") && !name.equals("downgrade")) {
					throw error(source, number, "'" + stripped + "' is not a section",
							"write '-- +upgrade' or '-- +downgrade'");
				}
				if (sectionLines.containsKey(name)) {
					throw error(source, number, "the '-- +" + name + "' section appears twice (first on line "
							+ sectionLines.get(name) + ")", "keep one '-- +" + name + "' section");
				}
				if (name.equals("upgrade") && !rest.isEmpty()) {
					throw error(source, number, "'-- +upgrade' takes nothing after it",
							"put the statements on the following lines");
				}
				if (name.equals("downgrade") && !rest.isEmpty()) {
					Matcher irreversible = IRREVERSIBLE.matcher(rest);
					if (!irreversible.matches()) {
						throw error(source, number, "'" + stripped + "' is not understood",
								"write '-- +downgrade' followed by statements, or '-- +downgrade irreversible: why'");
					}
					String reason = (irreversible.group(1) != null) ? irreversible.group(1).strip() : "";
					downgradeIrreversible = reason.isEmpty() ? "declared irreversible in " + source : reason;
				}
				sectionLines.put(name, number);
				current = new StringBuilder();
				sections.put(name, current);
				continue;
			}
			if (current != null) {
				current.append(line).append('\n');
				continue;
			}
			if (stripped.isEmpty()) {
				continue;
			}
			if (!stripped.startsWith("--")) {
				throw error(source, number, "a statement comes before '-- +upgrade'",
						"put statements under '-- +upgrade' (or '-- +downgrade'), after the header comments");
			}
			Matcher entry = HEADER.matcher(stripped);
			if (entry.matches()) {
				String key = entry.group(1).toLowerCase(Locale.ROOT);
				if (!KEYS.contains(key)) {
					throw error(source, number, "unknown header '" + entry.group(1) + "'", "use one of "
							+ String.join(", ", KEYS) + " (for a plain comment in the header, leave out the colon)");
				}
				if (header.containsKey(key)) {
					throw error(source, number, "the header '" + key + "' appears twice", "keep one of them");
				}
				header.put(key, entry.group(2).strip());
				headerLines.put(key, number);
			}
		}
		String id = header.get("revision");
		if (id == null || id.isEmpty()) {
			throw error(source, 1, "there is no '-- revision: <id>' header",
					"start the file with '-- revision: <12 hex characters>', e.g. '-- revision: "
							+ "3f2a9c1b7d4e', then '-- revises: <parent id>' (none for a base)");
		}
		if (!sectionLines.containsKey("upgrade")) {
			throw error(source, lines.size(), "there is no '-- +upgrade' section",
					"put the upgrade statements under a '-- +upgrade' line after the header");
		}
		if (downgradeIrreversible != null && hasStatements(sections.get("downgrade"))) {
			throw error(source, sectionLines.get("downgrade"),
					"the downgrade is declared irreversible but has statements",
					"remove the statements, or remove 'irreversible' to run them");
		}
		Set<String> dialects = dialects(fileName, source, header, headerLines);
		SqlMigration.Section upgrade = new SqlMigration.Section(sections.get("upgrade").toString(),
				sectionLines.get("upgrade") + 1);
		SqlMigration.Section downgrade = null;
		if (sections.containsKey("downgrade") && downgradeIrreversible == null) {
			downgrade = new SqlMigration.Section(sections.get("downgrade").toString(),
					sectionLines.get("downgrade") + 1);
		}
		else if (downgradeIrreversible == null) {
			downgradeIrreversible = source + " has no '-- +downgrade' section (add one with the statements that undo "
					+ "the upgrade, or '-- +downgrade irreversible: why')";
		}
		SqlMigration migration = new SqlMigration(source, upgrade, downgrade, downgradeIrreversible);
		return new RevisionScript(id, list(header.get("revises")),
				new LinkedHashSet<>(list(header.get("branch-labels"))), list(header.get("depends-on")),
				header.getOrDefault("message", ""),
				created(source, header.get("created"), line(headerLines, "created")),
				transactional(source, header.get("transactional"), line(headerLines, "transactional")), dialects,
				source, RevisionScript.Kind.SQL, migration, checksum(text, content, lines));
	}

	/** The checksum of the whole text, from the lines already split when possible. */
	private static String checksum(String text, String content, List<String> lines) {
		return (content.length() == text.length()) ? Checksums.ofLines(lines) : Checksums.ofText(text);
	}

	/** The text's lines, split at {@code \r\n}, {@code \r} or {@code \n}. */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int index = 0; index < text.length(); index++) {
			char c = text.charAt(index);
			if (c == '\n' || c == '\r') {
				lines.add(text.substring(start, index));
				if (c == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n') {
					index++;
				}
				start = index + 1;
			}
		}
		lines.add(text.substring(start));
		return lines;
	}

	private static boolean hasStatements(StringBuilder section) {
		return section != null && !SqlStatements.split(section.toString()).isEmpty();
	}

	private static Set<String> dialects(String fileName, String source, Map<String, String> header,
			Map<String, Integer> headerLines) {
		Set<String> fromHeader = new LinkedHashSet<>();
		for (String dialect : list(header.get("dialect"))) {
			String name = dialect.toLowerCase(Locale.ROOT);
			if (!DIALECT_NAME.matcher(name).matches()) {
				throw error(source, line(headerLines, "dialect"), "'" + dialect + "' is not a dialect name",
						"write e.g. '-- dialect: postgresql' or '-- dialect: sqlite'");
			}
			if (!DialectNames.isKnown(name)) {
				throw error(source, line(headerLines, "dialect"),
						"'" + dialect + "' is not a dialect Retort knows" + DialectNames.suggestion(name)
								+ ", so the revision would run nowhere and be recorded as applied",
						"write one of " + DialectNames.list() + ", or drop the line to run it on every database");
			}
			fromHeader.add(name);
		}
		Matcher suffix = DIALECT_SUFFIX.matcher(fileName);
		if (!suffix.find()) {
			return fromHeader;
		}
		String fromName = suffix.group(1);
		if (!DialectNames.isKnown(fromName)) {
			throw error(source, 1,
					"the file name ends in '." + fromName + ".sql', which limits it to a dialect '" + fromName
							+ "' that Retort does not know" + DialectNames.suggestion(fromName)
							+ ", so the revision would run nowhere and be recorded as applied",
					"rename the file: end it in '.sql' alone to run it on every database, or in '.<dialect>.sql' with "
							+ "one of " + DialectNames.list() + " (a version in the name is fine without a dot, "
							+ "e.g. 'bump_to_1_5.sql')");
		}
		if (!fromHeader.isEmpty() && !fromHeader.equals(Set.of(fromName))) {
			throw error(
					source, line(headerLines, "dialect"), "the file name says dialect '" + fromName
							+ "' but the header says '" + String.join(", ", fromHeader) + "'",
					"make them agree, or drop one of them");
		}
		return Set.of(fromName);
	}

	private static List<String> list(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		if (value.indexOf(',') < 0 && value.chars().noneMatch(Character::isWhitespace)) {
			return List.of(value);
		}
		return Arrays.stream(value.split("[,\\s]+")).filter((part) -> !part.isEmpty()).toList();
	}

	private static int line(Map<String, Integer> headerLines, String key) {
		return headerLines.getOrDefault(key, 1);
	}

	/**
	 * A creation time: an instant, an offset date-time, or a local date-time or date in
	 * UTC.
	 */
	static Instant created(String source, String value, int line) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (Function<String, Instant> form : CREATED_FORMS) {
			try {
				return form.apply(value.strip());
			}
			catch (DateTimeParseException ex) {
				continue;
			}
		}
		throw error(source, line, "'" + value + "' is not an ISO-8601 time", "write e.g. '2026-11-21T12:00:00Z'");
	}

	private static boolean transactional(String source, String value, int line) {
		if (value == null || value.isBlank() || value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw error(source, line, "'transactional: " + value + "' is neither true nor false",
				"write '-- transactional: false' to run outside a transaction, or drop the line");
	}

	private static RevisionFileException error(String source, int line, String problem, String fix) {
		return new RevisionFileException(source + ":" + line + ": " + problem + ". To fix: " + fix + ".");
	}

}
