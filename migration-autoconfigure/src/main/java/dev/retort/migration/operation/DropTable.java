package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Table;

/**
 * Drop a table.
 *
 * @param table the table to drop
 * @param definition the table's definition, needed to recreate it on the way back, or
 * {@code null} when unknown
 */
public record DropTable(String table, Table definition) implements Operation {

	public DropTable {
		Objects.requireNonNull(table, "table");
	}

	@Override
	public Operation inverse() {
		if (this.definition == null) {
			throw new IrreversibleOperationException("dropTable(\"" + this.table
					+ "\") cannot be reversed: its definition is unknown. Write the createTable in downgrade() yourself.");
		}
		return new CreateTable(this.definition);
	}

}
