package dev.retort.migration.it.failing;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "bbbb00000001", message = "create gadgets")
public class CreateGadgets implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("gadgets", Column.of("id", Type.BIGINT).primaryKey());
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("gadgets");
	}

}
