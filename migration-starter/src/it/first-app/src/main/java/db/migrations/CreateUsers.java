package db.migrations;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

@Revision(id = "a1b2c3d4e5f6", message = "create users")
public class CreateUsers implements Migration {

	public void upgrade(Operations op) {
		op.createTable("users", Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
				Column.of("email", Type.varchar(255)).notNull());
	}

	public void downgrade(Operations op) {
		op.dropTable("users");
	}

}
