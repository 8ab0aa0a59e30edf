package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Column;

/**
 * Add a column to a table.
 *
 * @param table the table
 * @param column the new column
 */
public record AddColumn(String table, Column column) implements Operation {

	public AddColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	@Override
	public Operation inverse() {
		return new DropColumn(this.table, this.column.name(), this.column);
	}

}
