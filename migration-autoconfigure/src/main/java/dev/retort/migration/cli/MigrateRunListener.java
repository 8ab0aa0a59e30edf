package dev.retort.migration.cli;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Turns a run whose arguments start with {@code migrate} into a command-line run: no web
 * server, no auto-migrate, quiet logging. Other runs are left alone.
 */
public class MigrateRunListener implements SpringApplicationRunListener, Ordered {

	/** The name of the property source this listener adds. */
	public static final String PROPERTY_SOURCE = "retortMigrateCommand";

	private final boolean migrate;

	public MigrateRunListener(SpringApplication application, String[] args) {
		this.migrate = MigrateArguments.isMigrate(args)
				&& ClassUtils.isPresent("picocli.CommandLine", application.getClassLoader());
	}

	@Override
	public int getOrder() {
		// before Spring Boot's own listener, which sets up logging from the environment
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		if (!this.migrate) {
			return;
		}
		// first: the command must win over application.properties (auto-migrate=true in
		// dev)
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("spring.main.web-application-type", "none", "migrations.auto-migrate", "false")));
		// defaults: quiet output that the application's own configuration may override
		DefaultPropertiesPropertySource.addOrMerge(
				Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false", "logging.level.root",
						"warn",
						// the command prints each step itself
						"logging.level.dev.retort.migration.engine.Migrator", "error"),
				environment.getPropertySources());
	}

}
