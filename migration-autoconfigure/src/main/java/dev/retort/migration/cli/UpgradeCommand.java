package dev.retort.migration.cli;

import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.revision.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", description = "Upgrade the database to TARGET (default: heads).")
final class UpgradeCommand extends MigrateSubcommand {

	@Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "heads",
			description = "heads, head, a revision id or prefix, label@head, +N … (default: ${DEFAULT-VALUE}).")
	String target;

	@Option(names = "--sql", description = "Print the SQL script from the current revisions (or base) to TARGET "
			+ "instead of running it; nothing changes. TARGET may be a range FROM:TO, e.g. base:heads or current:heads, current being the database's revisions.")
	boolean sql;

	@Option(names = "--dry-run",
			description = "Run the upgrade in a transaction that is rolled back: proves it works, keeps nothing.")
	boolean dryRun;

	UpgradeCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		refuseScriptWithDryRun(this.sql, this.dryRun);
		if (this.sql) {
			out().print(this.session.offlineScript().upgrade(range(migrator(), "upgrade", this.target, "base")));
			return MigrateCommand.OK;
		}
		MigrationResult result;
		MigrateSession.Progress progress = this.session.showProgress();
		try {
			result = this.session.commands()
				.upgrade(this.session.migratorName(), migrator(), this.target, this.dryRun,
						(backup) -> out().println("Backed up the database to " + backup.file() + " (verified) before "
								+ "upgrading to " + this.target))
				.result();
		}
		finally {
			progress.close();
		}
		out().println(summary(Direction.UPGRADE, this.target, result, this.dryRun));
		return MigrateCommand.OK;
	}

}
