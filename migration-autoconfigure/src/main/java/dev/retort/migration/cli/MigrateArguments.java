package dev.retort.migration.cli;

import java.util.Arrays;

/**
 * Recognises the application arguments of a command-line run:
 * {@code migrate <command> [options]}.
 */
final class MigrateArguments {

	static final String MIGRATE = "migrate";

	private MigrateArguments() {
	}

	/** Whether the arguments ask for a {@code migrate} command. */
	static boolean isMigrate(String[] args) {
		return args != null && args.length > 0 && MIGRATE.equals(args[0]);
	}

	/** The arguments after {@code migrate}. */
	static String[] command(String[] args) {
		return Arrays.copyOfRange(args, 1, args.length);
	}

}
