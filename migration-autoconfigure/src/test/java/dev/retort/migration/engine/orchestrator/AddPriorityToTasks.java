package dev.retort.migration.engine.orchestrator;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "3f2a9c1b7d4e", revises = "a1b2c3d4e5f6", message = "add priority to tasks")
public class AddPriorityToTasks implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("tasks", Column.of("priority", Type.INTEGER).notNull().serverDefault("0"));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropColumn("tasks", "priority");
	}

}
