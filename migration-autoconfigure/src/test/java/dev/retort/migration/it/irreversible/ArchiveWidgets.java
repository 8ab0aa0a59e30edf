package dev.retort.migration.it.irreversible;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "dddd00000001", message = "archive widgets")
public class ArchiveWidgets implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("widget_archive", Column.of("id", Type.BIGINT).primaryKey());
	}

	@Override
	public void downgrade(Operations op) {
		op.irreversible("archived widgets cannot be restored");
	}

}
