package dev.retort.migration.it.good;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "aaaa00000002", revises = "aaaa00000001", message = "add size to widgets")
public class AddWidgetSize implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("widgets", Column.of("size", Type.INTEGER).notNull().serverDefault("0"));
		op.createIndex("ix_widgets_size", "widgets", "size");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropIndex("ix_widgets_size", "widgets");
		op.dropColumn("widgets", "size");
	}

}
