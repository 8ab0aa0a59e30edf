package dev.retort.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.retort.migration.autoconfigure.ApplicationExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar sample-app.jar migrate status} on a fresh SQLite file: the command
 * runs without the web server and without auto-migrating, lists the three revisions as
 * pending, and exits 0.
 */
class OrchestratorCommandLineTests {

	@TempDir
	Path data;

	@Test
	void migrateStatusListsThePendingRevisionsAndExitsZero() {
		List<Integer> exitCodes = new CopyOnWriteArrayList<>();
		ApplicationExit recordingExit = (context, code) -> {
			exitCodes.add(code);
			SpringApplication.exit(context, () -> code);
		};
		SpringApplication application = new SpringApplication(OrchestratorApplication.class);
		application.setDefaultProperties(
				Map.of("spring.datasource.url", "jdbc:sqlite:" + this.data.resolve("data").resolve("orchestrator.db")));
		application
			.addInitializers((context) -> context.getBeanFactory().registerSingleton("recordingExit", recordingExit));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		ConfigurableApplicationContext context;
		try {
			context = application.run("migrate", "status");
		}
		finally {
			System.setOut(original);
		}
		String printed = out.toString(StandardCharsets.UTF_8);
		original.print(printed);
		assertThat(exitCodes).containsExactly(0);
		assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(printed).contains("Current:    base")
			.contains("Pending:    4")
			.contains("a1b2c3d4e5f6 initial schema")
			.contains("3f2a9c1b7d4e add priority to tasks")
			.contains("7c8d9e0f1a2b add indexes");
	}

}
