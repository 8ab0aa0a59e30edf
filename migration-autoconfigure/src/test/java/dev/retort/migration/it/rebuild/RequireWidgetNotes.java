package dev.retort.migration.it.rebuild;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

/**
 * Makes a column NOT NULL while a row has none: on SQLite a table rebuild, whose copy of
 * the rows fails.
 */
@Revision(id = "ffff00000003", revises = "aaaa00000002", message = "require a note on widgets")
public class RequireWidgetNotes implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("widgets", Column.of("note", Type.varchar(50)));
		op.execute("INSERT INTO widgets (name) VALUES ('without a note')");
		op.alterColumn("widgets", "note", (column) -> column.notNull());
	}

	@Override
	public void downgrade(Operations op) {
		op.dropColumn("widgets", "note");
	}

}
