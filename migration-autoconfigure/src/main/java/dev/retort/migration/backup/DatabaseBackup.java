package dev.retort.migration.backup;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.UnsupportedDatabaseException;

/**
 * Verified backups of a database, and restore from them. SQLite: {@code VACUUM INTO} with
 * writers held off; PostgreSQL: {@code pg_dump} in an exported snapshot. Every backup is
 * read back after writing and its per-table row counts compared with the source's,
 * counted in the same snapshot; only then does it get its name
 * ({@code database-revision-UTC time}) and a manifest next to it. Files are readable by
 * their owner only.
 */
public class DatabaseBackup {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final Options options;

	/**
	 * @param dataSource the database to back up and restore
	 * @param options where backups go and how the tools run
	 */
	public DatabaseBackup(DataSource dataSource, Options options) {
		this.dataSource = dataSource;
		this.options = options;
	}

	/** Takes a verified backup into the backup directory. */
	public BackupFile backup() {
		return backup(null);
	}

	/**
	 * Takes a verified backup.
	 * @param file where to write it; {@code null} for a name of database, revision and
	 * time in the backup directory
	 */
	public BackupFile backup(Path file) {
		return backup(file, this.options.strategy());
	}

	/**
	 * Takes a verified backup of what the strategy says.
	 * @param file where to write it; {@code null} for a name of database, revision and
	 * time in the backup directory
	 * @param strategy every row, or the schema and Retort's own rows only
	 */
	public BackupFile backup(Path file, BackupStrategy strategy) {
		Target target = target();
		Path directory = (file != null) ? file.toAbsolutePath().getParent() : target.directory();
		if (file != null && Files.exists(file)) {
			throw new BackupException(
					file.toAbsolutePath() + " already exists; choose another file or remove it first.");
		}
		Instant takenAt = this.options.clock().instant();
		// a name of its own: another process may be writing a backup of the same database
		// in the same millisecond
		String partialPrefix = "." + target.database() + "-" + STAMP.format(takenAt) + "-";
		// a JVM stopped by a signal while the copy is written leaves no partial file
		Path partial = null;
		try (ShutdownCleanup removeOnExit = ShutdownCleanup.open("the backup of " + target.describe())) {
			String fix = (file != null) ? "Choose a file in a directory Retort can write to."
					: "Set migrations.backup.directory to a directory Retort can write to.";
			partial = removeOnExit.create(() -> ownerOnlyTempFile(directory, partialPrefix, fix),
					(created) -> deleteQuietly(created, BackupManifest.of(created)));
			Snapshot source = target.method().take(partial, strategy);
			Snapshot copy = target.method().readBack(partial);
			if (!copy.rowCounts().equals(source.rowCounts())) {
				throw new BackupException("The " + ((strategy == BackupStrategy.SCHEMA_ONLY) ? "schema-only " : "")
						+ "backup of " + target.describe() + " did not verify: its row counts "
						+ differences(source.rowCounts(), copy.rowCounts()) + ". No backup was kept"
						+ (this.options.beforeUpgrade() ? " and the upgrade did not run" : "") + ".");
			}
			BackupManifest manifest = new BackupManifest(target.database(), target.dialect(), source.revisions(),
					takenAt, source.rowCounts(), BackupManifest.sha256(partial), strategy);
			Path manifestPartial = ownerOnlyFile(directory, partial.getFileName() + BackupManifest.SUFFIX, fix);
			Path chosen = null;
			try {
				manifest.write(manifestPartial);
				chosen = (file != null) ? reserve(file.toAbsolutePath())
						: reserveFreeName(directory,
								target.database() + "-" + manifest.revisionLabel() + "-" + STAMP.format(takenAt)
										+ ((strategy == BackupStrategy.SCHEMA_ONLY) ? "-schema-only" : ""),
								target.extension());
				move(partial, chosen);
				move(manifestPartial, BackupManifest.of(chosen));
			}
			catch (IOException | RuntimeException ex) {
				if (chosen != null && !Files.exists(BackupManifest.of(chosen))) {
					// the name was ours, reserved empty or holding a copy without its
					// manifest: no backup
					deleteQuietly(chosen);
				}
				throw ex;
			}
			finally {
				Files.deleteIfExists(manifestPartial);
			}
			return new BackupFile(chosen, manifest);
		}
		catch (SQLException | IOException ex) {
			// a full disk shows only as a write error: say what room the copy needs
			throw new BackupException("Could not back up " + target.describe() + ": " + ex.getMessage()
					+ ". Check that the database is reachable and that " + directory
					+ " is writable and has room for the copy" + target.method().roomNeeded() + ". No backup was kept"
					+ (this.options.beforeUpgrade() ? " and the upgrade did not run" : "")
					+ "; the database was not changed.", ex);
		}
		catch (ShutdownCleanup.Stopping ex) {
			throw new BackupException("The backup of " + target.describe() + " was stopped: the JVM is shutting down. "
					+ "No backup was kept" + (this.options.beforeUpgrade() ? " and the upgrade did not run" : "") + ".",
					ex);
		}
		finally {
			if (partial != null) {
				deleteQuietly(partial);
			}
		}
	}

