package dev.retort.migration.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import dev.retort.migration.MigrationException;
import dev.retort.migration.dialect.JdbcUrl;

/**
 * The application's database cannot be connected to: no such database, a wrong user or
 * password, no server at that address, a database file that cannot be opened. The message
 * gives the driver's reason and what to change.
 */
public class DatabaseUnreachableException extends MigrationException {

	private static final long serialVersionUID = 1L;

	/** SQLite's {@code SQLITE_CANTOPEN}. */
	private static final int SQLITE_CANTOPEN = 14;

	private final String problem;

	private final String fix;

	DatabaseUnreachableException(Target target, SQLException cause) {
		this(problem(target, cause), fix(target, cause), cause);
	}

	private DatabaseUnreachableException(String problem, String fix, SQLException cause) {
		super(problem + " To fix: " + fix, cause);
		this.problem = problem;
		this.fix = fix;
	}

	/** What happened: where Retort tried to connect and the driver's reason. */
	public String problem() {
		return this.problem;
	}

	/** What to change. */
	public String fix() {
		return this.fix;
	}

	private static String problem(Target target, SQLException cause) {
		String where = (target.url() != null) ? "the database at " + JdbcUrl.redacted(target.url())
				: "the application's database";
		String as = (target.user() != null && !target.user().isBlank()) ? " as user '" + target.user() + "'" : "";
		return "Cannot connect to " + where + as + ": " + reason(cause) + ".";
	}

	private static String reason(SQLException cause) {
		String message = (cause.getMessage() != null) ? cause.getMessage().strip() : cause.getClass().getName();
		return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
	}

	private static String fix(Target target, SQLException cause) {
		String state = (cause.getSQLState() != null) ? cause.getSQLState() : "";
		if (state.equals("3D000")) {
			return "create the database first (Retort creates its own tables in it, not the database itself)"
					+ createdb(target) + ", or point spring.datasource.url at a database that exists.";
		}
		if (state.startsWith("28")) {
			return "check spring.datasource.username and spring.datasource.password (or migrations.user and "
					+ "migrations.password where migrations connect as their own user).";
		}
		if (state.startsWith("08")) {
			return "check that the database server is running and accepts connections at the host and port of "
					+ "spring.datasource.url.";
		}
		if (cause.getErrorCode() == SQLITE_CANTOPEN && target.url() != null
				&& target.url().startsWith("jdbc:sqlite:")) {
			return "create the folder the database file goes in" + where(target.url())
					+ ", or point spring.datasource.url at a file this process may write.";
		}
		return "check spring.datasource.url, spring.datasource.username and spring.datasource.password.";
	}

	/** Where an SQLite URL's file is, and from where a relative path was taken. */
	private static String where(String url) {
		Optional<Path> given = JdbcUrl.sqlitePath(url);
		if (given.isEmpty()) {
			return "";
		}
		String relative = given.get().isAbsolute() ? ""
				: ": the URL's relative path is taken from the working directory, " + Path.of("").toAbsolutePath();
		return " (" + JdbcUrl.sqliteFile(url).orElseThrow() + relative + ")";
	}

	private static String createdb(Target target) {
		if (target.url() == null || !target.url().startsWith("jdbc:postgresql://")) {
			return "";
		}
		try {
			URI uri = URI.create(target.url().substring("jdbc:".length()));
			String name = (uri.getPath() != null) ? uri.getPath().replaceFirst("^/", "") : "";
			if (uri.getHost() == null || name.isEmpty()) {
				return "";
			}
			StringBuilder command = new StringBuilder(": createdb -h ").append(uri.getHost());
			if (uri.getPort() != -1) {
				command.append(" -p ").append(uri.getPort());
			}
			if (target.user() != null && !target.user().isBlank()) {
				command.append(" -U ").append(target.user());
			}
			return command.append(' ').append(name).toString();
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	/**
	 * Where the application connects, as its properties say; either may be unknown
	 * ({@code null}) when the application makes its own DataSource.
	 */
	record Target(String url, String user) {

	}

}
