package dev.retort.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.retort.migration.backup.BackupFile;
import dev.retort.migration.backup.DatabaseBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "backup",
		description = "Back up the database to a file only its owner can read (SQLite: VACUUM INTO; PostgreSQL: "
				+ "pg_dump), verified by reading it back and comparing every table's row count.")
final class BackupCommand extends MigrateSubcommand {

	@Option(names = { "-o", "--output" }, paramLabel = "FILE",
			description = "Where to write the backup (default: a file named with the database, revision and UTC "
					+ "time in migrations.backup.directory, or next to the SQLite file).")
	Path output;

	@Option(names = "--list", description = "List the backups in the backup directory instead, newest first.")
	boolean list;

	BackupCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		DatabaseBackup backups = this.session.backups();
		if (this.list) {
			List<BackupFile> found = backups.list();
			if (found.isEmpty()) {
				out().println("No backups of " + backups.describeDatabase() + " in " + backups.directory() + ".");
			}
			found.forEach((backup) -> out().println(backup.describe()));
			return MigrateCommand.OK;
		}
		if (this.output != null && Files.exists(this.output)) {
			throw new ParameterException(this.spec.commandLine(),
					this.output.toAbsolutePath() + " already exists; choose another file or remove it first.");
		}
		BackupFile backup = backups.backup(this.output);
		long rows = backup.manifest().rowCounts().values().stream().mapToLong(Long::longValue).sum();
		out().println("Backed up the database at " + backup.manifest().revisionLabel() + " to " + backup.file()
				+ " (verified: " + backup.manifest().rowCounts().size() + " tables, " + rows + " rows)");
		return MigrateCommand.OK;
	}

}
