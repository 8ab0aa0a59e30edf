package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Constraint;

/**
 * Add a constraint (primary key, unique, foreign key, check) to an existing table.
 *
 * @param table the table
 * @param constraint the constraint; it must be named so that it can be dropped again
 */
public record AddConstraint(String table, Constraint constraint) implements Operation {

	public AddConstraint {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(constraint, "constraint");
	}

	@Override
	public Operation inverse() {
		if (this.constraint.name() == null) {
			throw new IrreversibleOperationException("The " + this.constraint.kind().name().toLowerCase()
					+ " constraint added to " + this.table + " has no name, so it cannot be dropped again. Name it.");
		}
		return new DropConstraint(this.table, this.constraint.name(), this.constraint.kind(), this.constraint);
	}

}
