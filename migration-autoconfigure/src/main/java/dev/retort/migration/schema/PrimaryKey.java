package dev.retort.migration.schema;

import java.util.List;

/**
 * A primary key constraint.
 *
 * @param name the constraint name, or {@code null}
 * @param columns the key's columns, in order
 */
public record PrimaryKey(String name, List<String> columns) implements Constraint {

	public PrimaryKey {
		columns = List.copyOf(columns);
	}

	@Override
	public Kind kind() {
		return Kind.PRIMARY_KEY;
	}

}
