package dev.retort.migration.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.retort.migration.dialect.JdbcUrl;
import dev.retort.migration.dialect.sqlite.SqliteBackupStatements;

/**
 * SQLite backups: {@code VACUUM INTO} while the source's writers are held off, so that
 * the row counts read from the source belong to the same state as the copy (a schema-only
 * backup then empties the copy's tables but Retort's own); restore through SQLite's
 * online backup API, which replaces the database's pages in one locked step.
 */
final class SqliteBackup implements BackupMethod {

	private final DataSource dataSource;

	private final Path database;

	private final String versionTable;

	private final String historyTable;

	SqliteBackup(DataSource dataSource, Path database, String versionTable, String historyTable) {
		this.dataSource = dataSource;
		this.database = database;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
	}

	/** The database file behind a JDBC URL. */
	static Path databaseFile(String url) {
		return JdbcUrl.sqliteFile(url)
			.orElseThrow(() -> new BackupException("An in-memory SQLite database (" + url + ") cannot be backed up; "
					+ "turn off migrations.backup.before-upgrade."));
	}

	Path file() {
		return this.database;
	}

	@Override
	public String dialect() {
		return "sqlite";
	}

	@Override
	public String database() {
		return this.database.getFileName().toString().replaceFirst("\\.[^.]*$", "");
	}

	@Override
	public String describe() {
		return "SQLite database " + this.database;
	}

	@Override
	public Path defaultDirectory() {
		return this.database.getParent();
	}

	@Override
	public String extension() {
		return ".backup.db";
	}

	@Override
	public String format() {
		return "an SQLite database";
	}

	@Override
	public String roomNeeded() {
		try {
			long megabytes = Math.max(1, Math.round(Files.size(this.database) / (1024.0 * 1024.0)));
			return " (about " + megabytes + " MB, the size of the database)";
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public boolean looksLikeBackup(Path file) {
		return looksLikeSqlite(file);
	}

	@Override
	public Snapshot take(Path target, BackupStrategy strategy) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			// IMMEDIATE: no other connection writes until the copy and the counts are
			// done
			statement.execute("BEGIN IMMEDIATE");
			try {
				Snapshot snapshot = read(connection, this.versionTable);
				try (Connection copier = DriverManager.getConnection("jdbc:sqlite:" + this.database);
						Statement copy = copier.createStatement()) {
					copy.execute(SqliteBackupStatements.vacuumInto(target));
				}
				catch (SQLException ex) {
					// a copy that could not be written leaves its rollback journal behind
					deleteQuietly(target.resolveSibling(target.getFileName() + "-journal"));
					throw ex;
				}
				return (strategy == BackupStrategy.SCHEMA_ONLY) ? emptyTables(target, snapshot) : snapshot;
			}
			finally {
				statement.execute("ROLLBACK");
			}
		}
	}

