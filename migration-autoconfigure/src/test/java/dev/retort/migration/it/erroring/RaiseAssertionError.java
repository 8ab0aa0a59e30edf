package dev.retort.migration.it.erroring;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

/**
 * A revision on top of {@code it/good} with a bug: it writes, then throws an
 * {@link Error} rather than an exception.
 */
@Revision(id = "eeee00000003", revises = "aaaa00000002", message = "fail with an assertion error")
public class RaiseAssertionError implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("half_done", Column.of("id", Type.INTEGER));
		op.jdbc().update("INSERT INTO half_done (id) VALUES (1)");
		throw new AssertionError("a bug in the revision");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("half_done");
	}

}
