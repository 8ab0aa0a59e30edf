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
	 * The arguments after {@code migrate}, without Spring properties such as
	 * {@code --spring.profiles.active=prod}, which configure the application instead.
	 */
	static String[] command(String[] args) {
		return Arrays.stream(args, 1, args.length)
			.filter((arg) -> !SPRING_PROPERTY.matcher(arg).matches())
			.toArray(String[]::new);
	}

}
