package dev.retort.migration.dialect;

/**
 * What an offline script prints when it stops at its start because the database's version
 * table does not hold the revisions the script starts from. A database whose scripts can
 * put the table's rows into the error (PostgreSQL) passes them; one whose error is fixed
 * text (SQLite) passes {@code null}.
 */
public interface VersionCheckMessage {

	/**
	 * What is wrong.
	 * @param current the revisions the database is at ({@code a1, b2}, or {@code base}),
	 * or {@code null} when the script cannot tell
	 */
	String error(String current);

	/**
	 * What to do.
	 * @param currentRange the same revisions as the lower end of a range ({@code a1,b2},
	 * or {@code base}), or {@code null} when the script cannot tell
	 */
	String hint(String currentRange);

}