	/**
	 * Claims a backup's name in the directory, created empty so that no other process
	 * takes it: {@code stem + extension}, or, when a backup of the same database,
	 * revision and millisecond is there (a restore's own backup right after one, two
	 * processes at once), {@code stem-2 + extension} and on.
	 */
	private static Path reserveFreeName(Path directory, String stem, String extension) throws IOException {
		for (int n = 1;; n++) {
			Path chosen = directory.resolve(stem + ((n > 1) ? "-" + n : "") + extension);
			if (Files.exists(BackupManifest.of(chosen))) {
				continue;
			}
			try {
				return Files.createFile(chosen);
			}
			catch (FileAlreadyExistsException ex) {
				// taken: try the next
			}
		}
	}

	/**
	 * Claims the file the backup was asked to go to; refused when it is there already.
	 */
	private static Path reserve(Path file) throws IOException {
		try {
			return Files.createFile(file);
		}
		catch (FileAlreadyExistsException ex) {
			throw new BackupException(file + " already exists; choose another file or remove it first.", ex);
		}
	}

	private static void deleteQuietly(Path... files) {
		for (Path file : files) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// the partial file's name says it is not a backup
			}
		}
	}

	/**
	 * The backups of this database in the backup directory (those whose manifest names
	 * its database and dialect), newest first.
	 */
	public List<BackupFile> list() {
		return listing().backups();
	}

	/**
	 * The backups of this database in the backup directory, newest first, and how many of
	 * other databases share it: one connection and one read of the directory.
	 */
	public Listing listing() {
		Target target = target();
		List<BackupFile> all = listAll(target.directory());
		List<BackupFile> own = all.stream()
			.filter((backup) -> backup.manifest().database().equals(target.database())
					&& backup.manifest().dialect().equals(target.dialect()))
			.toList();
		return new Listing(own, all.size() - own.size());
	}

	/**
	 * The backups in a directory that have a manifest, of any database (several may share
	 * it), newest first.
	 */
	private static List<BackupFile> listAll(Path directory) {
		List<BackupFile> backups = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return backups;
		}
		try (DirectoryStream<Path> manifests = Files.newDirectoryStream(directory, "*" + BackupManifest.SUFFIX)) {
			for (Path manifest : manifests) {
				String name = manifest.getFileName().toString();
				Path file = manifest.resolveSibling(name.substring(0, name.length() - BackupManifest.SUFFIX.length()));
				if (!name.startsWith(".") && Files.isRegularFile(file)) {
					backups.add(new BackupFile(file, BackupManifest.read(file)));
				}
			}
		}
		catch (IOException ex) {
			throw new BackupException("Could not list the backups in " + directory + ": " + ex.getMessage(), ex);
		}
		backups.sort(Comparator.comparing((BackupFile backup) -> backup.manifest().takenAt()).reversed());
		return backups;
	}

	/**
	 * Checks that a backup reads back as what its manifest says: the file's checksum,
	 * that the database reads back, the row count of every table.
	 * @throws InvalidBackupException when it does not
	 */
	public BackupFile verify(Path named) {
		Target target = target();
		Path file = locate(named, target.directory());
		if (!Files.isRegularFile(file)) {
			throw new InvalidBackupException("There is no backup file " + named.toAbsolutePath()
					+ ((named.getParent() == null
							&& !target.directory().resolve(named).toAbsolutePath().equals(named.toAbsolutePath()))
									? " (nor " + target.directory().resolve(named) + ")" : "")
					+ ". `migrate backup --list` shows the backups in " + target.directory() + ".");
		}
		BackupManifest manifest = BackupManifest.read(file);
		if (manifest != null && !manifest.dialect().equals(target.dialect())) {
			// before the format: a backup of the other database is not damaged
			throw new InvalidBackupException("The backup " + file + " is of a " + manifest.dialect()
					+ " database; it cannot be restored into " + target.describe() + ". Restore it with the "
					+ manifest.dialect() + " application's settings (its datasource URL).");
		}
		if (!target.method().looksLikeBackup(file)) {
			throw new InvalidBackupException(
					"The file " + file + " is not " + target.method().format() + ", so it cannot be restored into "
							+ target.describe() + ((manifest != null) ? " (its manifest says it was a backup of "
									+ manifest.database() + " at " + manifest.revisionLabel() + ": it is damaged)" : "")
							+ ".");
		}
		if (manifest != null) {
			requireChecksum(file, manifest, "after it was taken");
		}
		Snapshot copy = target.method().readBack(file);
		if (manifest != null && !copy.rowCounts().equals(manifest.rowCounts())) {
			throw new InvalidBackupException("The backup " + file + " does not hold what its manifest says: its row "
					+ "counts " + differences(manifest.rowCounts(), copy.rowCounts()) + ". Use another backup.");
		}
		return new BackupFile(file, manifest);
	}

	/**
	 * Verifies a backup, then replaces the database's content with it. SQLite, and any
	 * database restored from a schema-only backup: the current database is first kept as
	 * a full backup of its own.
	 * @return what was restored, and the full backup of the database as it was, or
	 * {@code null}
	 */
	public Restored restore(Path named) {
		return restoreVerified(verify(named));
	}

	/**
	 * Restores a backup {@link #verify(Path)} accepted (before asking whether to go on,
	 * say), once its file's checksum shows it unchanged since: reading a large dump back
	 * a second time would tell nothing more.
	 * @throws InvalidBackupException when the file changed after it was verified
	 */
	public Restored restore(BackupFile verified) {
		if (verified.manifest() == null) {
			// without a manifest only reading it back tells it is whole
			return restore(verified.file());
		}
		requireChecksum(verified.file(), verified.manifest(), "after it was verified");
		return restoreVerified(verified);
	}

	private Restored restoreVerified(BackupFile backup) {
		Path file = backup.file();
		BackupMethod method = target().method();
		// the rows the restore replaces (every row, from a schema-only backup) are kept
		// first: restoring the wrong file, or last week's, loses nothing
		BackupFile previous = backup(null, BackupStrategy.FULL);
		method.restore(file.toAbsolutePath());
		return new Restored(backup, previous);
	}

	private static void requireChecksum(Path file, BackupManifest manifest, String since) {
		String sha256;
		try {
			sha256 = BackupManifest.sha256(file);
		}
		catch (IOException ex) {
			throw new InvalidBackupException("Could not read the backup " + file + ": " + ex.getMessage(), ex);
		}
		if (!sha256.equals(manifest.sha256())) {
			throw new InvalidBackupException(
					"The backup " + file + " was changed or damaged " + since + ": its SHA-256 is " + sha256
							+ ", its manifest says " + manifest.sha256() + ". Use another backup.");
		}
	}

	/**
	 * A backup named by its file name alone, as {@code backup --list} shows it: in the
	 * working directory, else in the backup directory.
	 */
	private static Path locate(Path file, Path directory) {
		if (file.getParent() == null && !Files.exists(file) && Files.exists(directory.resolve(file))) {
			return directory.resolve(file);
		}
		return file;
	}

	/** Where backups go unless told otherwise. */
	public Path directory() {
		return target().directory();
	}

	/** The database backups are taken of, for messages and prompts. */
	public String describeDatabase() {
		return target().describe();
	}

	/** The database's name as backup manifests record it. */
	public String database() {
		return target().database();
	}

	private Target target() {
		try (Connection connection = this.dataSource.getConnection()) {
			BackupMethod method = method(connection);
			Path directory = (this.options.directory() != null) ? this.options.directory() : method.defaultDirectory();
			return new Target(method, directory.toAbsolutePath());
		}
		catch (SQLException ex) {
			throw new BackupException("Could not reach the database to back it up or restore it: " + ex.getMessage()
					+ ". Check that it is running and reachable.", ex);
		}
	}

	private static String differences(Map<String, Long> expected, Map<String, Long> actual) {
		List<String> differences = new ArrayList<>();
		for (String table : new TreeSet<>(
				Stream.concat(expected.keySet().stream(), actual.keySet().stream()).toList())) {
			Long want = expected.get(table);
			Long got = actual.get(table);
			if (!Objects.equals(want, got)) {
				differences.add(table + " " + ((want != null) ? want : "absent") + " in the database, "
						+ ((got != null) ? got : "absent") + " in the backup");
			}
		}
		return "differ: " + String.join("; ", differences.subList(0, Math.min(5, differences.size())))
				+ ((differences.size() > 5) ? "; and " + (differences.size() - 5) + " more" : "");
	}

	/** Moves a finished file over the name reserved for it. */
	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * A new owner-only file in the directory, named from the prefix and a random part.
	 */
	private static Path ownerOnlyTempFile(Path dir, String prefix, String fix) {
		try {
			Files.createDirectories(dir);
			try {
				return Files.createTempFile(dir, prefix, ".partial",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system (Windows): the directory's permissions apply
				return Files.createTempFile(dir, prefix, ".partial");
			}
		}
		catch (IOException ex) {
			throw cannotCreate(dir, fix, ex);
		}
	}

	private static Path ownerOnlyFile(Path dir, String name, String fix) {
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve(name);
			Files.deleteIfExists(file);
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
			throw cannotCreate(dir, fix, ex);
		}
	}

	private static BackupException cannotCreate(Path dir, String fix, IOException ex) {
		String why = (Files.exists(dir) && !Files.isDirectory(dir)) ? dir + " is a file, not a directory"
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return new BackupException("Could not create the backup file in " + dir + " (" + why + "). " + fix, ex);
	}

	/**
	 * How backups are taken.
	 *
	 * @param directory where backups go; {@code null} for next to the SQLite file, or the
	 * working directory for PostgreSQL
	 * @param password the password the PostgreSQL tools connect with, or {@code null}
	 * @param versionTable the version table, whose rows name a backup's revision
	 * @param historyTable the history table, whose rows a schema-only backup keeps too
	 * @param strategy what {@link #backup()} and before-upgrade backups hold
	 * @param timeout how long {@code pg_dump} and {@code pg_restore} may run
	 * @param searchPath where to look for the PostgreSQL tools, in the form of
	 * {@code PATH}
	 * @param clock the clock for file names and manifests
	 * @param beforeUpgrade whether the backups are taken before an upgrade (for messages)
	 */
	public record Options(Path directory, String password, String versionTable, String historyTable,
			BackupStrategy strategy, Duration timeout, String searchPath, Clock clock, boolean beforeUpgrade) {

		/** Defaults: next to the database, full, the process's PATH, one hour, UTC. */
		public static Options defaults() {
			return new Options(null, null, "migrations_version", "migrations_history", BackupStrategy.FULL,
					Duration.ofHours(1), System.getenv("PATH"), Clock.systemUTC(), false);
		}

		public Options withDirectory(Path directory) {
			return new Options(directory, this.password, this.versionTable, this.historyTable, this.strategy,
					this.timeout, this.searchPath, this.clock, this.beforeUpgrade);
		}

		public Options withPassword(String password) {
			return new Options(this.directory, password, this.versionTable, this.historyTable, this.strategy,
					this.timeout, this.searchPath, this.clock, this.beforeUpgrade);
		}

		public Options withVersionTable(String versionTable) {
			return new Options(this.directory, this.password, versionTable, this.historyTable, this.strategy,
					this.timeout, this.searchPath, this.clock, this.beforeUpgrade);
		}

		public Options withHistoryTable(String historyTable) {
			return new Options(this.directory, this.password, this.versionTable, historyTable, this.strategy,
					this.timeout, this.searchPath, this.clock, this.beforeUpgrade);
		}

		public Options withStrategy(BackupStrategy strategy) {
			return new Options(this.directory, this.password, this.versionTable, this.historyTable, strategy,
					this.timeout, this.searchPath, this.clock, this.beforeUpgrade);
		}

		public Options withTimeout(Duration timeout) {
			return new Options(this.directory, this.password, this.versionTable, this.historyTable, this.strategy,
					timeout, this.searchPath, this.clock, this.beforeUpgrade);
		}

		public Options withSearchPath(String searchPath) {
			return new Options(this.directory, this.password, this.versionTable, this.historyTable, this.strategy,
					this.timeout, searchPath, this.clock, this.beforeUpgrade);
		}

		public Options withClock(Clock clock) {
			return new Options(this.directory, this.password, this.versionTable, this.historyTable, this.strategy,
					this.timeout, this.searchPath, clock, this.beforeUpgrade);
		}

		public Options forUpgrades() {
			return new Options(this.directory, this.password, this.versionTable, this.historyTable, this.strategy,
					this.timeout, this.searchPath, this.clock, true);
		}

	}

	/**
	 * A restore.
	 *
	 * @param restored the backup the database now holds
	 * @param previous a full backup of the database as it was before the restore
	 */
	public record Restored(BackupFile restored, BackupFile previous) {

	}

	/** The way the database behind the connection is backed up, chosen by its dialect. */
	private BackupMethod method(Connection connection) throws SQLException {
		String url = connection.getMetaData().getURL();
		String dialect;
		try {
			dialect = Dialects.of(connection).name();
		}
		catch (UnsupportedDatabaseException ex) {
			throw new BackupException(
					ex.getMessage() + " Turn off migrations.backup.before-upgrade or back it up " + "yourself.", ex);
		}
		return switch (dialect) {
			case "sqlite" -> new SqliteBackup(this.dataSource, SqliteBackup.databaseFile(url),
					this.options.versionTable(), this.options.historyTable());
			case "postgresql" -> new PostgresBackup(this.dataSource,
					PostgresConnection.of(url, connection.getMetaData().getUserName(), this.options.password()),
					this.options.versionTable(), this.options.historyTable(), this.options.timeout(),
					this.options.searchPath());
			default -> throw new BackupException("Retort cannot back up " + dialect + " databases yet; "
					+ "turn off migrations.backup.before-upgrade or back it up yourself.");
		};
	}

	/**
	 * The database backups are taken of, and where they go.
	 *
	 * @param method how it is backed up
	 * @param directory where its backups go
	 */
	private record Target(BackupMethod method, Path directory) {

		String database() {
			return this.method.database();
		}

		String dialect() {
			return this.method.dialect();
		}

		String extension() {
			return this.method.extension();
		}

		String describe() {
			return this.method.describe();
		}

	}

	/**
	 * This database's backups in the backup directory, newest first, and the number of
	 * other databases' backups there.
	 */
	public record Listing(List<BackupFile> backups, int others) {

	}

}
