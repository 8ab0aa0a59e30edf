package dev.retort.migration.dialect.sqlite;

import java.nio.file.Path;

/**
 * The SQL SQLite uses to copy a live database to a file.
 */
public final class SqliteBackupStatements {

	private SqliteBackupStatements() {
	}

	/**
	 * {@code VACUUM INTO 'file'}: a consistent, compacted copy of the main database.
	 */
	public static String vacuumInto(Path file) {
		return "VACUUM INTO " + new SqliteDialect().literal(file.toAbsolutePath().toString());
	}

}
