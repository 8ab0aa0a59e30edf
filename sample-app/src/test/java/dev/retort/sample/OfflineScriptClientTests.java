package dev.retort.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.engine.OfflineScript;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DBA's path: render the sample's revisions as an offline script, review it, and run it
 * with the database's own command-line client on an empty database.
 */
class OfflineScriptClientTests {

	private static final Set<String> SAMPLE_TABLES = Set.of("users", "projects", "tasks", "agents");

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	private final RevisionGraph graph = RevisionGraph.load(List.of("classpath:db/migrations"),
			getClass().getClassLoader());

	@TempDir
	Path directory;

	@Test
	void sqlite3RunsTheUpgradeScriptAndTheDowngradeScriptBack() throws Exception {
		requireClient("sqlite3");
		Path database = this.directory.resolve("offline.db");
		OfflineScript offline = new OfflineScript(this.graph, Dialects.named("sqlite"), MigratorConfig.defaults());

		run(List.of("sqlite3", "-bail", database.toString()), write("upgrade.sql", offline.upgrade("base:heads")));
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
			assertThat(versions(connection)).isEqualTo(this.graph.heads());
			assertThat(tables(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
				.containsAll(SAMPLE_TABLES);
			assertThat(tables(connection, "SELECT name FROM pragma_table_info('tasks')")).contains("priority");
		}

		run(List.of("sqlite3", "-bail", database.toString()), write("downgrade.sql", offline.downgrade("heads:base")));
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
			assertThat(versions(connection)).isEmpty();
			assertThat(tables(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
				.doesNotContainAnyElementsOf(SAMPLE_TABLES);
		}
	}

	@Test
	void psqlRunsTheUpgradeScriptAndTheDowngradeScriptBack() throws Exception {
		requireClient("psql");
		OfflineScript offline = new OfflineScript(this.graph, Dialects.named("postgresql"), MigratorConfig.defaults());
		List<String> psql = psqlCommand();

		run(psql, write("upgrade.sql", offline.upgrade("base:heads")));
		try (Connection connection = postgres.connect()) {
			assertThat(versions(connection)).isEqualTo(this.graph.heads());
			assertThat(tables(connection,
					"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
				.containsAll(SAMPLE_TABLES);
			assertThat(
					tables(connection, "SELECT column_name FROM information_schema.columns WHERE table_name = 'tasks'"))
				.contains("priority");
		}

		run(psql, write("downgrade.sql", offline.downgrade("heads:base")));
		try (Connection connection = postgres.connect()) {
			assertThat(versions(connection)).isEmpty();
			assertThat(tables(connection,
					"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
				.doesNotContainAnyElementsOf(SAMPLE_TABLES);
		}
	}

	private List<String> psqlCommand() {
		// jdbc:postgresql://host:port/db?params -> postgresql://user@host:port/db
		URI uri = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
		String user = (postgres.username() != null) ? postgres.username() : "postgres";
		String target = "postgresql://" + user + "@" + uri.getHost() + ":"
				+ ((uri.getPort() > 0) ? uri.getPort() : 5432) + uri.getPath();
		return List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", target);
	}

	private Path write(String name, String script) throws IOException {
		return Files.writeString(this.directory.resolve(name), script, StandardCharsets.UTF_8);
	}

	private void run(List<String> command, Path script) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectInput(script.toFile()).redirectErrorStream(true);
		if (postgres.password() != null) {
			builder.environment().putAll(Map.of("PGPASSWORD", postgres.password()));
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
		assertThat(process.exitValue())
			.as("%s exit code; it printed:%n%s%nscript:%n%s", command.get(0), output, Files.readString(script))
			.isZero();
	}

	private static Set<String> versions(Connection connection) throws SQLException {
		return tables(connection, "SELECT version_num FROM migrations_version");
	}

	private static Set<String> tables(Connection connection, String query) throws SQLException {
		Set<String> names = new TreeSet<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	private static void requireClient(String client) {
		List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
		boolean found = path.stream().anyMatch((dir) -> Files.isExecutable(Path.of(dir, client)));
		if (found) {
			return;
		}
		String message = client + " is not on the PATH: install it (Debian: apt-get install "
				+ (client.equals("psql") ? "postgresql-client" : "sqlite3") + ") to run this test";
		if (Boolean.parseBoolean(System.getenv("RETORT_REQUIRE_POSTGRES"))) {
			Assertions.fail(message);
		}
		Assumptions.abort(message);
	}

}
