package dev.retort.migration.cli;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Recognises the application arguments of a command-line run:
 * {@code migrate <command> [options]}.
 */
final class MigrateArguments {

	static final String MIGRATE = "migrate";

	private static final Pattern SPRING_PROPERTY = Pattern.compile("^--[^=\\s]+\\.[^=\\s]+=.*$");

	private MigrateArguments() {
	}

	/** Whether the arguments ask for a {@code migrate} command. */
	static boolean isMigrate(String[] args) {
		return args != null && args.length > 0 && MIGRATE.equals(args[0]);
	}

	/**
	 * Whether the command asks for the application's start-up logging:
	 * {@code migrate --verbose <command>}.
	 */
	static boolean isVerbose(String[] args) {
		for (int i = 1; i < args.length && args[i].startsWith("-"); i++) {
			if (args[i].equals("--verbose")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The arguments after {@code migrate}, without Spring properties such as
	 * {@code --spring.profiles.active=prod}, which configure the application instead.
	 */
	static String[] command(String[] args) {
		return Arrays.stream(args, 1, args.length)
			.filter((arg) -> !SPRING_PROPERTY.matcher(arg).matches())
			.toArray(String[]::new);
	}

}
