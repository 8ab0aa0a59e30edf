package dev.retort.migration.cli;

import dev.retort.migration.MigrationException;

/**
 * A run whose {@code migrate} comes after a single-dash option, which keeps it from being
 * read as a command: refused before the application starts.
 */
public class MisplacedMigrateException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String argument;

	MisplacedMigrateException(String argument) {
		super("The argument '" + argument + "' comes before 'migrate', so this run is not a migrate command: "
				+ "it would start the whole application (its web server, and auto-migrate where a profile has it "
				+ "on) instead.");
		this.argument = argument;
	}

	/** What to do instead. */
	public String fix() {
		if (this.argument.startsWith("-D") || this.argument.startsWith("-X")) {
			return "JVM options go before -jar: java " + this.argument + " -jar app.jar migrate …; Spring "
					+ "properties go among the arguments as --name=value.";
		}
		return "Put migrate first among the arguments (Spring properties, --name=value, may come before it): "
				+ "java -jar app.jar migrate …";
	}

}
