package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Table;

/**
 * Create a table with its columns and inline constraints.
 *
 * @param definition the table to create
 */
public record CreateTable(Table definition) implements Operation {

	public CreateTable {
		Objects.requireNonNull(definition, "definition");
	}

	@Override
	public String table() {
		return this.definition.name();
	}

	@Override
	public Operation inverse() {
		return new DropTable(this.definition.name(), this.definition);
	}

}
