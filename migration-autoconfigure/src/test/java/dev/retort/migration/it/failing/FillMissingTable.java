package dev.retort.migration.it.failing;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;

@Revision(id = "bbbb00000002", revises = "bbbb00000001", message = "fill a table that does not exist")
public class FillMissingTable implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("INSERT INTO no_such_table (id) VALUES (1)");
	}

	@Override
	public void downgrade(Operations op) {
	}

}
