package dev.retort.migration.engine.invalid;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;

@Revision(id = "de0000000001", message = "depends on a revision that does not exist", dependsOn = "ffffffffffff")
public class DependsOnMissing implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE never_created (id INTEGER)");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE never_created");
	}

}
