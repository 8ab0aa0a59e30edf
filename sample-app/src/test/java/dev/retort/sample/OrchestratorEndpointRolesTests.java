package dev.retort.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security: Retort checks {@code migrations.endpoint.roles} through
 * actuator's security context itself, even when the application's filter chain lets the
 * request through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "migrations.endpoint.roles=AUDITOR")
class OrchestratorEndpointRolesTests {

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + data.resolve("orchestrator.db"));
	}

	@Test
	void anAdminWithoutTheConfiguredRoleIsRefusedByRetort() throws Exception {
		SampleHttp http = new SampleHttp(this.port);

		HttpResponse<String> asAdmin = http.post("/actuator/migrations",
				"{\"command\":\"downgrade\",\"target\":\"-1\"}", "admin", "admin");

		assertThat(asAdmin.statusCode()).isEqualTo(403);
		assertThat(asAdmin.body()).contains("User 'admin' has none of the roles AUDITOR");
		JsonNode database = http.getJson("/actuator/migrations").path("migrators").path("migrator");
		assertThat(database.path("upToDate").asBoolean()).isTrue();
	}

}
