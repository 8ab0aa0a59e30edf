package dev.retort.migration.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ends the application when auto-migrate fails with {@code migrations.on-failure=fail},
 * and after a {@code migrate} command with the command's exit code. The default closes
 * the context and exits the JVM; declare a bean of this type to do something else (tests
 * record the code instead).
 */
@FunctionalInterface
public interface ApplicationExit {

	/** Closes the context and exits the JVM with the code. */
	ApplicationExit SYSTEM = (context, code) -> System.exit(SpringApplication.exit(context, () -> code));

	/**
	 * Ends the application.
	 * @param context the application's context
	 * @param code the exit code
	 */
	void exit(ConfigurableApplicationContext context, int code);

}
