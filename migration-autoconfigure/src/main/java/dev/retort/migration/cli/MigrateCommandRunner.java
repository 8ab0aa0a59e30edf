package dev.retort.migration.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Function;

import dev.retort.migration.autoconfigure.ApplicationExit;
import dev.retort.migration.autoconfigure.MigrationCommands;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.engine.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@code migrate <command>} when the application was started with those arguments,
 * then ends the application with the command's exit code; does nothing otherwise.
 */
public class MigrateCommandRunner implements ApplicationRunner, ApplicationContextAware {

	private final ObjectProvider<Migrator> migrators;

	private final Function<Migrator, DatabaseBackup> backups;

	private final MigrationCommands commands;

	private final ApplicationExit exit;

	private ConfigurableApplicationContext context;

	/**
	 * @param migrators the application's migrator
	 * @param backups the backups of a migrator's database, as configured
	 * @param commands upgrade, downgrade and stamp as the application runs them
	 * @param exit how the application ends with the command's exit code
	 */
	public MigrateCommandRunner(ObjectProvider<Migrator> migrators, Function<Migrator, DatabaseBackup> backups,
			MigrationCommands commands, ApplicationExit exit) {
		this.migrators = migrators;
		this.backups = backups;
		this.commands = commands;
		this.exit = exit;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.context = (ConfigurableApplicationContext) applicationContext;
	}

	@Override
	public void run(ApplicationArguments args) {
		String[] source = args.getSourceArgs();
		if (!MigrateArguments.isMigrate(source)) {
			return;
		}
		// the stdout the run started with: everything else printed during a command run
		// goes to stderr
		PrintStream stdout = this.context.getBeanProvider(MigrateRunListener.CommandOutput.class)
			.getIfAvailable(() -> new MigrateRunListener.CommandOutput(System.out))
			.stream();
		PrintWriter out = new PrintWriter(stdout, true);
		PrintWriter err = new PrintWriter(System.err, true);
		MigrateSession session = new MigrateSession(this.context, this.migrators, this.backups, this.commands, out);
		int code = MigrateCommand.execute(MigrateArguments.command(source), session, err);
		out.flush();
		err.flush();
		this.exit.exit(this.context, code);
	}

}
