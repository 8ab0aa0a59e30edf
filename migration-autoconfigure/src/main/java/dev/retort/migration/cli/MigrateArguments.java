package dev.retort.migration.cli;

import java.util.Arrays;
import java.util.Optional;
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

	/**
	 * Whether the arguments ask for a {@code migrate} command: {@code migrate} is the
	 * first argument, or comes after Spring's own options only
	 * ({@code --spring.profiles.active=dev migrate downgrade -1}).
	 */
	static boolean isMigrate(String[] args) {
		return args != null && position(args) >= 0;
	}

	/**
	 * Where {@code migrate} is: the first argument that is not a Spring option
	 * ({@code --name} or {@code --name=value}), or -1 when that is not {@code migrate}.
	 */
	private static int position(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || args[i].equals("--")) {
				return MIGRATE.equals(args[i]) ? i : -1;
			}
		}
		return -1;
	}

	/**
	 * The argument that keeps {@code migrate} from being read as a command when it is a
	 * single-dash option ({@code -Dname=value}, {@code -Xmx512m}: a JVM option written
	 * after {@code -jar app.jar}) and {@code migrate} comes later; such a run would start
	 * the whole application, web server and auto-migrate included, instead of the
	 * command.
	 */
	static Optional<String> misplacedBefore(String[] args) {
		if (args == null || isMigrate(args)) {
			return Optional.empty();
		}
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || args[i].equals("--")) {
				boolean singleDash = args[i].startsWith("-") && !args[i].equals("--");
				boolean migrateLater = Arrays.asList(args).subList(i + 1, args.length).contains(MIGRATE);
				return (singleDash && migrateLater) ? Optional.of(args[i]) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the command asks for the application's start-up logging:
	 * {@code migrate --verbose <command>}.
	 */
	static boolean isVerbose(String[] args) {
		for (int i = position(args) + 1; i > 0 && i < args.length && args[i].startsWith("-"); i++) {
			if (args[i].equals("--verbose")) {
				return true;
			}
			if (args[i].equals("--migrator")) {
				// its value
				i++;
			}
		}
		return false;
	}

	/**
	 * The arguments after {@code migrate} (of arguments that ask for a command), without
	 * Spring properties such as {@code --spring.profiles.active=prod}, which configure
	 * the application instead.
	 */
	static String[] command(String[] args) {
		return Arrays.stream(args, position(args) + 1, args.length)
			.filter((arg) -> !SPRING_PROPERTY.matcher(arg).matches())
			.toArray(String[]::new);
	}

}
