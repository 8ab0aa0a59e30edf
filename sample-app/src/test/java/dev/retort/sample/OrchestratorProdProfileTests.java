package dev.retort.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Orchestrator in production: PostgreSQL from {@code DATABASE_URL}, nothing migrated
 * on startup, so health shows the pending revisions and takes the app out of service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class OrchestratorProdProfileTests {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", postgres::jdbcUrl);
		registry.add("DATABASE_USERNAME", () -> (postgres.username() != null) ? postgres.username() : "");
		registry.add("DATABASE_PASSWORD", () -> (postgres.password() != null) ? postgres.password() : "");
		registry.add("ADMIN_PASSWORD", () -> "prod-secret");
	}

	@Test
	void healthShowsThePendingRevisionsAndIsOutOfService() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		HttpResponse<String> response = http.get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode health = http.json(response.body());
		assertThat(health.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
		JsonNode migrations = health.path("components").path("migrations");
		assertThat(migrations.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
		List<String> pending = new ArrayList<>();
		migrations.path("details").path("pending").forEach((id) -> pending.add(id.asString()));
		assertThat(pending).containsExactly("a1b2c3d4e5f6", "3f2a9c1b7d4e", "7c8d9e0f1a2b", "9a4c2e7b1d3f");
		assertThat(migrations.path("details").path("current")).isEmpty();

		HttpResponse<String> readiness = http.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as("no traffic before the upgrade").isEqualTo(503);
		assertThat(http.json(readiness.body()).path("status").asString()).isEqualTo("OUT_OF_SERVICE");
		assertThat(http.get("/actuator/health/liveness").statusCode()).as("but no restart either").isEqualTo(200);
	}

	@Test
	void writesAreRefusedInProduction() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		HttpResponse<String> refused = http.post("/actuator/migrations", "{\"command\":\"upgrade\"}", "admin",
				"prod-secret");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("migrations.endpoint.write-enabled=true");
		JsonNode database = http.getJson("/actuator/migrations").path("migrators").path("migrator");
		assertThat(database.path("dialect").asString()).isEqualTo("postgresql");
		assertThat(database.path("current")).isEmpty();
	}

}
