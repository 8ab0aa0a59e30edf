package dev.retort.migration.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from columns of one table to columns of another.
 *
 * @param name the constraint name, or {@code null}
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, matching {@code columns} in order
 * @param onDelete what happens to referencing rows when the referenced row is deleted
 * @param onUpdate what happens when the referenced key changes
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
		Action onDelete, Action onUpdate) implements Constraint {

	public ForeignKey {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
		Objects.requireNonNull(referencedTable, "referencedTable");
		onDelete = (onDelete != null) ? onDelete : Action.NO_ACTION;
		onUpdate = (onUpdate != null) ? onUpdate : Action.NO_ACTION;
		if (columns.size() != referencedColumns.size()) {
			throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
					+ " columns but references " + referencedColumns.size());
		}
	}

	public ForeignKey onDelete(Action action) {
		return new ForeignKey(this.name, this.columns, this.referencedTable, this.referencedColumns, action,
				this.onUpdate);
	}

	public ForeignKey onUpdate(Action action) {
		return new ForeignKey(this.name, this.columns, this.referencedTable, this.referencedColumns, this.onDelete,
				action);
	}

	@Override
	public Kind kind() {
		return Kind.FOREIGN_KEY;
	}

	/** Referential actions. */
	public enum Action {

		NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
		SET_DEFAULT("SET DEFAULT");

		private final String sql;

		Action(String sql) {
			this.sql = sql;
		}

		/** The action as SQL spells it. */
		public String sql() {
			return this.sql;
		}

	}

}
