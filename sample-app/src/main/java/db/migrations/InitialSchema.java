package db.migrations;

import java.util.List;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * The Orchestrator's tables: users, projects, agents and tasks.
 */
@Revision(id = "a1b2c3d4e5f6", message = "initial schema", created = "2026-11-21T12:00:00Z")
public class InitialSchema implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("users", id(), Column.of("username", Type.varchar(100)).notNull(),
				Column.of("email", Type.varchar(255)).notNull(), createdAt(),
				new UniqueConstraint("uq_users_username", List.of("username")));
		op.createTable("projects", id(), Column.of("name", Type.varchar(200)).notNull(),
				Column.of("description", Type.TEXT), Column.of("owner_id", Type.BIGINT), createdAt(),
				new ForeignKey("fk_projects_owner", List.of("owner_id"), "users", List.of("id"),
						ForeignKey.Action.SET_NULL, null));
		op.createTable("agents", id(), Column.of("name", Type.varchar(100)).notNull(),
				Column.of("kind", Type.varchar(50)).notNull(),
				Column.of("status", Type.varchar(20)).notNull().serverDefault("'idle'"), createdAt(),
				new UniqueConstraint("uq_agents_name", List.of("name")));
		op.createTable("tasks", id(), Column.of("project_id", Type.BIGINT).notNull(),
				Column.of("title", Type.varchar(200)).notNull(), Column.of("description", Type.TEXT),
				Column.of("status", Type.varchar(20)).notNull().serverDefault("'open'"),
				Column.of("agent_id", Type.BIGINT), createdAt(),
				new ForeignKey("fk_tasks_project", List.of("project_id"), "projects", List.of("id"),
						ForeignKey.Action.CASCADE, null),
				new ForeignKey("fk_tasks_agent", List.of("agent_id"), "agents", List.of("id"),
						ForeignKey.Action.SET_NULL, null));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("tasks");
		op.dropTable("agents");
		op.dropTable("projects");
		op.dropTable("users");
	}

	private static Column id() {
		return Column.of("id", Type.BIGINT).primaryKey().autoIncrement();
	}

	private static Column createdAt() {
		return Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault("CURRENT_TIMESTAMP");
	}

}
