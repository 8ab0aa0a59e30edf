package dev.retort.migration.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Turns a run whose arguments start with {@code migrate} into a command-line run: no web
 * server, no auto-migrate, quiet logging, and stdout kept for the command's own output
 * (scripts, tables, ids) while everything else the application prints goes to stderr.
 * Other runs are left alone.
 */
public class MigrateRunListener implements SpringApplicationRunListener, Ordered {

	/** The name of the property source this listener adds. */
	public static final String PROPERTY_SOURCE = "retortMigrateCommand";

	/** The bean under which the run's real stdout is registered for the command. */
	static final String OUTPUT_BEAN = "retortMigrateCommandOutput";

	private final boolean migrate;

	private final boolean verbose;

	private final String misplaced;

	private PrintStream stdout;

	public MigrateRunListener(SpringApplication application, String[] args) {
		boolean commandLine = ClassUtils.isPresent("picocli.CommandLine", application.getClassLoader());
		this.migrate = commandLine && MigrateArguments.isMigrate(args);
		this.verbose = this.migrate && MigrateArguments.isVerbose(args);
		this.misplaced = commandLine ? MigrateArguments.misplacedBefore(args).orElse(null) : null;
	}

	@Override
	public int getOrder() {
		// before Spring Boot's own listener, which sets up logging from the environment
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		if (!this.migrate) {
			return;
		}
		// from here on, whatever writes to System.out (console logging, a library's
		// println) writes to stderr; the command prints to the stdout kept here
		this.stdout = System.out;
		System.setOut(System.err);
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		if (this.misplaced != null) {
			// before anything starts: the web server, or auto-migrate in a profile
			// that has it
			throw new MisplacedMigrateException(this.misplaced);
		}
		if (!this.migrate) {
			return;
		}
		// first: the command must win over application.properties (auto-migrate=true in
		// dev)
		// and Hibernate must start where the database's sequences no longer match the
		// entities' allocation sizes: that difference is what `check` and `revision
		// --autogenerate` are run to find and fix
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("spring.main.web-application-type", "none", "migrations.auto-migrate", "false",
							"spring.jpa.properties.hibernate.id.sequence.increment_size_mismatch_strategy", "none")));
		// defaults: quiet output that the application's own configuration may override
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.main.banner-mode", "off");
		defaults.put("spring.main.log-startup-info", String.valueOf(this.verbose));
		if (!this.verbose) {
			defaults.put("logging.level.root", "warn");
			// the command prints each step itself
			defaults.put("logging.level.dev.retort.migration.engine.Migrator", "error");
			// a failed start is reported once, by the failure analysis that follows
			defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
					"error");
		}
		DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		if (this.stdout != null) {
			context.getBeanFactory().registerSingleton(OUTPUT_BEAN, new CommandOutput(this.stdout));
		}
	}

	// a command closes the context and exits: stdout stays with stderr until the end, as
	// the context's shutdown still logs

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		restoreStdout();
	}

	// a run that failed keeps stdout on stderr: Spring Boot reports why after this
	// (its failure analysis, a stack trace), and that is log output, not the command's

	private void restoreStdout() {
		if (this.stdout != null && System.out == System.err) {
			System.setOut(this.stdout);
		}
	}

	/** The run's real stdout, kept for the command's own output. */
	record CommandOutput(PrintStream stream) {

	}

}
