package dev.retort.migration.backup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * PostgreSQL backups with the server's own tools: {@code pg_dump} (custom format) in a
 * snapshot exported from a repeatable-read transaction, whose row counts are read in the
 * same snapshot; verified by reading the dump back with {@code pg_restore}; restored with
 * {@code pg_restore --clean} in one transaction.
 */
final class PostgresBackup implements BackupMethod {

	private static final Pattern COPY = Pattern.compile("^COPY (.+?) (?:\\(.*\\) )?FROM stdin;$");

	private final DataSource dataSource;

	private final PostgresConnection connection;

	private final String versionTable;

	private final Duration timeout;

	private final String searchPath;

	PostgresBackup(DataSource dataSource, PostgresConnection connection, String versionTable, Duration timeout,
			String searchPath) {
		this.dataSource = dataSource;
		this.connection = connection;
		this.versionTable = versionTable;
		this.timeout = timeout;
		this.searchPath = searchPath;
	}

	PostgresConnection connection() {
		return this.connection;
	}

	@Override
	public String dialect() {
		return "postgresql";
	}

	@Override
	public String database() {
		return this.connection.database();
	}

	@Override
	public String describe() {
		return "PostgreSQL database " + this.connection.describe();
	}

	@Override
	public Path defaultDirectory() {
		return Path.of("");
	}

	@Override
	public String extension() {
		return ".dump";
	}

	@Override
	public String format() {
		return "a pg_dump custom-format dump";
	}

	@Override
	public boolean looksLikeBackup(Path file) {
		return looksLikeDump(file);
	}

	@Override
	public boolean replacesDatabase() {
		return false;
	}

	/** Dumps the database into {@code target} and says what it held. */
	@Override
	public Snapshot take(Path target) throws SQLException {
		Path pgDump = tool("pg_dump", "no backup was taken");
		try (Connection source = this.dataSource.getConnection()) {
			boolean autoCommit = source.getAutoCommit();
			source.setAutoCommit(false);
			try (Statement statement = source.createStatement()) {
				statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
				String snapshotId;
				try (ResultSet rows = statement.executeQuery("SELECT pg_export_snapshot()")) {
					rows.next();
					snapshotId = rows.getString(1);
				}
				Snapshot snapshot = read(source);
				run(List.of(pgDump.toString(), "--format=custom", "--no-password", "--snapshot=" + snapshotId), target,
						"pg_dump", BackupException::new);
				return snapshot;
			}
			finally {
				source.rollback();
				source.setAutoCommit(autoCommit);
			}
		}
	}

