package dev.retort.migration.reliability;

import java.nio.file.Path;

import dev.retort.migration.backup.BackupException;
import dev.retort.migration.backup.DatabaseBackup;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A process that backs up a PostgreSQL database into a folder, with the PostgreSQL tools
 * looked for on a given search path.
 * <p>
 * Arguments: the JDBC URL, the user, the password, the backup folder, the search path;
 * then {@code while-stopping} to ask for the backup only once the JVM has begun to shut
 * down (from a shutdown hook), printing what it was told.
 */
final class BackupProcess {

	private BackupProcess() {
	}

	public static void main(String[] args) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0]);
		dataSource.setUsername(args[1]);
		if (!args[2].isEmpty()) {
			dataSource.setPassword(args[2]);
		}
		DatabaseBackup backup = new DatabaseBackup(dataSource,
				DatabaseBackup.Options.defaults().withDirectory(Path.of(args[3])).withSearchPath(args[4]));
		if (args.length > 5 && args[5].equals("while-stopping")) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					System.out.println("backed up to " + backup.backup().file());
				}
				catch (BackupException ex) {
					System.out.println("refused: " + ex.getMessage());
				}
			}));
			return;
		}
		System.out.println("backed up to " + backup.backup().file());
	}

}
