package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Column;

/**
 * Drop a column.
 *
 * @param table the table
 * @param column the column's name
 * @param definition the column's definition, needed to add it back, or {@code null}
 */
public record DropColumn(String table, String column, Column definition) implements Operation {

	public DropColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	@Override
	public Operation inverse() {
		if (this.definition == null) {
			throw new IrreversibleOperationException("dropColumn(\"" + this.table + "\", \"" + this.column
					+ "\") cannot be reversed: the old column definition is unknown. Pass it: dropColumn(\""
					+ this.table + "\", Column.of(\"" + this.column + "\", …)).");
		}
		return new AddColumn(this.table, this.definition);
	}

}
