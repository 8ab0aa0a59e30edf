package dev.retort.migration.it.offline;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "eeee00000001", message = "create and seed gadgets, online or in a script")
public class SeedGadgetsEitherWay implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("gadgets", Column.of("id", Type.INTEGER).primaryKey(),
				Column.of("name", Type.varchar(50)).notNull());
		if (op.isOffline()) {
			op.execute("INSERT INTO gadgets (id, name) VALUES (1, 'from the script')");
		}
		else {
			op.jdbc().update("INSERT INTO gadgets (id, name) VALUES (?, ?)", 1, "through jdbc");
		}
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("gadgets");
	}

}