	/**
	 * Reads a dump back with {@code pg_restore} and counts the rows of each table in it.
	 * @throws InvalidBackupException when {@code pg_restore} cannot read it
	 */
	@Override
	public Snapshot readBack(Path file) {
		Path pgRestore = tool("pg_restore", "the backup cannot be read back");
		ProcessBuilder builder = new ProcessBuilder(pgRestore.toString(), "--data-only", "--file=-", file.toString());
		Map<String, Long> counts = new TreeMap<>();
		Set<String> revisions = new LinkedHashSet<>();
		String output = execute(builder, "pg_restore", (process) -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String table = null;
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (table == null) {
						Matcher copy = COPY.matcher(line);
						if (copy.matches()) {
							table = unquote(copy.group(1));
							counts.put(table, 0L);
						}
					}
					else if (line.equals("\\.")) {
						table = null;
					}
					else {
						counts.merge(table, 1L, Long::sum);
						if (table.endsWith("." + this.versionTable)) {
							revisions.add(line.split("\t", -1)[0]);
						}
					}
				}
			}
			return null;
		}, InvalidBackupException::new);
		if (output != null) {
			throw new InvalidBackupException("The backup " + file + " does not read back as a PostgreSQL dump: "
					+ "pg_restore said: " + output + " Use another backup.");
		}
		return new Snapshot(revisions, counts);
	}

	/** Replaces the database's objects with the dump's, in one transaction. */
	@Override
	public void restore(Path file) {
		Path pgRestore = tool("pg_restore", "nothing was restored");
		run(List.of(pgRestore.toString(), "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
				"--no-owner", "--no-password", "--dbname=" + this.connection.database(), file.toString()), null,
				"pg_restore", RestoreException::new);
	}

	private Snapshot read(Connection source) throws SQLException {
		List<String[]> tables = new ArrayList<>();
		try (Statement statement = source.createStatement();
				ResultSet rows = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_class c "
						+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' "
						+ "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
						+ "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') "
						+ "ORDER BY 1, 2")) {
			while (rows.next()) {
				tables.add(new String[] { rows.getString(1), rows.getString(2) });
			}
		}
		Map<String, Long> counts = new TreeMap<>();
		try (Statement statement = source.createStatement()) {
			for (String[] table : tables) {
				try (ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM ONLY " + quote(table[0]) + "." + quote(table[1]))) {
					rows.next();
					counts.put(table[0] + "." + table[1], rows.getLong(1));
				}
			}
		}
		Set<String> revisions = new LinkedHashSet<>();
		String regclass;
		try (PreparedStatement statement = source.prepareStatement("SELECT to_regclass(?)::text")) {
			statement.setString(1, quote(this.versionTable));
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				regclass = rows.getString(1);
			}
		}
		if (regclass != null) {
			try (Statement statement = source.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT version_num FROM " + regclass + " ORDER BY version_num")) {
				while (rows.next()) {
					revisions.add(rows.getString(1));
				}
			}
		}
		return new Snapshot(revisions, counts);
	}

	/**
	 * Runs a tool, its stdout to {@code output} (or discarded); fails with its stderr.
	 */
	private void run(List<String> command, Path output, String tool,
			BiFunction<String, Throwable, ? extends RuntimeException> failure) {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectOutput(
				(output != null) ? ProcessBuilder.Redirect.to(output.toFile()) : ProcessBuilder.Redirect.DISCARD);
		String errors = execute(builder, tool, null, failure);
		if (errors != null) {
			throw failure.apply(tool + " failed on " + this.connection.describe() + ": " + errors, null);
		}
	}

	/**
	 * Runs a process with the connection's environment, its stderr into a temporary file
	 * so that nothing blocks and the timeout fires; {@code stdout} reads its output when
	 * given.
	 * @return {@code null} when it succeeded, else what it printed on stderr
	 */
	private String execute(ProcessBuilder builder, String tool, StdoutReader stdout,
			BiFunction<String, Throwable, ? extends RuntimeException> failure) {
		builder.environment().putAll(this.connection.environment());
		Path errors = null;
		Process process = null;
		try {
			errors = Files.createTempFile("retort-" + tool, ".err");
			builder.redirectError(errors.toFile());
			process = builder.start();
			Process started = process;
			CompletableFuture<Void> reading = (stdout != null) ? CompletableFuture.runAsync(() -> {
				try {
					stdout.read(started);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}) : CompletableFuture.completedFuture(null);
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw failure.apply(tool + " did not finish within " + this.timeout + " on "
						+ this.connection.describe() + " and was stopped. Raise migrations.backup.timeout, or "
						+ "check what holds the database.", null);
			}
			reading.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (process.exitValue() != 0) {
				String printed = Files.readString(errors, StandardCharsets.UTF_8).strip();
				return printed.isEmpty() ? "exit code " + process.exitValue() : printed;
			}
			return null;
		}
		catch (IOException | ExecutionException | TimeoutException ex) {
			throw failure.apply("Could not run " + tool + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure.apply("Interrupted while " + tool + " was running", ex);
		}
		finally {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
			if (errors != null) {
				try {
					Files.deleteIfExists(errors);
				}
				catch (IOException ex) {
					// a temporary file: the system cleans it up
				}
			}
		}
	}

	private Path tool(String program, String consequence) {
		if (this.searchPath != null) {
			for (String entry : this.searchPath.split(File.pathSeparator)) {
				Path candidate = Path.of(entry, program);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		throw new BackupToolMissingException(program, consequence);
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** {@code public."My Table"} as {@code public.My Table}. */
	private static String unquote(String name) {
		StringBuilder plain = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
					plain.append('"');
					i++;
				}
				else {
					quoted = !quoted;
				}
			}
			else {
				plain.append(c);
			}
		}
		return plain.toString();
	}

	static boolean looksLikeDump(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("PGDMP");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@FunctionalInterface
	private interface StdoutReader {

		Void read(Process process) throws IOException;

	}

}
