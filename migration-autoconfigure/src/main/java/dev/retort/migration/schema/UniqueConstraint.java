package dev.retort.migration.schema;

import java.util.List;

/**
 * A unique constraint over one or more columns.
 *
 * @param name the constraint name, or {@code null}
 * @param columns the constrained columns, in order
 */
public record UniqueConstraint(String name, List<String> columns) implements Constraint {

	public UniqueConstraint {
		columns = List.copyOf(columns);
	}

	@Override
	public Kind kind() {
		return Kind.UNIQUE;
	}

}
