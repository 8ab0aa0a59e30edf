package com.example.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.retort.migration.autoconfigure.ApplicationExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar first-app.jar migrate upgrade} on a fresh database, run in-process: the
 * revision is applied and recorded, and the command exits 0.
 */
class MigrateUpgradeTests {

	@TempDir
	Path directory;

	@Test
	void migrateUpgradeAppliesTheRevision() throws Exception {
		Path database = this.directory.resolve("first-app.db");
		List<Integer> exitCodes = new CopyOnWriteArrayList<>();
		SpringApplication application = new SpringApplication(FirstApplication.class);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("recordingExit", (ApplicationExit) (closing, code) -> {
				exitCodes.add(code);
				SpringApplication.exit(closing, () -> code);
			}));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			// a property among the arguments, as on a command line: it wins over application.properties
			application.run("migrate", "upgrade", "--spring.datasource.url=jdbc:sqlite:" + database);
		}
		finally {
			System.setOut(original);
		}
		String printed = out.toString(StandardCharsets.UTF_8);
		original.print(printed);
		assertThat(exitCodes).containsExactly(0);
		assertThat(printed).contains("[1/1] upgrade base -> a1b2c3d4e5f6 create users")
			.contains("the database is at a1b2c3d4e5f6");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
				Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO users (email) VALUES ('first@example.com')");
			try (ResultSet rows = statement.executeQuery("SELECT version_num FROM migrations_version")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("a1b2c3d4e5f6");
			}
		}
	}

}
