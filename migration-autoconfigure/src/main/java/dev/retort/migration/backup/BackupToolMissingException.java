package dev.retort.migration.backup;

/**
 * A PostgreSQL client tool that a backup or restore runs ({@code pg_dump},
 * {@code pg_restore}) is not on the PATH.
 */
public class BackupToolMissingException extends BackupException {

	private static final long serialVersionUID = 1L;

	public BackupToolMissingException(String tool, String what) {
		super(tool + " is not on the PATH, so " + what + ". Install the PostgreSQL client tools (Debian/Ubuntu: "
				+ "apt-get install postgresql-client; the same major version as the server or newer) or put them on "
				+ "the PATH of this process.");
	}

}
