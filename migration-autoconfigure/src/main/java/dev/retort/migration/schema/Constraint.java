package dev.retort.migration.schema;

/**
 * A named table constraint.
 */
public sealed interface Constraint extends TableElement
		permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint {

	/** The constraint's name, or {@code null} to let the database choose one. */
	String name();

	/** The kind of constraint, as named in errors and rendered source. */
	Kind kind();

	/** Kinds of constraint. */
	enum Kind {

		PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK

	}

	static PrimaryKey primaryKey(String name, String... columns) {
		return new PrimaryKey(name, java.util.List.of(columns));
	}

	static UniqueConstraint unique(String name, String... columns) {
		return new UniqueConstraint(name, java.util.List.of(columns));
	}

	static CheckConstraint check(String name, String expression) {
		return new CheckConstraint(name, expression);
	}

	static ForeignKey foreignKey(String name, String column, String referencedTable, String referencedColumn) {
		return new ForeignKey(name, java.util.List.of(column), referencedTable, java.util.List.of(referencedColumn),
				ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
	}

	/**
	 * A foreign key over several columns, e.g.
	 * {@code Constraint.foreignKey("fk_lines_order", List.of("order_id", "shop_id"), "orders", List.of("id", "shop_id"))}.
	 */
	static ForeignKey foreignKey(String name, java.util.List<String> columns, String referencedTable,
			java.util.List<String> referencedColumns) {
		return new ForeignKey(name, columns, referencedTable, referencedColumns, ForeignKey.Action.NO_ACTION,
				ForeignKey.Action.NO_ACTION);
	}

}
