package db.migrations;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;

/**
 * Indexes for the queries the API runs: tasks by project, by status, by priority.
 */
@Revision(id = "7c8d9e0f1a2b", revises = "3f2a9c1b7d4e", message = "add indexes", created = "2026-11-21T13:00:00Z")
public class AddIndexes implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createIndex("ix_tasks_project_id", "tasks", "project_id");
		op.createIndex("ix_tasks_status", "tasks", "status");
		op.createIndex("ix_tasks_priority", "tasks", "priority", "created_at");
		op.createIndex("ix_projects_owner_id", "projects", "owner_id");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropIndex("ix_projects_owner_id", "projects");
		op.dropIndex("ix_tasks_priority", "tasks");
		op.dropIndex("ix_tasks_status", "tasks");
		op.dropIndex("ix_tasks_project_id", "tasks");
	}

}
