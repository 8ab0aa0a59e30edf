package dev.retort.migration.engine.orchestrator;

import java.util.List;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Type;

@Revision(id = "a1b2c3d4e5f6", message = "initial schema", branchLabels = "orchestrator")
public class InitialSchema implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("users", Column.of("id", Type.varchar(36)).primaryKey(),
				Column.of("name", Type.varchar(200)).notNull(), Column.of("email", Type.varchar(320)).notNull(),
				Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault("CURRENT_TIMESTAMP"));
		op.createTable("projects", Column.of("id", Type.varchar(36)).primaryKey(),
				Column.of("name", Type.varchar(200)).notNull(), Column.of("description", Type.TEXT),
				Column.of("status", Type.varchar(20)).notNull().serverDefault("'active'"),
				Column.of("owner_id", Type.varchar(36)).notNull(),
				Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault("CURRENT_TIMESTAMP"),
				new ForeignKey("fk_projects_owner", List.of("owner_id"), "users", List.of("id"), null, null));
		op.createTable("agents", Column.of("id", Type.varchar(36)).primaryKey(),
				Column.of("name", Type.varchar(200)).notNull(), Column.of("model", Type.varchar(100)).notNull(),
				Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault("CURRENT_TIMESTAMP"));
		op.createTable("tasks", Column.of("id", Type.varchar(36)).primaryKey(),
				Column.of("project_id", Type.varchar(36)).notNull(), Column.of("title", Type.varchar(500)).notNull(),
				Column.of("status", Type.varchar(20)).notNull().serverDefault("'open'"),
				Column.of("assigned_agent", Type.varchar(36)),
				Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault("CURRENT_TIMESTAMP"),
				new ForeignKey("fk_tasks_project", List.of("project_id"), "projects", List.of("id"),
						ForeignKey.Action.CASCADE, null),
				new ForeignKey("fk_tasks_agent", List.of("assigned_agent"), "agents", List.of("id"), null, null));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("tasks");
		op.dropTable("agents");
		op.dropTable("projects");
		op.dropTable("users");
	}

}
