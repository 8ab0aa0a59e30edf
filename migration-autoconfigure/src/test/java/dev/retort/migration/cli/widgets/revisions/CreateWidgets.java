package dev.retort.migration.cli.widgets.revisions;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "cccc00000001", message = "create widgets")
public class CreateWidgets implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("widgets", Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
				Column.of("name", Type.varchar(100)).notNull(), Column.of("size", Type.INTEGER).notNull());
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("widgets");
	}

}
