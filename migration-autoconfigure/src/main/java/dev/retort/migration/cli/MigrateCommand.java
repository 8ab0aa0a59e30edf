package dev.retort.migration.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.retort.migration.MigrationException;
import dev.retort.migration.engine.DryRunNotPossibleException;
import dev.retort.migration.operation.IrreversibleOperationException;
import dev.retort.migration.operation.OfflineModeException;
import dev.retort.migration.revision.AmbiguousRevisionException;
import dev.retort.migration.revision.InvalidTargetException;
import dev.retort.migration.revision.MultipleHeadsException;
import dev.retort.migration.revision.TargetOutOfRangeException;
import dev.retort.migration.revision.UnknownAppliedRevisionException;
import dev.retort.migration.revision.UnknownTargetException;
import dev.retort.migration.revision.WrongDirectionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code migrate <command>}: the command line over the application's
 * {@link dev.retort.migration.engine.Migrator}, one {@link MigrateSubcommand} class per
 * command. Exit codes: 0 ok, 1 problems or differences found ({@code verify},
 * {@code check}), 2 usage error or bad target, 3 migration failed.
 */
@Command(name = "migrate", synopsisSubcommandLabel = "COMMAND",
		description = "Inspect and migrate the application's database.",
		footer = { "", "Exit codes: 0 ok, 1 problems found (verify, check), 2 usage error or a target or script "
				+ "refused before anything ran, 3 migration failed." })
public final class MigrateCommand implements Callable<Integer> {

	/** Everything went well. */
	public static final int OK = 0;

	/** {@code verify} found problems. */
	public static final int PROBLEMS_FOUND = 1;

	/** The command line or its target could not be understood. */
	public static final int USAGE = 2;

	/** A migration (or the command's work on the database) failed. */
	public static final int FAILED = 3;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	@Option(names = "--verbose", description = "Log the application's start-up (to stderr) as it normally would.")
	boolean verbose;

	private final MigrateSession session;

	MigrateCommand(MigrateSession session) {
		this.session = session;
	}

	/** {@code --migrator NAME}, before or after the command. */
	@Option(names = "--migrator", paramLabel = "NAME", scope = ScopeType.INHERIT,
			description = "The Migrator bean to run the command with, when the application has several "
					+ "(default: the @Primary one).")
	void migrator(String name) {
		this.session.select(name);
	}

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new ParameterException(this.spec.commandLine(),
				"Missing command: say what to do, e.g. `migrate status`.");
	}

	/** The command line with every command, in the order {@code --help} lists them. */
	static CommandLine commandLine(MigrateSession session) {
		CommandLine commandLine = new CommandLine(new MigrateCommand(session));
		commandLine.addSubcommand(new StatusCommand(session));
		commandLine.addSubcommand(new CurrentCommand(session));
		commandLine.addSubcommand(new HeadsCommand(session));
		commandLine.addSubcommand(new BranchesCommand(session));
		commandLine.addSubcommand(new HistoryCommand(session));
		commandLine.addSubcommand(new ShowCommand(session));
		commandLine.addSubcommand(new UpgradeCommand(session));
		commandLine.addSubcommand(new DowngradeCommand(session));
		commandLine.addSubcommand(new StampCommand(session));
		commandLine.addSubcommand(new VerifyCommand(session));
		commandLine.addSubcommand(new CheckCommand(session));
		commandLine.addSubcommand(new BackupCommand(session));
		commandLine.addSubcommand(new RestoreCommand(session));
		commandLine.addSubcommand(new RevisionCommand(session));
		commandLine.addSubcommand(new MergeCommand(session));
		return commandLine;
	}

	/**
	 * Runs one command.
	 * @param args the arguments after {@code migrate}
	 * @param session what the commands work with; results go to its {@code out}
	 * @param err where errors go
	 * @return the exit code
	 */
	static int execute(String[] args, MigrateSession session, PrintWriter err) {
		CommandLine commandLine = commandLine(session);
		commandLine.setOut(session.out());
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((ex, command, parseResult) -> {
			if (ex instanceof MigrationException) {
				err.println(ex.getMessage());
				if (isUsageError(ex)) {
					err.println("See `migrate " + command.getCommandName() + " --help`.");
					return USAGE;
				}
				return isRefusedBeforeRunning(ex) ? USAGE : FAILED;
			}
			err.println("migrate " + command.getCommandName() + " failed unexpectedly: " + ex);
			ex.printStackTrace(err);
			return FAILED;
		});
		return commandLine.execute(args);
	}

	/**
	 * Refusals whose cause is the request in this state, not a mistyped command, so
	 * without the help hint: a downgrade this graph cannot make, a script it cannot
	 * render, a database ahead of the code.
	 */
	private static boolean isRefusedBeforeRunning(Exception ex) {
		return ex instanceof IrreversibleOperationException || ex instanceof OfflineModeException
				|| ex instanceof UnknownAppliedRevisionException;
	}

	private static boolean isUsageError(Exception ex) {
		return ex instanceof InvalidTargetException || ex instanceof UnknownTargetException
				|| ex instanceof AmbiguousRevisionException || ex instanceof TargetOutOfRangeException
				|| ex instanceof WrongDirectionException || ex instanceof MultipleHeadsException
				|| ex instanceof RestoreNotConfirmedException || ex instanceof DatabaseBehindHeadsException
				|| ex instanceof DryRunNotPossibleException || ex instanceof UnknownMigratorException
				|| ex instanceof InvalidRevisionRequestException;
	}

}
