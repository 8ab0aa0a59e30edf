package dev.retort.migration.operation;

import java.util.Objects;

/**
 * Rename a table.
 *
 * @param table the current name
 * @param newName the new name
 */
public record RenameTable(String table, String newName) implements Operation {

	public RenameTable {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(newName, "newName");
	}

	@Override
	public Operation inverse() {
		return new RenameTable(this.newName, this.table);
	}

}
