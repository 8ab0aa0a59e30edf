package dev.retort.migration.schema;

/**
 * A check constraint.
 *
 * @param name the constraint name, or {@code null}
 * @param expression the SQL boolean expression, as the user wrote it
 */
public record CheckConstraint(String name, String expression) implements Constraint {

	@Override
	public Kind kind() {
		return Kind.CHECK;
	}

}
