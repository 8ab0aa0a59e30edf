package dev.retort.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's {@code java -jar app.jar migrate … --spring.profiles.active=prod}, run as
 * its own process: no {@code ADMIN_PASSWORD} needed, nothing on stdout but the command's
 * output, so {@code upgrade --sql > script.sql} runs as it is in
 * {@code psql -v ON_ERROR_STOP=1}.
 */
class OrchestratorProdCommandLineTests {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@TempDir
	Path directory;

	@BeforeEach
	void emptyDatabase() throws SQLException {
		postgres.reset();
	}

	@Test
	void upgradeSqlOnStdoutRunsInPsqlAndStartUpIsQuiet() throws Exception {
		Result sql = migrate("upgrade", "base:heads", "--sql");
		assertThat(sql.exitCode()).as(sql.err()).isZero();
		assertThat(sql.out()).startsWith("-- Retort upgrade base:heads for postgresql");
		assertThat(sql.err()).doesNotContain("createClob").doesNotContain("marked as broken").doesNotContain("\tat ");
		Path script = Files.writeString(this.directory.resolve("script.sql"), sql.out());

		ProcessBuilder psql = new ProcessBuilder(psql()).redirectInput(script.toFile()).redirectErrorStream(true);
		psql.environment().putAll(passwordEnvironment());
		Process process = psql.start();
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(printed).isZero();

		assertThat(versions()).containsExactly("9a4c2e7b1d3f");
	}

	@Test
	void withoutDatabaseUrlTheProdProfileSaysWhichVariableIsMissing() throws Exception {
		Result status = migrate(Map.of(), "status");

		assertThat(status.exitCode()).isNotZero();
		assertThat(status.err()).contains("APPLICATION FAILED TO START")
			.contains("Could not resolve placeholder 'DATABASE_URL'")
			.contains("The prod profile reads the database from the environment: set DATABASE_URL")
			.as("no stack trace")
			.doesNotContain("\tat ");
		assertThat(status.out()).as("a failed start's report is log output, on stderr").isEmpty();
	}

	@Test
	void aDatabaseThatDoesNotExistIsReportedWithTheCommandThatCreatesIt() throws Exception {
		URI uri = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
		String missing = "jdbc:postgresql://" + uri.getHost() + ":" + ((uri.getPort() > 0) ? uri.getPort() : 5432)
				+ "/retort_no_such_database";
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("DATABASE_URL", missing);
		environment.put("DATABASE_USERNAME", (postgres.username() != null) ? postgres.username() : "");
		environment.put("DATABASE_PASSWORD", (postgres.password() != null) ? postgres.password() : "");

		Result status = migrate(environment, "status");

		assertThat(status.exitCode()).isNotZero();
		assertThat(status.err()).contains("APPLICATION FAILED TO START")
			.contains("Cannot connect to the database at " + missing)
			.contains("database \"retort_no_such_database\" does not exist")
			.contains("createdb -h " + uri.getHost())
			.as("no stack trace, no Hibernate dialect error, the reason said once")
			.doesNotContain("\tat ")
			.doesNotContain("Unable to determine Dialect");
		assertThat(status.err().split("does not exist", -1)).as(status.err()).hasSize(2);
		assertThat(status.out()).isEmpty();
	}

	private Result migrate(String... command) throws IOException, InterruptedException {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("DATABASE_URL", postgres.jdbcUrl());
		environment.put("DATABASE_USERNAME", (postgres.username() != null) ? postgres.username() : "");
		environment.put("DATABASE_PASSWORD", (postgres.password() != null) ? postgres.password() : "");
		return migrate(environment, command);
	}

	private Result migrate(Map<String, String> environment, String... command)
			throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), OrchestratorApplication.class.getName(), "migrate"));
		args.addAll(List.of(command));
		args.add("--spring.profiles.active=prod");
		Path out = this.directory.resolve("out.txt");
		Path err = this.directory.resolve("err.txt");
		ProcessBuilder builder = new ProcessBuilder(args).directory(this.directory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().remove("ADMIN_PASSWORD");
		builder.environment().remove("DATABASE_URL");
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("migrate %s finished", List.of(command)).isTrue();
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private static List<String> psql() {
		URI uri = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
		String user = (postgres.username() != null) ? postgres.username() : "postgres";
		return List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "postgresql://" + user + "@" + uri.getHost() + ":"
				+ ((uri.getPort() > 0) ? uri.getPort() : 5432) + uri.getPath());
	}

	private static Map<String, String> passwordEnvironment() {
		return (postgres.password() != null) ? Map.of("PGPASSWORD", postgres.password()) : Map.of();
	}

	private static List<String> versions() throws SQLException {
		List<String> versions = new ArrayList<>();
		try (Connection connection = postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version_num FROM migrations_version")) {
			while (rows.next()) {
				versions.add(rows.getString(1));
			}
		}
		return versions;
	}

	record Result(int exitCode, String out, String err) {

	}

}