	/**
	 * Empties every table of the copy but Retort's own, then compacts it so that no
	 * deleted row stays in its free pages. Triggers are set aside meanwhile, so that
	 * emptying a table writes nothing elsewhere; a virtual table is emptied through its
	 * module (its shadow tables hold what the module keeps for an empty table);
	 * {@code ANALYZE}'s statistics, which can hold sampled values, go too.
	 * @return what the copy must hold: the source's revisions and rows of Retort's
	 * tables, no row in any other table
	 */
	private Snapshot emptyTables(Path copy, Snapshot source) throws SQLException {
		String table = null;
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
				Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA foreign_keys = OFF");
			Map<String, String> triggers = new LinkedHashMap<>();
			try (ResultSet rows = statement
				.executeQuery("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid")) {
				while (rows.next()) {
					triggers.put(rows.getString(1), rows.getString(2));
				}
			}
			List<String> tables = new ArrayList<>();
			List<String> statistics = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery("SELECT name FROM pragma_table_list WHERE schema = 'main' "
					+ "AND type IN ('table', 'virtual') ORDER BY name")) {
				while (rows.next()) {
					String name = rows.getString(1);
					if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_stat")) {
						// ANALYZE's statistics: sqlite_stat4 keeps sample values of rows
						statistics.add(name);
					}
					else if (!name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
						tables.add(name);
					}
				}
			}
			statement.execute("BEGIN");
			for (String trigger : triggers.keySet()) {
				statement.execute("DROP TRIGGER " + quote(trigger));
			}
			for (String name : tables) {
				if (!isRetorts(name)) {
					table = name;
					statement.execute("DELETE FROM " + quote(name));
				}
			}
			table = null;
			for (String name : statistics) {
				statement.execute("DELETE FROM " + quote(name));
			}
			for (String sql : triggers.values()) {
				statement.execute(sql);
			}
			statement.execute("COMMIT");
			statement.execute("VACUUM");
			Snapshot emptied = read(connection, this.versionTable);
			Map<String, Long> expected = new TreeMap<>(emptied.rowCounts());
			for (String name : tables) {
				expected.put(name, isRetorts(name) ? source.rowCounts().get(name) : 0L);
			}
			return new Snapshot(source.revisions(), expected);
		}
		catch (SQLException ex) {
			if (table == null) {
				throw ex;
			}
			throw new SQLException("the table " + table + " could not be emptied for a schema-only backup ("
					+ ex.getMessage() + "); take a full backup instead", ex);
		}
	}

	private boolean isRetorts(String table) {
		return table.equals(this.versionTable) || table.equals(this.historyTable);
	}

	/**
	 * Opens a backup read-only, checks its integrity and counts its rows.
	 * @throws InvalidBackupException when it is not a sound SQLite database
	 */
	@Override
	public Snapshot readBack(Path file) {
		return readBack(file, this.versionTable);
	}

	static Snapshot readBack(Path file, String versionTable) {
		Properties readOnly = new Properties();
		// sqlite-jdbc's open_mode: SQLITE_OPEN_READONLY, so that reading never changes it
		readOnly.setProperty("open_mode", "1");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly);
				Statement statement = connection.createStatement()) {
			List<String> problems = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
				while (rows.next()) {
					if (!"ok".equalsIgnoreCase(rows.getString(1))) {
						problems.add(rows.getString(1));
					}
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidBackupException("The backup " + file + " is damaged (SQLite integrity check: "
						+ String.join("; ", problems.subList(0, Math.min(3, problems.size())))
						+ "). Use another backup.");
			}
			return read(connection, versionTable);
		}
		catch (SQLException ex) {
			throw new InvalidBackupException("The backup " + file + " does not read back as an SQLite database ("
					+ ex.getMessage() + "). Use another backup.", ex);
		}
	}

	@Override
	public void restore(Path file) {
		String quoted = file.toAbsolutePath().toString();
		if (quoted.contains("\"")) {
			throw new RestoreException("Cannot restore from a path with a double quote in it: " + file
					+ ". Move the backup to a plainer path.");
		}
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			// sqlite-jdbc runs this through SQLite's online backup API, locked and atomic
			statement.executeUpdate("restore from \"" + quoted + "\"");
		}
		catch (SQLException ex) {
			String busy = (ex.getMessage() != null && ex.getMessage().contains("BUSY"))
					? " Another connection is writing to the database: stop the application (or what writes) and "
							+ "run the restore again."
					: "";
			throw new RestoreException("Could not restore " + this.database + " from " + file + ": " + ex.getMessage()
					+ "." + busy + " The database was not changed.", ex);
		}
	}

	private static Snapshot read(Connection connection, String versionTable) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' "
						+ "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		Map<String, Long> counts = new TreeMap<>();
		Set<String> revisions = new LinkedHashSet<>();
		try (Statement statement = connection.createStatement()) {
			for (String table : tables) {
				try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quote(table))) {
					rows.next();
					counts.put(table, rows.getLong(1));
				}
			}
			if (tables.contains(versionTable)) {
				try (ResultSet rows = statement
					.executeQuery("SELECT version_num FROM " + quote(versionTable) + " ORDER BY version_num")) {
					while (rows.next()) {
						revisions.add(rows.getString(1));
					}
				}
			}
		}
		return new Snapshot(revisions, counts);
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static boolean looksLikeSqlite(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] header = in.readNBytes(16);
			return new String(header, StandardCharsets.US_ASCII).startsWith("SQLite format 3");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// its name says it is not a backup
		}
	}

}
