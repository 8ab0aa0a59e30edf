package dev.retort.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Orchestrator in development, as the environments table has it: migrated on startup,
 * and a revision that fails does not stop the application; it stays up with the
 * migrations health DOWN, naming the revision, and the database at the last revision that
 * ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class OrchestratorDevProfileTests {

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + data.resolve("orchestrator_dev.db"));
		// the sample's revisions and one more that fails
		registry.add("migrations.locations", () -> "classpath:db/migrations,classpath:dev/retort/sample/failing");
	}

	@Test
	void aFailingRevisionLeavesTheApplicationUpWithItsHealthDown() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		HttpResponse<String> response = http.get("/actuator/health/migrations");
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode health = http.json(response.body());
		assertThat(health.path("status").asString()).isEqualTo("DOWN");
		assertThat(health.path("details").path("failedRevision").asString()).isEqualTo("dead00000001");
		assertThat(health.path("details").path("error").asString()).contains("no_such_table");
		assertThat(health.path("details").path("current").get(0).asString()).as("the revisions before it stay applied")
			.isEqualTo("9a4c2e7b1d3f");
		assertThat(http.get("/api/projects").statusCode()).as("the application still serves").isEqualTo(200);
	}

}
