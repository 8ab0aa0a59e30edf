package dev.retort.migration.cli;

import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.revision.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "downgrade", description = "Downgrade the database to TARGET.")
final class DowngradeCommand extends MigrateSubcommand {

	@Parameters(paramLabel = "TARGET", description = "-N, base, a revision id or prefix, label@-N …")
	String target;

	@Option(names = "--sql", description = "Print the SQL script from the current revisions to TARGET instead "
			+ "of running it; nothing changes. TARGET may be a range FROM:TO, e.g. heads:base or current:base, current being the database's revisions.")
	boolean sql;

	@Option(names = "--dry-run", description = "Run the downgrade in a transaction that is rolled back.")
	boolean dryRun;

	DowngradeCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		refuseScriptWithDryRun(this.sql, this.dryRun);
		if (this.sql) {
			out().print(this.session.offlineScript().downgrade(range(migrator(), "downgrade", this.target, "heads")));
			return MigrateCommand.OK;
		}
		MigrationResult result;
		MigrateSession.Progress progress = this.session.showProgress();
		try {
			result = this.session.commands()
				.downgrade(this.session.migratorName(), migrator(), this.target, this.dryRun);
		}
		finally {
			progress.close();
		}
		out().println(summary(Direction.DOWNGRADE, this.target, result, this.dryRun));
		return MigrateCommand.OK;
	}

}
