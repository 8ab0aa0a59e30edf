package dev.retort.migration.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.retort.migration.dialect.sqlite.SqliteBackupStatements;

/**
 * Copies a database to a timestamped file that only its owner can read: SQLite with
 * {@code VACUUM INTO}, PostgreSQL with {@code pg_dump} (which must be on the PATH).
 */
public class DatabaseBackup {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final Path directory;

	private final String password;

	private final Clock clock;

	private final String searchPath;

	/**
	 * @param dataSource the database to back up
	 * @param directory where backups go; {@code null} for next to the SQLite file, or the
	 * working directory for PostgreSQL
	 * @param password the password {@code pg_dump} connects with, or {@code null}
	 * @param clock the clock for file names
	 */
	public DatabaseBackup(DataSource dataSource, Path directory, String password, Clock clock) {
		this(dataSource, directory, password, clock, System.getenv("PATH"));
	}

	/**
	 * @param dataSource the database to back up
	 * @param directory where backups go, or {@code null}
	 * @param password the password {@code pg_dump} connects with, or {@code null}
	 * @param clock the clock for file names
	 * @param searchPath where to look for {@code pg_dump}, in the form of {@code PATH}
	 */
	public DatabaseBackup(DataSource dataSource, Path directory, String password, Clock clock, String searchPath) {
		this.dataSource = dataSource;
		this.directory = directory;
		this.password = password;
		this.clock = clock;
		this.searchPath = searchPath;
	}

	/** Takes a backup and returns its file. */
	public Path backup() {
		try (Connection connection = this.dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			String url = connection.getMetaData().getURL();
			if (product.contains("sqlite")) {
				return sqlite(connection, url);
			}
			if (product.contains("postgres")) {
				return postgres(url, connection.getMetaData().getUserName());
			}
			throw new BackupException("Retort cannot back up " + product + " databases yet; "
					+ "turn off migrations.backup.before-upgrade or back it up yourself.");
		}
		catch (SQLException ex) {
			throw new BackupException(
					"Could not back up the database: " + ex.getMessage()
							+ ". Check that the database is reachable and migrations.backup.directory is writable.",
					ex);
		}
	}

	private Path sqlite(Connection connection, String url) throws SQLException {
		String database = url.substring("jdbc:sqlite:".length());
		int query = database.indexOf('?');
		database = (query >= 0) ? database.substring(0, query) : database;
		database = database.startsWith("file:") ? database.substring("file:".length()) : database;
		if (database.isEmpty() || database.contains(":memory:") || database.contains("mode=memory")) {
			throw new BackupException("An in-memory SQLite database (" + url + ") cannot be backed up; "
					+ "turn off migrations.backup.before-upgrade.");
		}
		Path source = Path.of(database).toAbsolutePath();
		String name = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		Path dir = (this.directory != null) ? this.directory : source.getParent();
		Path file = ownerOnlyFile(dir, name + "-" + STAMP.format(this.clock.instant()) + ".backup.db");
		try (Statement statement = connection.createStatement()) {
			statement.execute(SqliteBackupStatements.vacuumInto(file));
		}
		return file;
	}

	private Path postgres(String url, String user) {
		Path pgDump = findOnPath("pg_dump", this.searchPath);
		if (pgDump == null) {
			throw new BackupException("migrations.backup.before-upgrade is on but pg_dump is not on the PATH, "
					+ "so the upgrade did not run. Install the PostgreSQL client tools (e.g. postgresql-client), "
					+ "or back up the database yourself and turn the property off.");
		}
		String rest = url.substring("jdbc:postgresql://".length());
		int query = rest.indexOf('?');
		String hostAndDatabase = (query >= 0) ? rest.substring(0, query) : rest;
		String database = hostAndDatabase.substring(hostAndDatabase.indexOf('/') + 1);
		Path dir = (this.directory != null) ? this.directory : Path.of("").toAbsolutePath();
		Path file = ownerOnlyFile(dir, database + "-" + STAMP.format(this.clock.instant()) + ".dump");
		List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-password",
				"--file=" + file, "--dbname=postgresql://" + hostAndDatabase));
		if (user != null) {
			command.add("--username=" + user);
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (this.password != null) {
			builder.environment().put("PGPASSWORD", this.password);
		}
		try {
			Process process = builder.start();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
			}
			if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
				throw new BackupException("pg_dump failed, so the upgrade did not run: " + output);
			}
			return file;
		}
		catch (IOException ex) {
			throw new BackupException("Could not run pg_dump: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackupException("Interrupted while pg_dump was running", ex);
		}
	}

	private static Path ownerOnlyFile(Path dir, String name) {
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve(name);
			try {
				return Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system (Windows): the directory's permissions apply
				return Files.createFile(file);
			}
		}
		catch (IOException ex) {
			throw new BackupException("Could not create the backup file in " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static Path findOnPath(String program, String path) {
		if (path == null) {
			return null;
		}
		for (String entry : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(entry, program);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
