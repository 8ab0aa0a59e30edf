package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Retort reads from a JDBC URL for its messages: where the database is, and the URL
 * with any password in it hidden.
 */
public final class JdbcUrl {

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private static final String SQLITE = "jdbc:sqlite:";

	private JdbcUrl() {
	}

	/** The URL with the value of any {@code password=} parameter shown as {@code ***}. */
	public static String redacted(String url) {
		return PASSWORD.matcher(url).replaceAll("$1***");
	}

	/**
	 * The file of an SQLite URL, absolute (a relative path is taken from the working
	 * directory, as SQLite takes it); empty for an in-memory database or another
	 * database's URL.
	 */
	public static Optional<Path> sqliteFile(String url) {
		return sqlitePath(url).map((path) -> path.toAbsolutePath().normalize());
	}

	/**
	 * The file of an SQLite URL as the URL gives it (relative, when it is); empty for an
	 * in-memory database or another database's URL.
	 */
	public static Optional<Path> sqlitePath(String url) {
		if (url == null || !url.startsWith(SQLITE)) {
			return Optional.empty();
		}
		String database = url.substring(SQLITE.length());
		if (database.contains("mode=memory")) {
			return Optional.empty();
		}
		int query = database.indexOf('?');
		database = (query >= 0) ? database.substring(0, query) : database;
		database = database.startsWith("file:") ? database.substring("file:".length()) : database;
		if (database.isEmpty() || database.contains(":memory:")) {
			return Optional.empty();
		}
		return Optional.of(Path.of(database));
	}

}
