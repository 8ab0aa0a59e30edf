package dev.retort.migration.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code migrate} command line is available.
 */
class MigrationCommandLineAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationCommandLineAutoConfiguration.class));

	@Test
	void withPicocliTheCommandRunnerIsRegistered() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MigrateCommandRunner.class));
	}

	@Test
	void withoutPicocliThereIsNoCommandLine() {
		this.runner.withClassLoader(new FilteredClassLoader(CommandLine.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateCommandRunner.class));
	}

	@Test
	void migrateFirstOrAfterSpringOptionsOnlyIsACommand() {
		assertThat(MigrateArguments.isMigrate(new String[] { "migrate", "status" })).isTrue();
		assertThat(MigrateArguments.isMigrate(new String[] { "--server.port=0", "--debug", "migrate" })).isTrue();
		assertThat(MigrateArguments.isMigrate(new String[] { "serve", "migrate" })).isFalse();
		assertThat(MigrateArguments.isMigrate(new String[] { "--", "migrate" })).isFalse();
		assertThat(MigrateArguments.isMigrate(new String[] { "--server.port=0" })).isFalse();
		assertThat(MigrateArguments.isMigrate(new String[0])).isFalse();
		assertThat(MigrateArguments
			.command(new String[] { "migrate", "history", "--spring.profiles.active=prod", "-r", "-2:", "--verbose" }))
			.containsExactly("history", "-r", "-2:", "--verbose");
		String[] afterOptions = { "--spring.profiles.active=dev", "migrate", "--verbose", "downgrade", "-1" };
		assertThat(MigrateArguments.command(afterOptions)).containsExactly("--verbose", "downgrade", "-1");
		assertThat(MigrateArguments.isVerbose(afterOptions)).isTrue();
		assertThat(MigrateArguments.isVerbose(new String[] { "--verbose", "migrate", "current" })).isFalse();
		assertThat(MigrateArguments
			.isVerbose(new String[] { "migrate", "--migrator", "reporting", "--verbose", "current" })).isTrue();
	}

}
