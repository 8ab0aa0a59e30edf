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
import java.nio.file.attribute.PosixFilePermissions;
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
 * same snapshot (schema-only: the data of Retort's tables alone); verified by reading the
 * dump back with {@code pg_restore}; restored with {@code pg_restore --clean} in one
 * transaction.
 */
final class PostgresBackup implements BackupMethod {

	private static final Pattern COPY = Pattern.compile("^COPY (.+?) (?:\\(.*\\) )?FROM stdin;$");

	/** {@code 215; 1259 16386 TABLE public widgets postgres}: the part after the ids. */
	private static final Pattern CONTENTS_ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ (.+)$");

	/**
	 * The first object id {@code initdb} does not hand out: below it are the objects
	 * every database starts with ({@code plpgsql}, {@code public}), which {@code pg_dump}
	 * leaves out and a restore must keep.
	 */
	private static final int FIRST_NORMAL_OID = 16384;

	private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
			+ "AND n.nspname NOT LIKE 'pg\\_%'";

	/**
	 * An aggregate over no argument, which SQL and {@code pg_dump} write {@code name(*)}.
	 */
	private static final String NO_ARGUMENT_AGGREGATE = "p.prokind = 'a' AND p.pronargs = 0";

	/** A function's argument types as {@code pg_dump} names it in its tag. */
	private static final String ARGUMENTS = "CASE WHEN " + NO_ARGUMENT_AGGREGATE
			+ " THEN '*' ELSE pg_catalog.oidvectortypes(p.proargtypes) END";

	/** A cast's {@code (source AS target)}, as {@code pg_dump} names it. */
	private static final String CAST_TYPES = "'(' || pg_catalog.format_type(c.castsource, NULL) || ' AS ' || "
			+ "pg_catalog.format_type(c.casttarget, NULL) || ')'";

	/** The object is not a member of an extension (which restores its own). */
	private static String notAnExtensionMember(String catalog, String oid) {
		return "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = "
				+ oid + " AND d.deptype = 'e')";
	}

	/**
	 * Kind, schema, tag and quoted name of every object a restore replaces: relations,
	 * functions, procedures and aggregates, types and domains, operators (matched by
	 * name, as {@code pg_dump} tags them), collations and casts, but an extension's;
	 * schemas but {@code public}; extensions. A sequence a column owns goes with its
	 * table.
	 */
	private static final String OBJECTS = "SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' "
			+ "WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname, "
			+ "c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND " + USER_SCHEMA + " AND NOT EXISTS (SELECT 1 "
			+ "FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND (d.deptype = 'e' "
			+ "OR c.relkind = 'S' AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))) "
			+ "UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, "
			+ "n.nspname, p.proname || '(' || " + ARGUMENTS + " || ')', CASE WHEN " + NO_ARGUMENT_AGGREGATE
			+ " THEN pg_catalog.regexp_replace(p.oid::regprocedure::text, '\\(\\)$', '(*)') "
			+ "ELSE p.oid::regprocedure::text END "
			+ "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p', 'a') AND "
			+ USER_SCHEMA + " AND " + notAnExtensionMember("pg_proc", "p.oid") + " "
			+ "UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, t.typname, "
			+ "t.oid::regtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
			+ "WHERE (t.typtype IN ('e', 'd', 'r') OR t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c "
			+ "WHERE c.oid = t.typrelid AND c.relkind = 'c')) AND " + USER_SCHEMA + " AND "
			+ notAnExtensionMember("pg_type", "t.oid") + " "
			+ "UNION ALL SELECT 'OPERATOR', n.nspname, o.oprname, o.oid::regoperator::text FROM pg_operator o "
			+ "JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE " + USER_SCHEMA + " AND "
			+ notAnExtensionMember("pg_operator", "o.oid") + " "
			+ "UNION ALL SELECT 'COLLATION', n.nspname, c.collname, quote_ident(n.nspname) || '.' || "
			+ "quote_ident(c.collname) FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE "
			+ USER_SCHEMA + " AND c.oid >= " + FIRST_NORMAL_OID + " AND "
			+ notAnExtensionMember("pg_collation", "c.oid") + " UNION ALL SELECT 'CAST', '-', 'CAST ' || " + CAST_TYPES
			+ ", " + CAST_TYPES + " FROM pg_cast c WHERE c.oid >= " + FIRST_NORMAL_OID + " AND "
			+ notAnExtensionMember("pg_cast", "c.oid") + " "
			+ "UNION ALL SELECT 'SCHEMA', '-', n.nspname, quote_ident(n.nspname) FROM pg_namespace n WHERE "
			+ USER_SCHEMA + " AND n.nspname <> 'public' AND n.oid >= " + FIRST_NORMAL_OID + " AND "
			+ notAnExtensionMember("pg_namespace", "n.oid") + " "
			+ "UNION ALL SELECT 'EXTENSION', '-', e.extname, quote_ident(e.extname) FROM pg_extension e "
			+ "WHERE e.oid >= " + FIRST_NORMAL_OID + " ORDER BY 2, 1, 3";

	private final DataSource dataSource;

	private final PostgresConnection connection;

	private final String versionTable;

	private final String historyTable;

	private final Duration timeout;

	private final String searchPath;

	PostgresBackup(DataSource dataSource, PostgresConnection connection, String versionTable, String historyTable,
			Duration timeout, String searchPath) {
		this.dataSource = dataSource;
		this.connection = connection;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
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

	/**
	 * Dumps the database into {@code target} and says what it held; schema-only, with
	 * {@code --exclude-table-data} for every table but Retort's own.
	 */
	@Override
	public Snapshot take(Path target, BackupStrategy strategy) throws SQLException {
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
				List<String[]> tables = tables(source);
				Snapshot snapshot = read(source, tables);
				List<String> command = new ArrayList<>(
						List.of(pgDump.toString(), "--format=custom", "--no-password", "--snapshot=" + snapshotId));
				if (strategy == BackupStrategy.SCHEMA_ONLY) {
					Set<String> kept = retortsTables(source);
					Map<String, Long> counts = new TreeMap<>();
					for (String[] table : tables) {
						String name = table[0] + "." + table[1];
						if (kept.contains(name)) {
							counts.put(name, snapshot.rowCounts().get(name));
						}
						else {
							// in double quotes a pattern's characters are the name's own
							command.add("--exclude-table-data=" + quote(table[0]) + "." + quote(table[1]));
						}
					}
					snapshot = new Snapshot(snapshot.revisions(), counts);
				}
				run(command, target, "pg_dump", BackupException::new);
				return snapshot;
			}
			finally {
				source.rollback();
				source.setAutoCommit(autoCommit);
			}
		}
	}

	/**
	 * The version and history tables as {@code schema.table}, where the connection finds
	 * them.
	 */
	private Set<String> retortsTables(Connection source) throws SQLException {
		Set<String> tables = new LinkedHashSet<>();
		try (PreparedStatement statement = source.prepareStatement("SELECT n.nspname || '.' || c.relname "
				+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
			for (String table : List.of(this.versionTable, this.historyTable)) {
				statement.setString(1, quote(table));
				try (ResultSet rows = statement.executeQuery()) {
					if (rows.next()) {
						tables.add(rows.getString(1));
					}
				}
			}
		}
		return tables;
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

	/**
	 * Replaces the database's objects with the dump's, in one transaction: the dump's
	 * objects are dropped and recreated ({@code pg_restore --clean --if-exists}, written
	 * out as SQL), and the tables, views, sequences, functions, types, schemas and
	 * extensions the dump does not hold (created after the backup) are dropped first, so
	 * that the schema is the backup's. {@code psql --single-transaction} runs both, so a
	 * failure changes nothing.
	 */
	@Override
	public void restore(Path file) {
		Path pgRestore = tool("pg_restore", "nothing was restored");
		Path psql = tool("psql", "nothing was restored");
		// read back in full by the verification before this; its contents are all that
		// is needed here
		List<String> contents = contents(pgRestore, file);
		List<String> drops = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			for (DatabaseObject object : objects(connection)) {
				if (!object.isListedIn(contents)) {
					drops.add(object.drop());
				}
			}
		}
		catch (SQLException ex) {
			throw new RestoreException("Could not read the objects of " + this.connection.describe() + ": "
					+ ex.getMessage() + ". Nothing was restored.", ex);
		}
		Path directory = file.toAbsolutePath().getParent();
		Path dropScript = null;
		Path script = null;
		try {
			dropScript = ownerOnlyTemporary(directory, ".drop.sql");
			script = ownerOnlyTemporary(directory, ".restore.sql");
			Files.write(dropScript, drops, StandardCharsets.UTF_8);
			run(List.of(pgRestore.toString(), "--clean", "--if-exists", "--no-owner", "--file=" + script,
					file.toString()), null, "pg_restore", RestoreException::new);
			run(List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--no-password",
					"--dbname=" + this.connection.database(), "-f", dropScript.toString(), "-f", script.toString()),
					null, "psql", RestoreException::new);
		}
		catch (IOException ex) {
			throw new RestoreException("Could not write the restore script next to " + file + ": " + ex.getMessage()
					+ ". Nothing was restored.", ex);
		}
		finally {
			deleteQuietly(dropScript);
			deleteQuietly(script);
		}
	}

	/**
	 * The dump's table of contents ({@code pg_restore --list}): one entry per object,
	 * each {@code KIND schema name owner}, the ids before it left out.
	 */
	private List<String> contents(Path pgRestore, Path file) {
		ProcessBuilder builder = new ProcessBuilder(pgRestore.toString(), "--list", file.toString());
		List<String> contents = new ArrayList<>();
		String output = execute(builder, "pg_restore", (process) -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					Matcher entry = CONTENTS_ENTRY.matcher(line);
					if (entry.matches()) {
						contents.add(entry.group(1));
					}
				}
			}
			return null;
		}, RestoreException::new);
		if (output != null) {
			throw new RestoreException(
					"pg_restore could not list the contents of " + file + ": " + output + ". Nothing was restored. "
							+ "Check that this pg_restore is as new as the pg_dump that took the backup, "
							+ "or use another backup.",
					null);
		}
		return contents;
	}

	/**
	 * The database's tables, views, sequences (but those a column owns), functions,
	 * procedures, aggregates, types, operators, collations and casts outside the system
	 * schemas and extensions, its schemas and its extensions, named as {@code pg_dump}
	 * lists them: read with an empty search path, so that every name that needs its
	 * schema has it.
	 */
	private static List<DatabaseObject> objects(Connection source) throws SQLException {
		boolean autoCommit = source.getAutoCommit();
		source.setAutoCommit(false);
		try (Statement statement = source.createStatement()) {
			statement.execute("SET LOCAL search_path = ''");
			List<DatabaseObject> objects = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery(OBJECTS)) {
				while (rows.next()) {
					objects.add(new DatabaseObject(rows.getString(1), rows.getString(2), rows.getString(3),
							rows.getString(4)));
				}
			}
			return objects;
		}
		finally {
			source.rollback();
			source.setAutoCommit(autoCommit);
		}
	}

	/**
	 * An object of the database, as {@code pg_restore --list} would name it: {@code kind}
	 * ({@code TABLE}, {@code VIEW}, {@code FUNCTION}, …), {@code schema}, {@code tag}
	 * (the name; a function's with its argument types) and how to drop it.
	 */
	private record DatabaseObject(String kind, String schema, String tag, String qualified) {

		boolean isListedIn(List<String> contents) {
			String prefix = this.kind + " " + this.schema + " " + this.tag + " ";
			for (String entry : contents) {
				if (entry.startsWith(prefix) || entry.equals(prefix.stripTrailing())) {
					return true;
				}
			}
			return false;
		}

		/**
		 * {@code DROP … IF EXISTS … CASCADE}: what depends on it goes too, and whatever
		 * of that the dump holds, it recreates.
		 */
		String drop() {
			return "DROP " + this.kind + " IF EXISTS " + this.qualified + " CASCADE;";
		}

	}

	/** An empty file readable by its owner only: the restore script holds every row. */
	private static Path ownerOnlyTemporary(Path directory, String suffix) throws IOException {
		try {
			return Files.createTempFile(directory, ".retort-", suffix,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			return Files.createTempFile(directory, ".retort-", suffix);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// readable by its owner only, and nothing reads it again
			}
		}
	}

	/** The database's tables outside the system schemas and extensions: schema, name. */
	private static List<String[]> tables(Connection source) throws SQLException {
		List<String[]> tables = new ArrayList<>();
		try (Statement statement = source.createStatement();
				ResultSet rows = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_class c "
						+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND " + USER_SCHEMA + " "
						+ "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') "
						+ "ORDER BY 1, 2")) {
			while (rows.next()) {
				tables.add(new String[] { rows.getString(1), rows.getString(2) });
			}
		}
		return tables;
	}

	private Snapshot read(Connection source, List<String[]> tables) throws SQLException {
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
		// a JVM stopped by a signal (Ctrl-C, kill, a container's stop) stops the tool
		// too, instead of leaving it running without a parent
		try (ShutdownCleanup stopOnExit = ShutdownCleanup.open(tool)) {
			errors = stopOnExit.create(() -> Files.createTempFile("retort-" + tool, ".err"),
					PostgresBackup::deleteQuietly);
			builder.redirectError(errors.toFile());
			process = stopOnExit.create(builder::start, Process::destroyForcibly);
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
		catch (ShutdownCleanup.Stopping ex) {
			throw failure.apply(ex.getMessage() + "; it was not run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure.apply("Interrupted while " + tool + " was running", ex);
		}
		finally {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
			deleteQuietly(errors);
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
