package dev.retort.migration.it.data;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "cccc00000001", message = "create and seed gadgets")
public class SeedGadgets implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("gadgets", Column.of("id", Type.INTEGER).primaryKey(),
				Column.of("name", Type.varchar(50)).notNull());
		op.jdbc().update("INSERT INTO gadgets (id, name) VALUES (1, 'sprocket')");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("gadgets");
	}

}
