package dev.retort.migration.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.retort.migration.autoconfigure.ApplicationExit;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * An application with Retort's auto-configuration (and JDBC, actuator, MVC on the test
 * classpath), started the way a user starts {@code java -jar app.jar migrate …}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class CommandLineTestApplication {

	/**
	 * Set to {@code true} for a bean that prints and logs at start-up, as libraries do.
	 */
	static final String NOISY = "test.noisy-start-up";

	static final String NOISE_PRINTED = "a library printing to System.out at start-up";

	static final String NOISE_LOGGED = "a library warning at start-up";

	@Bean
	@ConditionalOnBooleanProperty(NOISY)
	InitializingBean noisyLibrary() {
		return () -> {
			System.out.println(NOISE_PRINTED);
			LogFactory.getLog(CommandLineTestApplication.class).warn(NOISE_LOGGED);
		};
	}

	/**
	 * {@code java -cp … CommandLineTestApplication migrate …}, as a user runs the jar.
	 */
	public static void main(String[] args) {
		SpringApplication.run(CommandLineTestApplication.class, args);
	}

	/**
	 * Runs the application with {@code args}, capturing what it prints and the exit code
	 * it asks for instead of exiting the JVM.
	 */
	public static Run run(Map<String, Object> properties, String... args) {
		return run(CommandLineTestApplication.class, properties, args);
	}

	/**
	 * Runs the given application class with {@code args}, capturing what it prints and
	 * the exit code it asks for instead of exiting the JVM.
	 */
	static Run run(Class<?> applicationClass, Map<String, Object> properties, String... args) {
		ExitRecorder exit = new ExitRecorder();
		SpringApplication application = new SpringApplication(applicationClass);
		application.setDefaultProperties(properties);
		application.addInitializers((context) -> context.getBeanFactory().registerSingleton("testExit", exit));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		ConfigurableApplicationContext context;
		try {
			context = application.run(args);
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
		}
		String printed = out.toString(StandardCharsets.UTF_8);
		String errors = err.toString(StandardCharsets.UTF_8);
		originalOut.print(printed);
		originalErr.print(errors);
		return new Run(exit.codes, printed, errors, context instanceof WebServerApplicationContext, context.isActive());
	}

	/**
	 * What a command-line run left behind.
	 *
	 * @param exitCodes the exit codes the application asked for
	 * @param out what it printed to stdout
	 * @param err what it printed to stderr
	 * @param web whether the application started as a web application
	 * @param stillRunning whether its context is still open
	 */
	public record Run(List<Integer> exitCodes, String out, String err, boolean web, boolean stillRunning) {

		/** The one exit code the application asked for. */
		public int exitCode() {
			if (this.exitCodes.size() != 1) {
				throw new AssertionError("Expected one exit request, got " + this.exitCodes + "\nout:\n" + this.out
						+ "\nerr:\n" + this.err);
			}
			return this.exitCodes.get(0);
		}

	}

	/**
	 * Closes the context with the code, as the real exit does, and leaves the JVM alone.
	 */
	static class ExitRecorder implements ApplicationExit {

		final List<Integer> codes = new CopyOnWriteArrayList<>();

		@Override
		public void exit(ConfigurableApplicationContext context, int code) {
			this.codes.add(code);
			SpringApplication.exit(context, () -> code);
		}

	}

}
