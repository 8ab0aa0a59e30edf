package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Constraint;

/**
 * Drop a constraint: by name, or on a database that keeps some constraints without a name
 * (SQLite's foreign keys and checks) by its definition, which a table rebuild leaves out.
 *
 * @param table the table
 * @param name the constraint name, or {@code null} when the definition identifies it
 * @param kind the kind of constraint, or {@code null} when not given
 * @param definition the constraint, needed to add it back, or {@code null}
 */
public record DropConstraint(String table, String name, Constraint.Kind kind,
		Constraint definition) implements Operation {

	public DropConstraint {
		Objects.requireNonNull(table, "table");
		if (name == null && definition == null) {
			throw new IllegalArgumentException(
					"Dropping a constraint of " + table + " needs its name or its definition");
		}
		if (kind == null && definition != null) {
			kind = definition.kind();
		}
	}

	@Override
	public Operation inverse() {
		if (this.definition == null) {
			throw new IrreversibleOperationException("dropConstraint(\"" + this.name + "\", \"" + this.table
					+ "\") cannot be reversed: its definition is unknown. Pass the constraint: dropConstraint(\""
					+ this.table + "\", Constraint.…(\"" + this.name + "\", …)).");
		}
		return new AddConstraint(this.table, this.definition);
	}

}
