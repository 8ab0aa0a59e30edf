package dev.retort.migration.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.retort.migration.backup.BackupFile;
import dev.retort.migration.backup.DatabaseBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore",
		description = "Replace the database's tables and rows with a backup's, after verifying the backup and "
				+ "keeping the database as it was as a full backup. SQLite: SQLite's backup API replaces the "
				+ "database; PostgreSQL: the dump's tables replace the database's in one transaction (pg_restore "
				+ "and psql).")
final class RestoreCommand extends MigrateSubcommand {

	@Parameters(paramLabel = "FILE", description = "The backup file (see `migrate backup --list`).")
	Path file;

	@Option(names = { "-y", "--yes" }, description = "Restore without asking (needed when stdin is not a terminal).")
	boolean yes;

	RestoreCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		DatabaseBackup backups = this.session.backups();
		BackupFile backup = backups.verify(this.file);
		String what = backups.describeDatabase() + " from " + backup.describe() + otherDatabase(backups, backup);
		boolean schemaOnly = backup.isSchemaOnly();
		String consequence = schemaOnly
				? "It is a schema-only backup: every table but Retort's own comes back empty (the database as it is "
						+ "is kept as a full backup first)."
				: "This replaces the database's tables and rows (the database as it is is kept as a full backup "
						+ "first).";
		String ahead = aheadOfTheCode((backup.manifest() != null) ? backup.manifest().revisions() : Set.of());
		if (!this.yes) {
			Console console = System.console();
			if (console == null) {
				throw new RestoreNotConfirmedException("Restoring replaces the tables and rows of " + what + "."
						+ (schemaOnly ? " " + consequence : "") + ahead
						+ " stdin is not a terminal, so nothing was asked and "
						+ "nothing was restored: run again with --yes to restore.");
			}
			String answer = console.readLine("Restore %s?%n%s%s [y/N] ", what, consequence, ahead);
			if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
				out().println("Nothing was restored.");
				return MigrateCommand.OK;
			}
		}
		DatabaseBackup.Restored restored = backups.restore(backup);
		Set<String> current = migrator().current();
		out().println("The database as it was is kept in " + restored.previous().file() + " (a full backup)");
		out().println("Restored " + backups.describeDatabase() + " from " + restored.restored().file()
				+ "; the database is now at " + ids(current) + "." + aheadOfTheCode(current));
		return MigrateCommand.OK;
	}

	/**
	 * Says so when the backup is of another database of the same kind (its name in the
	 * manifest differs): restoring it is allowed (a copy of production into staging), but
	 * the prompt must not let it pass unseen.
	 */
	private static String otherDatabase(DatabaseBackup backups, BackupFile backup) {
		if (backup.manifest() == null || backup.manifest().database().equals(backups.database())) {
			return "";
		}
		return " (a backup of another database, " + backup.manifest().database() + ")";
	}

	/**
	 * A sentence (after a space) saying that the restore leaves the database ahead of the
	 * code, when the backup is at revisions this code does not know; empty otherwise (and
	 * before the restore of a backup without a manifest, whose revisions are not known
	 * until it is restored).
	 */
	private String aheadOfTheCode(Set<String> revisions) {
		Set<String> unknown = revisions.stream()
			.filter((id) -> migrator().graph().find(id).isEmpty())
			.collect(Collectors.toSet());
		return unknown.isEmpty() ? ""
				: " The backup is at " + ids(unknown) + ", which this code does not know: restored, the database is "
						+ "ahead of the code, and `migrate upgrade` refuses to run until the code that has that "
						+ "revision is deployed.";
	}

}
