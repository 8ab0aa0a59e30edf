package dev.retort.migration.backup;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * How one kind of database is backed up, verified and restored: the one place each
 * database's way differs, so that {@link DatabaseBackup} has no per-database branches.
 */
sealed interface BackupMethod permits SqliteBackup, PostgresBackup {

	/** The dialect the backups are of, as the manifest records it. */
	String dialect();

	/** The database's name, for backup file names. */
	String database();

	/**
	 * The database for messages and prompts, e.g. {@code SQLite database /app/data.db}.
	 */
	String describe();

	/** Where backups go unless configured: next to an SQLite file, else here. */
	Path defaultDirectory();

	/** The backup files' extension. */
	String extension();

	/** What a backup file of this database is, for messages: "an SQLite database". */
	String format();

	/**
	 * Roughly how much room a backup needs, for the message when writing it fails, e.g.
	 * {@code " (about 3 MB, the size of the database)"}; empty when it cannot be told.
	 */
	default String roomNeeded() {
		return "";
	}

	/** Whether the file starts as this database's backups do. */
	boolean looksLikeBackup(Path file);

	/**
	 * Copies the database into {@code target} (an empty file) and says what the copy must
	 * hold: the database's revisions, and the rows of every table it copied (schema-only:
	 * of Retort's version and history tables alone), counted in the snapshot it copied.
	 */
	Snapshot take(Path target, BackupStrategy strategy) throws SQLException;

	/**
	 * Reads a backup back and says what it holds.
	 * @throws InvalidBackupException when it does not read back
	 */
	Snapshot readBack(Path file);

	/** Replaces the database's content with the backup's. */
	void restore(Path file);

}
