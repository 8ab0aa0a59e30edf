package dev.retort.migration.revision;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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

	/* Each key's place in KEYS, where its value and line are kept while parsing. */

	private static final int REVISION = KEYS.indexOf("revision");

	private static final int REVISES = KEYS.indexOf("revises");

	private static final int MESSAGE = KEYS.indexOf("message");

	private static final int BRANCH_LABELS = KEYS.indexOf("branch-labels");

	private static final int DEPENDS_ON = KEYS.indexOf("depends-on");

	private static final int CREATED = KEYS.indexOf("created");

	private static final int TRANSACTIONAL = KEYS.indexOf("transactional");

	private static final int DIALECT = KEYS.indexOf("dialect");

	private static final Pattern IRREVERSIBLE = Pattern.compile("^irreversible\\s*(?::(.*))?$");

	private static final Pattern DIALECT_NAME = Pattern.compile("[a-z0-9]+");

	private SqlRevisionFile() {
	}

	/**
	 * Parses one file. Every start and every {@code status} parses every file, so this
	 * walks the text once by index: the sections are cut out of it as they are, split
	 * into statements when they first run, and the checksum is computed when first asked
	 * for.
	 * @param fileName the file's name, for its dialect suffix
	 * @param source how to name the file in errors
	 * @param text the file's content
	 */
	static RevisionScript parse(String fileName, String source, String text) {
		// A byte-order mark would hide the first header line.
		String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
		// walked with the String's own searches, which the JVM has compiled before any
		// revision is read: every start runs this on every file, mostly before the JIT
		// compiler has caught up, and a loop over every character is what costs then
		int length = content.length();
		boolean carriageReturns = content.indexOf('\r') >= 0;
		Header header = new Header();
		String downgradeIrreversible = null;
		String section = null;
		int upgradeLine = 0;
		int downgradeLine = 0;
		int[] upgrade = null;
		int[] downgrade = null;
		int number = 0;
		int start = 0;
		while (start <= length) {
			number++;
			int end = lineEnd(content, start, carriageReturns);
			int next = (carriageReturns && content.startsWith("\r\n", end)) ? end + 2 : end + 1;
			int first = start;
			while (first < end && Character.isWhitespace(content.charAt(first))) {
				first++;
			}
			boolean comment = first + 1 < end && content.startsWith("--", first);
			if (comment && isSectionCandidate(content, first + 2, end)) {
				String stripped = content.substring(first, lastNonSpace(content, first, end));
				String[] marker = sectionMarker(stripped);
				if (marker != null) {
					String name = marker[0].toLowerCase(Locale.ROOT);
					String rest = marker[1].strip();
					if (!name.equals("upgrade") && !name.equals("downgrade")) {
						throw error(source, number, "'" + stripped + "' is not a section",
								"write '-- +upgrade' or '-- +downgrade'");
					}
					int seenOn = name.equals("upgrade") ? upgradeLine : downgradeLine;
					if (seenOn > 0) {
						throw error(source, number,
								"the '-- +" + name + "' section appears twice (first on line " + seenOn + ")",
								"keep one '-- +" + name + "' section");
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
					closeSection(section, upgrade, downgrade, start);
					int[] bounds = { next, length };
					if (name.equals("upgrade")) {
						upgradeLine = number;
						upgrade = bounds;
					}
					else {
						downgradeLine = number;
						downgrade = bounds;
					}
					section = name;
					start = next;
					continue;
				}
			}
			if (section == null && first < end) {
				if (!comment) {
					throw error(source, number, "a statement comes before '-- +upgrade'",
							"put statements under '-- +upgrade' (or '-- +downgrade'), after the header comments");
				}
				readHeader(source, number, content, first + 2, end, header);
			}
			start = next;
		}
		String id = header.get(REVISION);
		if (content.isBlank()) {
			throw error(source, 1, "the file is empty",
					"write a revision in it ('-- revision: <12 hex characters>', '-- revises: <parent id>', then "
							+ "'-- +upgrade' and '-- +downgrade' with their statements), or delete it");
		}
		if (id != null && id.isEmpty()) {
			throw error(source, header.line(REVISION), "the '-- revision:' header has no id",
					"write the id after the colon, e.g. '-- revision: 3f2a9c1b7d4e'");
		}
		if (id == null) {
			throw error(source, 1, "there is no '-- revision: <id>' header",
					"start the file with '-- revision: <12 hex characters>', e.g. '-- revision: "
							+ "3f2a9c1b7d4e', then '-- revises: <parent id>' (none for a base)");
		}
		if (upgrade == null) {
			throw error(source, number, "there is no '-- +upgrade' section",
					"put the upgrade statements under a '-- +upgrade' line after the header");
		}
		String downgradeText = (downgrade != null) ? sectionText(content, downgrade) : null;
		if (downgradeIrreversible != null && downgradeText != null && !SqlStatements.split(downgradeText).isEmpty()) {
			throw error(source, downgradeLine, "the downgrade is declared irreversible but has statements",
					"remove the statements, or remove 'irreversible' to run them");
		}
		Set<String> dialects = dialects(fileName, source, header);
		SqlMigration.Section downgradeSection = null;
		if (downgrade != null && downgradeIrreversible == null) {
			downgradeSection = new SqlMigration.Section(downgradeText, downgradeLine + 1);
		}
		else if (downgradeIrreversible == null) {
			downgradeIrreversible = source + " has no '-- +downgrade' section (add one with the statements that undo "
					+ "the upgrade, or '-- +downgrade irreversible: why')";
		}
		SqlMigration migration = new SqlMigration(source, text,
				new SqlMigration.Section(sectionText(content, upgrade), upgradeLine + 1), downgradeSection,
				downgradeIrreversible);
		List<String> labels = list(header.get(BRANCH_LABELS));
		return new RevisionScript(id, list(header.get(REVISES)),
				labels.isEmpty() ? Set.of() : new LinkedHashSet<>(labels), list(header.get(DEPENDS_ON)),
				Objects.requireNonNullElse(header.get(MESSAGE), ""),
				created(source, header.get(CREATED), header.line(CREATED)),
				transactional(source, header.get(TRANSACTIONAL), header.line(TRANSACTIONAL)), dialects, source,
				RevisionScript.Kind.SQL, migration);
	}

	/**
	 * Where the line starting at {@code from} ends: at {@code \n}, {@code \r\n} or
	 * {@code \r}, or at the end of the text.
	 */
	private static int lineEnd(String content, int from, boolean carriageReturns) {
		int newline = content.indexOf('\n', from);
		int end = (newline >= 0) ? newline : content.length();
		if (carriageReturns) {
			int carriageReturn = content.indexOf('\r', from);
			if (carriageReturn >= 0 && carriageReturn < end) {
				return carriageReturn;
			}
		}
		return end;
	}

	/** Whether a comment's text, from {@code from}, starts with {@code +}: a section. */
	private static boolean isSectionCandidate(String content, int from, int end) {
		int index = from;
		while (index < end && isRegexSpace(content.charAt(index))) {
			index++;
		}
		return index < end && content.charAt(index) == '+';
	}

	/** Ends the open section where the next one's marker line starts. */
	private static void closeSection(String section, int[] upgrade, int[] downgrade, int markerStart) {
		if ("upgrade".equals(section)) {
			upgrade[1] = markerStart;
		}
		else if ("downgrade".equals(section)) {
			downgrade[1] = markerStart;
		}
	}

	/**
	 * A section's lines, each ended by {@code \n}: the text as written up to the next
	 * marker, or to the end of the file (whose last line gets its {@code \n}).
	 */
	private static String sectionText(String content, int[] bounds) {
		int from = bounds[0];
		int to = bounds[1];
		if (from > content.length()) {
			return "";
		}
		String text = content.substring(from, to);
		if (text.indexOf('\r') >= 0) {
			text = text.replace("\r\n", "\n").replace('\r', '\n');
		}
		return (to == content.length()) ? text + "\n" : text;
	}

	/**
	 * Reads {@code key: value} from a header comment's text (after its {@code --}); a
	 * comment without a key and a colon is a free comment.
	 */
	private static void readHeader(String source, int number, String content, int from, int end, Header header) {
		int index = from;
		while (index < end && isRegexSpace(content.charAt(index))) {
			index++;
		}
		int keyStart = index;
		if (index >= end || !isAsciiLetter(content.charAt(index))) {
			return;
		}
		while (index < end && (isAsciiLetter(content.charAt(index)) || content.charAt(index) == '_'
				|| content.charAt(index) == '-')) {
			index++;
		}
		int keyEnd = index;
		while (index < end && isRegexSpace(content.charAt(index))) {
			index++;
		}
		if (index >= end || content.charAt(index) != ':') {
			requireNoMissingColon(source, number, content, keyStart, keyEnd, index, end);
			return;
		}
		String written = content.substring(keyStart, keyEnd);
		String key = written.toLowerCase(Locale.ROOT);
		int slot = KEYS.indexOf(key);
		if (slot < 0) {
			throw error(source, number, "unknown header '" + written + "'", "use one of " + String.join(", ", KEYS)
					+ " (for a plain comment in the header, leave out the colon)");
		}
		if (header.values[slot] != null) {
			throw error(source, number, "the header '" + key + "' appears twice", "keep one of them");
		}
		header.values[slot] = content.substring(index + 1, end).strip();
		header.lines[slot] = number;
	}

	/**
	 * Refuses {@code -- revises 9a4c2e7b1d3f}: a header's name and one value without the
	 * colon between them, which would otherwise be read as a free comment (a missing
	 * {@code revises:} makes the revision a second base). A comment of more words, such
	 * as {@code -- revision history below}, stays a comment; so does {@code message}.
	 */
	private static void requireNoMissingColon(String source, int number, String content, int keyStart, int keyEnd,
			int valueStart, int end) {
		String key = content.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT);
		if (!KEYS.contains(key) || key.equals("message") || valueStart == keyEnd) {
			return;
		}
		String value = content.substring(valueStart, lastNonSpace(content, valueStart, end));
		if (value.isEmpty()) {
			return;
		}
		for (int at = 0; at < value.length(); at++) {
			if (isRegexSpace(value.charAt(at))) {
				return;
			}
		}
		String written = content.substring(keyStart, keyEnd);
		throw error(source, number, "'-- " + written + " " + value + "' has no colon after '" + written + "'",
				"write '-- " + key + ": " + value + "' (a plain comment must not be a header's name and one word)");
	}

	private static int lastNonSpace(String content, int from, int end) {
		int last = end;
		while (last > from && Character.isWhitespace(content.charAt(last - 1))) {
			last--;
		}
		return last;
	}

	/** {@code \s} of a regular expression: ASCII white space. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
	}

	private static boolean isAsciiLetter(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	private static Set<String> dialects(String fileName, String source, Header header) {
		String fromName = dialectSuffix(fileName);
		if (fromName == null && header.get(DIALECT) == null) {
			return Set.of();
		}
		Set<String> fromHeader = new LinkedHashSet<>();
		for (String dialect : list(header.get(DIALECT))) {
			String name = dialect.toLowerCase(Locale.ROOT);
			if (!DIALECT_NAME.matcher(name).matches()) {
				throw error(source, header.line(DIALECT), "'" + dialect + "' is not a dialect name",
						"write e.g. '-- dialect: postgresql' or '-- dialect: sqlite'");
			}
			if (!DialectNames.isKnown(name)) {
				throw error(source, header.line(DIALECT),
						"'" + dialect + "' is not a dialect Retort knows" + DialectNames.suggestion(name)
								+ ", so the revision would run nowhere and be recorded as applied",
						"write one of " + DialectNames.list() + ", or drop the line to run it on every database");
			}
			fromHeader.add(name);
		}
		if (fromName == null) {
			return fromHeader;
		}
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
			throw error(source, header.line(DIALECT), "the file name says dialect '" + fromName
					+ "' but the header says '" + String.join(", ", fromHeader) + "'",
					"make them agree, or drop one of them");
		}
		return Set.of(fromName);
	}

	/**
	 * The {@code postgresql} of {@code x.postgresql.sql}: the last dotted part before
	 * {@code .sql} when it is lower-case letters and digits; {@code null} otherwise.
	 */
	private static String dialectSuffix(String fileName) {
		if (!fileName.endsWith(".sql")) {
			return null;
		}
		int end = fileName.length() - ".sql".length();
		int dot = fileName.lastIndexOf('.', end - 1);
		if (dot < 0 || dot + 1 == end) {
			return null;
		}
		for (int index = dot + 1; index < end; index++) {
			char c = fileName.charAt(index);
			if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
				return null;
			}
		}
		return fileName.substring(dot + 1, end);
	}

	/** The names in a header value, separated by commas or white space. */
	private static List<String> list(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		List<String> names = new ArrayList<>(1);
		int start = 0;
		for (int index = 0; index <= value.length(); index++) {
			if (index == value.length() || value.charAt(index) == ',' || isRegexSpace(value.charAt(index))) {
				if (index > start) {
					names.add(value.substring(start, index));
				}
				start = index + 1;
			}
		}
		return (names.size() == 1) ? List.of(names.get(0)) : List.copyOf(names);
	}

	/**
	 * The name and the rest of a section line ({@code -- +name rest}, a name of letters,
	 * {@code _} and {@code -}), or {@code null} when the comment is not one.
	 */
	private static String[] sectionMarker(String stripped) {
		int index = 2;
		while (index < stripped.length() && isRegexSpace(stripped.charAt(index))) {
			index++;
		}
		if (index + 1 >= stripped.length() || stripped.charAt(index) != '+'
				|| !isAsciiLetter(stripped.charAt(index + 1))) {
			return null;
		}
		int nameStart = index + 1;
		int nameEnd = nameStart + 1;
		while (nameEnd < stripped.length() && (isAsciiLetter(stripped.charAt(nameEnd))
				|| stripped.charAt(nameEnd) == '_' || stripped.charAt(nameEnd) == '-')) {
			nameEnd++;
		}
		String rest = stripped.substring(nameEnd);
		for (int at = 0; at < rest.length(); at++) {
			char c = rest.charAt(at);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return null;
			}
		}
		return new String[] { stripped.substring(nameStart, nameEnd), rest };
	}

	/**
	 * The header's values and the lines they are on, by their key's place in
	 * {@link #KEYS}.
	 */
	private static final class Header {

		final String[] values = new String[KEYS.size()];

		final int[] lines = new int[KEYS.size()];

		String get(int slot) {
			return this.values[slot];
		}

		/** The line the key is on; 1 when it is absent. */
		int line(int slot) {
			int line = this.lines[slot];
			return (line > 0) ? line : 1;
		}

	}

	/**
	 * A creation time: an instant, an offset date-time, or a local date-time or date in
	 * UTC.
	 */
	static Instant created(String source, String value, int line) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant written = asWritten(value);
		if (written != null) {
			return written;
		}
		String text = value.strip();
		for (int form = 0; form < 4; form++) {
			try {
				return switch (form) {
					case 0 -> Instant.parse(text);
					case 1 -> OffsetDateTime.parse(text).toInstant();
					case 2 -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
					default -> LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
				};
			}
			catch (DateTimeParseException ex) {
				continue;
			}
		}
		throw error(source, line, "'" + value + "' is not an ISO-8601 time", "write e.g. '2026-11-21T12:00:00Z'");
	}

	/**
	 * The form Retort writes ({@code 2026-11-21T12:00:00Z}, with or without a fraction of
	 * a second), read without the date-time parser every start would otherwise load;
	 * {@code null} for any other form.
	 */
	private static Instant asWritten(String value) {
		int length = value.length();
		if (length < 20 || length == 21 || length > 30 || value.charAt(length - 1) != 'Z' || value.charAt(4) != '-'
				|| value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
				|| value.charAt(16) != ':' || (length > 20 && value.charAt(19) != '.')) {
			return null;
		}
		int nanos = 0;
		for (int index = 20; index < 29; index++) {
			int digit = (index < length - 1) ? digit(value.charAt(index)) : 0;
			if (digit < 0) {
				return null;
			}
			nanos = nanos * 10 + digit;
		}
		int year = number(value, 0, 4);
		int month = number(value, 5, 7);
		int day = number(value, 8, 10);
		int hour = number(value, 11, 13);
		int minute = number(value, 14, 16);
		int second = number(value, 17, 19);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The decimal number in {@code value[from, to)}, or -1 when it is not digits. */
	private static int number(String value, int from, int to) {
		int result = 0;
		for (int index = from; index < to; index++) {
			int digit = digit(value.charAt(index));
			if (digit < 0) {
				return -1;
			}
			result = result * 10 + digit;
		}
		return result;
	}

	private static int digit(char c) {
		return (c >= '0' && c <= '9') ? c - '0' : -1;
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
