package dev.retort.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.retort.migration.backup.BackupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "backup", description = "Back up the database to a file only its owner can read "
		+ "(SQLite: VACUUM INTO; PostgreSQL: pg_dump).")
final class BackupCommand extends MigrateSubcommand {

	@Option(names = { "-o", "--output" }, paramLabel = "FILE",
			description = "Where to write the backup (default: a timestamped file in migrations.backup.directory,"
					+ " or next to the SQLite file).")
	Path output;

	BackupCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		if (this.output == null) {
			out().println("Backed up the database to " + this.session.backup(null).backup());
			return MigrateCommand.OK;
		}
		Path target = this.output.toAbsolutePath();
		if (Files.exists(target)) {
			throw new ParameterException(this.spec.commandLine(),
					target + " already exists; choose another file or remove it first.");
		}
		Path file = this.session.backup(target.getParent()).backup();
		try {
			Files.move(file, target);
		}
		catch (IOException ex) {
			throw new BackupException("The backup was written to " + file + " but could not be renamed to " + target
					+ ": " + ex.getMessage(), ex);
		}
		out().println("Backed up the database to " + target);
		return MigrateCommand.OK;
	}

}
