package dev.retort.migration.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A JVM option written after {@code -jar app.jar} ({@code java -jar app.jar -Dx=1 migrate
 * upgrade}) hides {@code migrate}: such a run is refused before the application starts,
 * instead of starting it whole (web server, auto-migrate) and never running the command.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisplacedMigrateTests {

	@Test
	void aSingleDashOptionBeforeMigrateIsFoundAndOnlyThen() {
		assertThat(MigrateArguments.misplacedBefore(new String[] { "-Dslow.seconds=1", "migrate", "upgrade" }))
			.contains("-Dslow.seconds=1");
		assertThat(MigrateArguments
			.misplacedBefore(new String[] { "--spring.profiles.active=prod", "-Xmx512m", "migrate", "status" }))
			.contains("-Xmx512m");
		assertThat(MigrateArguments.misplacedBefore(new String[] { "--spring.profiles.active=prod", "migrate" }))
			.isEmpty();
		assertThat(MigrateArguments.misplacedBefore(new String[] { "-v" })).isEmpty();
		assertThat(MigrateArguments.misplacedBefore(new String[] { "serve", "-v", "migrate" })).isEmpty();
		assertThat(MigrateArguments.misplacedBefore(new String[0])).isEmpty();
	}

	@Test
	void theRunIsRefusedBeforeTheApplicationStartsWithWhatToDo(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatExceptionOfType(MisplacedMigrateException.class)
			.isThrownBy(() -> application.run("-Dslow.seconds=1", "migrate", "upgrade"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The argument '-Dslow.seconds=1' comes before 'migrate', so this run is not a migrate command")
			.contains("JVM options go before -jar: java -Dslow.seconds=1 -jar app.jar migrate …")
			.doesNotContain("\tat ");
	}

	@SpringBootConfiguration
	static class Empty {

	}

}
