package dev.retort.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.retort.migration.backup.BackupFile;
import dev.retort.migration.backup.BackupStrategy;
import dev.retort.migration.backup.DatabaseBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "backup",
		description = "Back up the database to a file only its owner can read (SQLite: VACUUM INTO; PostgreSQL: "
				+ "pg_dump), verified by reading it back and comparing every table's row count. What it holds is "
				+ "migrations.backup.strategy (full unless set) or --full / --schema-only.")
final class BackupCommand extends MigrateSubcommand {

	@Option(names = { "-o", "--output" }, paramLabel = "FILE",
			description = "Where to write the backup (default: a file named with the database, revision and UTC "
					+ "time in migrations.backup.directory, or next to the SQLite file).")
	Path output;

	@Option(names = "--list", description = "List the backups in the backup directory instead, newest first.")
	boolean list;

	@Option(names = "--schema-only",
			description = "Back up the schema, with the rows of Retort's version and history tables alone "
					+ "(every other table is empty in the backup).")
	boolean schemaOnly;

	@Option(names = "--full", description = "Back up every row, whatever migrations.backup.strategy says.")
	boolean full;

	BackupCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		DatabaseBackup backups = this.session.backups();
		if (this.list) {
			DatabaseBackup.Listing listing = backups.listing();
			if (listing.backups().isEmpty()) {
				out().println("No backups of " + backups.describeDatabase() + " in " + backups.directory() + ".");
			}
			listing.backups().forEach((backup) -> out().println(backup.describe()));
			int others = listing.others();
			if (others > 0) {
				out().println("(" + others + " backup" + ((others == 1) ? "" : "s") + " of other databases in "
						+ backups.directory() + " not listed)");
			}
			return MigrateCommand.OK;
		}
		if (this.schemaOnly && this.full) {
			throw new ParameterException(this.spec.commandLine(),
					"--schema-only and --full contradict each other; give one of them.");
		}
		if (this.output != null && Files.exists(this.output)) {
			throw new ParameterException(this.spec.commandLine(),
					this.output.toAbsolutePath() + " already exists; choose another file or remove it first.");
		}
		BackupFile backup = (this.schemaOnly || this.full)
				? backups.backup(this.output, this.schemaOnly ? BackupStrategy.SCHEMA_ONLY : BackupStrategy.FULL)
				: backups.backup(this.output);
		out().println("Backed up the database at " + backup.manifest().revisionLabel() + " to " + backup.file()
				+ " (verified: " + backup.manifest().contents() + ")");
		return MigrateCommand.OK;
	}

}
