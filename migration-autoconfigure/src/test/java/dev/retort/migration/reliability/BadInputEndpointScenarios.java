package dev.retort.migration.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.autoconfigure.MigrationTestApplication;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad requests to {@code POST /actuator/migrations}, against one running
 * application whose database is one revision behind (so that every request would have
 * work to do): each is refused with a status and a message that says what to send
 * instead, and the version table, the history and the schema stay as they were. Written
 * once and run against SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputEndpointScenarios {

	static final String GOOD = "classpath:dev/retort/migration/it/good";

	private ConfigurableApplicationContext app;

	private BadInputDatabaseState before;

	/** The scenarios' database. */
	abstract TestDatabase database();

	/** A data source opening a new connection to the database for each use. */
	DataSource dataSource() {
		Map<String, String> properties = database().dataSourceProperties();
		return new DriverManagerDataSource(database().jdbcUrl(), properties.get("spring.datasource.username"),
				properties.get("spring.datasource.password"));
	}

	@BeforeAll
	void startTheApplicationOneRevisionBehind() throws SQLException {
		database().reset();
		new Migrator(dataSource(), MigratorConfig.defaults().withLocations(GOOD)).upgrade("aaaa00000001");
		this.app = start(Map.of("migrations.endpoint.write-enabled", "true", "migrations.endpoint.roles", "OPS"));
	}

	@AfterAll
	void stopTheApplication() {
		this.app.close();
	}

	@BeforeEach
	void readTheDatabase() throws SQLException {
		this.before = BadInputDatabaseState.of(database());
		assertThat(this.before.versions()).containsExactly("aaaa00000001");
	}

	@Test
	void malformedJson() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"upgrade\",", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request body of POST /actuator/migrations is not valid JSON")
			.contains("Send a JSON object such as {\\\"command\\\":\\\"upgrade\\\",\\\"target\\\":\\\"heads\\\"}");
		assertNothingChanged();
	}

	@Test
	void bodyThatIsNotJson() throws Exception {
		HttpResponse<String> response = post("command=upgrade", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request body of POST /actuator/migrations is not valid JSON");
		assertNothingChanged();
	}

	@Test
	void malformedJsonIsAnsweredWithoutTheParsersInternals() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"upgrade\"", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("is not valid JSON (Unexpected end-of-input")
			.doesNotContain("[Source:")
			.doesNotContain("REDACTED")
			.doesNotContain("start marker");
		assertNothingChanged();
	}

	@Test
	void jsonThatIsNotAnObject() throws Exception {
		for (String body : new String[] { "[]", "\"upgrade\"", "42" }) {
			HttpResponse<String> response = post(body, "ops", "OPS");

			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body)
				.contains("The request body of POST /actuator/migrations is JSON but not an object")
				.doesNotContain("LinkedHashMap");
		}
		assertNothingChanged();
	}

	@Test
	void aValueOfTheWrongKindNamesItsKey() throws Exception {
		for (String body : new String[] { "{\"command\":\"upgrade\",\"target\":[\"heads\"]}",
				"{\"command\":{\"name\":\"upgrade\"}}" }) {
			HttpResponse<String> response = post(body, "ops", "OPS");

			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body)
				.containsPattern("The value of \\\\\"(target|command)\\\\\" in the request body of POST "
						+ "/actuator/migrations is an array or an object. Send a string")
				.doesNotContain("not an object")
				.doesNotContain("LinkedHashMap");
		}
		assertNothingChanged();
	}

	@Test
	void aNumberOrABooleanWhereAStringGoesNamesItsKey() throws Exception {
		// the parser made strings of them: -1 ran a downgrade, 5 answered "No revision
		// named '5'"
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("{\"command\":\"downgrade\",\"target\":-1}",
				"The value of \\\"target\\\" in the request body of POST /actuator/migrations is a number, -1. "
						+ "Send a string, e.g. \\\"target\\\":\\\"-1\\\".");
		bodies.put("{\"command\":\"upgrade\",\"target\":5}", "The value of \\\"target\\\" in the request body of "
				+ "POST /actuator/migrations is a number, 5. Send a string, e.g. \\\"target\\\":\\\"5\\\".");
		bodies.put("{\"command\":\"upgrade\",\"target\":true}",
				"The value of \\\"target\\\" in the request body of POST /actuator/migrations is a boolean, true. "
						+ "Send a string, e.g. {\\\"command\\\":\\\"upgrade\\\",\\\"target\\\":\\\"heads\\\"}.");
		bodies.put("{\"command\":false}", "The value of \\\"command\\\" in the request body of POST "
				+ "/actuator/migrations is a boolean, false. Send a string");
		for (Map.Entry<String, String> body : bodies.entrySet()) {
			HttpResponse<String> response = post(body.getKey(), "ops", "OPS");

			assertThat(response.statusCode()).as(body.getKey()).isEqualTo(400);
			assertThat(response.body()).as(body.getKey()).contains(body.getValue());
		}
		assertNothingChanged();
	}

	@Test
	void purgeWithAnotherCommandThanStampIsRefused() throws Exception {
		// the upgrade ran, and purge was left out without a word
		HttpResponse<String> response = post("{\"command\":\"upgrade\",\"purge\":true}", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Nothing was changed: purge goes with stamp only, and upgrade does not "
				+ "take it. Send the request without \\\"purge\\\".");
		assertNothingChanged();
	}

	@Test
	void purgeTakesOnlyTrueOrFalse() throws Exception {
		for (String purge : new String[] { "\"yes\"", "1", "\"on\"" }) {
			HttpResponse<String> response = post(
					"{\"command\":\"stamp\",\"target\":\"aaaa00000001\",\"purge\":" + purge + "}", "ops", "OPS");

			assertThat(response.statusCode()).as(purge).isEqualTo(400);
			assertThat(response.body()).as(purge)
				.contains("Nothing was changed: purge takes true or false, not '" + purge.replace("\"", "") + "'.");
		}
		assertNothingChanged();
	}

	@Test
	void aMisspeltKeyIsRefusedInsteadOfRunningWithoutIt() throws Exception {
		// without its target, this upgrade would go to the heads
		HttpResponse<String> response = post("{\"command\":\"upgrade\",\"tagret\":\"aaaa00000001\"}", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Nothing was changed: the request has a key the endpoint does not take "
				+ "(tagret). Send only command, migrator, purge, target");
		assertNothingChanged();
	}

	@Test
	void parametersInTheUrlAreRefusedInsteadOfOverridingTheBody() throws Exception {
		// Actuator would merge them over the body's: the first ran downgrade -1
		Map<String, String> requests = Map.of("/actuator/migrations?command=downgrade&target=-1",
				"{\"command\":\"upgrade\"}", "/actuator/migrations?target=-2", "{\"command\":\"downgrade\"}");
		for (Map.Entry<String, String> request : requests.entrySet()) {
			HttpResponse<String> response = MigrationTestApplication.send(this.app, request.getKey(),
					request.getValue(), "ops", "OPS");

			assertThat(response.statusCode()).as(request.getKey()).isEqualTo(400);
			assertThat(response.body()).as(request.getKey())
				.contains("Nothing was changed: POST /actuator/migrations takes command, target, purge and migrator "
						+ "in the JSON body only, and this request's URL has a query string (")
				.contains("Send the request to /actuator/migrations without one, with everything in the body");
		}
		assertThat(MigrationTestApplication
			.send(this.app, "/actuator/migrations?command=downgrade&target=-1", "{\"command\":\"upgrade\"}", "ops",
					"OPS")
			.body()).contains("(command, target)");
		assertNothingChanged();
	}

	@Test
	void parametersInTheUrlAreRefusedOnASeparateManagementPortToo() throws Exception {
		try (ConfigurableApplicationContext separate = start(
				Map.of("migrations.endpoint.write-enabled", "true", "management.server.port", "0"))) {
			int port = separate.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations?command=downgrade"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"upgrade\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("this request's URL has a query string (command)");
		}
		assertNothingChanged();
	}

	@Test
	void aKeyTwiceIsRefusedInsteadOfTheLastWinning() throws Exception {
		// the parser kept the last: this ran downgrade base
		HttpResponse<String> response = post("{\"command\":\"upgrade\",\"command\":\"downgrade\",\"target\":\"base\"}",
				"ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.contains("Nothing was changed: the request body has the key \\\"command\\\" more than once (only the last "
					+ "would have counted). Send each key once, e.g. {\\\"command\\\":\\\"upgrade\\\"");
		assertNothingChanged();
	}

	@Test
	void bodyThatIsNotMarkedAsJson() throws Exception {
		HttpResponse<String> response = MigrationTestApplication.send(this.app, "/actuator/migrations",
				"application/x-www-form-urlencoded", "command=upgrade", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body())
			.contains("POST /actuator/migrations takes a JSON body: send it with " + "Content-Type: application/json");
		assertNothingChanged();
	}

	@Test
	void unknownCommand() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"migrate\",\"target\":\"heads\"}", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Unknown command 'migrate'. Use upgrade, downgrade or stamp.");
		assertNothingChanged();
	}

	@Test
	void missingCommand() throws Exception {
		HttpResponse<String> response = post("{\"target\":\"heads\"}", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request names no command. Send {\\\"command\\\":\\\"upgrade\\\"}, "
				+ "downgrade or stamp, with a \\\"target\\\" (upgrade defaults to heads).");
		assertNothingChanged();
	}

	@Test
	void missingTarget() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"downgrade\"}", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains(
				"The downgrade command needs a target, e.g. {\\\"command\\\":\\\"downgrade\\\",\\\"target\\\":\\\"-1\\\"}.");
		assertNothingChanged();
	}

	@Test
	void unknownTarget() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"upgrade\",\"target\":\"ffff99999999\"}", "ops", "OPS");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.contains("Nothing was changed: No revision or branch label is named 'ffff99999999'.");
		assertNothingChanged();
	}

	@Test
	void unauthenticatedWrite() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"upgrade\"}", null, "");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("The request is not authenticated: running migrations over the endpoint "
				+ "needs an authenticated user with one of the roles OPS. Secure the endpoint (e.g. with Spring "
				+ "Security), or run `java -jar app.jar migrate upgrade`.");
		assertNothingChanged();
	}

	@Test
	void unauthorisedWrite() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"upgrade\"}", "dev", "DEVELOPER");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body())
			.contains("User 'dev' has none of the roles OPS that migrations.endpoint.roles allows");
		assertNothingChanged();
	}

	@Test
	void writeWithWriteEnabledOff() throws Exception {
		try (ConfigurableApplicationContext readOnly = start(Map.of())) {
			HttpResponse<String> response = MigrationTestApplication.send(readOnly, "/actuator/migrations",
					"{\"command\":\"stamp\",\"target\":\"heads\"}", "ops", "OPS");

			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).contains("Write operations on /actuator/migrations are disabled. Set "
					+ "migrations.endpoint.write-enabled=true (and secure the endpoint) to allow them, or run "
					+ "`java -jar app.jar migrate stamp heads`.");
		}
		assertNothingChanged();
	}

	private ConfigurableApplicationContext start(Map<String, String> properties) {
		Map<String, Object> all = new LinkedHashMap<>(database().dataSourceProperties());
		all.put("migrations.locations", GOOD);
		all.putAll(properties);
		return MigrationTestApplication.start(List.of(), all);
	}

	private HttpResponse<String> post(String body, String user, String roles) throws Exception {
		HttpResponse<String> response = MigrationTestApplication.send(this.app, "/actuator/migrations", body, user,
				roles);
		assertThat(response.body()).as("no stack trace for the user").doesNotContain("\tat ").doesNotContain(".java:");
		return response;
	}

	private void assertNothingChanged() throws SQLException {
		assertThat(BadInputDatabaseState.of(database())).isEqualTo(this.before);
	}

}
