package dev.retort.sample;

import java.util.List;

import dev.retort.migration.test.RevisionData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows the Orchestrator's revisions must keep, for the test kit on each database.
 */
final class OrchestratorRevisionData {

	private OrchestratorRevisionData() {
	}

	static List<RevisionData> all() {
		return List.of(RevisionData.before("3f2a9c1b7d4e").seed((jdbc) -> {
			jdbc.update("INSERT INTO users (id, username, email) VALUES (1, 'ada', 'ada@example.com')");
			jdbc.update("INSERT INTO projects (id, name, owner_id) VALUES (1, 'Retort', 1)");
			jdbc.update("INSERT INTO tasks (id, project_id, title) VALUES (1, 1, 'ship the test kit')");
		}).verify((jdbc) -> {
			assertThat(jdbc.queryForList("SELECT title, priority, status FROM tasks")).singleElement()
				.satisfies((row) -> {
					assertThat(row.get("title")).isEqualTo("ship the test kit");
					assertThat(((Number) row.get("priority")).intValue()).as("priority of an existing task").isZero();
					assertThat(row.get("status")).isEqualTo("open");
				});
			assertThat(jdbc.queryForObject("SELECT owner_id FROM projects WHERE id = 1", Long.class)).isEqualTo(1L);
		}), RevisionData.before("7c8d9e0f1a2b")
			.seed((jdbc) -> jdbc.update("INSERT INTO agents (id, name, kind) VALUES (1, 'planner', 'llm')"))
			.verify((jdbc) -> assertThat(
					jdbc.queryForObject("SELECT status FROM agents WHERE name = 'planner'", String.class))
				.isEqualTo("idle")));
	}

}
