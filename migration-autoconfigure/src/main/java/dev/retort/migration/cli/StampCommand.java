package dev.retort.migration.cli;

import dev.retort.migration.engine.MigrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stamp", description = "Record TARGET in the version table without running any revision.")
final class StampCommand extends MigrateSubcommand {

	@Parameters(paramLabel = "TARGET", description = "heads, base, a revision id or prefix …")
	String target;

	@Option(names = "--purge",
			description = "Empty the version table first, even of revisions this code does not know.")
	boolean purge;

	StampCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		MigrationResult result = this.session.commands()
			.stamp(this.session.migratorName(), migrator(), this.target, this.purge);
		out().println("Stamped " + this.target + ((this.purge) ? " (purged)" : "") + "; the database is at "
				+ ids(result.current()) + ".");
		return MigrateCommand.OK;
	}

}
