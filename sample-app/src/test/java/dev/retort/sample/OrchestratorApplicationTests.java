package dev.retort.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Orchestrator started as a newcomer would, with no profile: it migrates its SQLite
 * file on startup and serves its API, {@code /actuator/migrations} and
 * {@code /actuator/health}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrchestratorApplicationTests {

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// a directory that does not exist yet, as ./data/ on a fresh checkout
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + data.resolve("data").resolve("orchestrator.db"));
	}

	@Test
	void startsMigratedToItsRevisions() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		JsonNode database = http.getJson("/actuator/migrations").path("migrators").path("migrator");
		assertThat(database.path("upToDate").asBoolean()).isTrue();
		assertThat(database.path("dialect").asString()).isEqualTo("sqlite");
		List<String> applied = new ArrayList<>();
		database.path("revisions").forEach((revision) -> {
			assertThat(revision.path("state").asString()).isEqualTo("applied");
			applied.add(revision.path("id").asString() + " " + revision.path("message").asString());
		});
		assertThat(applied).containsExactly("a1b2c3d4e5f6 initial schema", "3f2a9c1b7d4e add priority to tasks",
				"7c8d9e0f1a2b add indexes", "9a4c2e7b1d3f created_at with time zone");
		JsonNode health = http.getJson("/actuator/health");
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("migrations").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void apiStoresProjectsAndTasksInTheMigratedSchema() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		HttpResponse<String> project = http.post("/api/projects",
				"{\"name\":\"Retort\",\"description\":\"migrations\"}", null, null);
		assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
		long projectId = http.json(project.body()).path("id").asLong();
		assertThat(http.post("/api/projects/" + projectId + "/tasks", "{\"title\":\"write docs\"}", null, null)
			.statusCode()).isEqualTo(201);
		assertThat(http.post("/api/projects/" + projectId + "/tasks", "{\"title\":\"ship\",\"priority\":5}", null, null)
			.statusCode()).isEqualTo(201);
		JsonNode tasks = http.getJson("/api/projects/" + projectId + "/tasks");
		assertThat(tasks.get(0).path("title").asString()).isEqualTo("ship");
		assertThat(tasks.get(0).path("priority").asInt()).isEqualTo(5);
		assertThat(tasks.get(1).path("priority").asInt()).isZero();
		assertThat(tasks.get(1).path("status").asString()).isEqualTo("open");
		assertThat(http.getJson("/api/projects").size()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void runningMigrationsOverTheEndpointNeedsTheAdminRole() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		String upgrade = "{\"command\":\"upgrade\",\"target\":\"heads\"}";
		assertThat(http.post("/actuator/migrations", upgrade, null, null).statusCode()).isEqualTo(401);
		assertThat(http.post("/actuator/migrations", upgrade, "admin", "wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> asAdmin = http.post("/actuator/migrations", upgrade, "admin", "admin");
		assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(200);
		assertThat(http.json(asAdmin.body()).path("steps")).isEmpty();
	}

	@Test
	void revisionDetailShowsTheSqlForSqlite() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		JsonNode revision = http.getJson("/actuator/migrations/3f2a9c").path("migrators").path("migrator");
		assertThat(revision.path("id").asString()).isEqualTo("3f2a9c1b7d4e");
		assertThat(revision.path("upgrade").path("sql").get(0).asString())
			.isEqualTo("ALTER TABLE \"tasks\" ADD COLUMN \"priority\" INTEGER NOT NULL DEFAULT 0");
	}

}
