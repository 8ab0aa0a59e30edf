package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Constraint;

/**
 * Drop a named constraint.
 *
 * @param table the table
 * @param name the constraint name
 * @param kind the kind of constraint
 * @param definition the constraint, needed to add it back, or {@code null}
 */
public record DropConstraint(String table, String name, Constraint.Kind kind,
		Constraint definition) implements Operation {

	public DropConstraint {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
	}

	@Override
	public Operation inverse() {
		if (this.definition == null) {
			throw new IrreversibleOperationException("Dropping constraint " + this.name + " on " + this.table
					+ " cannot be reversed: its definition is unknown. Add it back in downgrade() yourself.");
		}
		return new AddConstraint(this.table, this.definition);
	}

}
