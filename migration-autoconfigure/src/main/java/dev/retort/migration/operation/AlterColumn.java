package dev.retort.migration.operation;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

/**
 * Change one column in any combination of ways. A {@code null} field means "leave as it
 * is"; for the server default and comment, {@code Optional.empty()} means "remove". Build
 * one with {@link Change}:
 *
 * <pre>{@code op.alterColumn("tasks", "status", (c) -> c.rename("task_status").type(Type.varchar(50)).notNull()
 * 	.existing(Column.of("status", Type.TEXT)));}</pre>
 *
 * @param table the table
 * @param column the column's current name
 * @param newName the new name, or {@code null}
 * @param type the new type, or {@code null}
 * @param nullable the new nullability, or {@code null}
 * @param serverDefault the new server default, or {@code null}
 * @param comment the new comment, or {@code null}
 * @param existing the column as it is before the change, needed for the inverse (and by
 * dialects that must restate the whole column), or {@code null} when unknown
 * @param using an SQL expression converting existing values to the new type (PostgreSQL
 * {@code USING}), or {@code null} for a plain cast when the type's kind changes
 */
public record AlterColumn(String table, String column, String newName, Type type, Boolean nullable,
		Optional<String> serverDefault, Optional<String> comment, Column existing, String using) implements Operation {

	public AlterColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
		if (newName != null && newName.equals(column)) {
			newName = null;
		}
	}

	public AlterColumn(String table, String column, String newName, Type type, Boolean nullable,
			Optional<String> serverDefault, Optional<String> comment, Column existing) {
		this(table, column, newName, type, nullable, serverDefault, comment, existing, null);
	}

	/**
	 * The change that {@code change} describes, e.g.
	 * {@code AlterColumn.of("tasks", "status", (c) -> c.notNull())}.
	 */
	public static AlterColumn of(String table, String column, Consumer<Change> change) {
		Change builder = new Change();
		change.accept(builder);
		return builder.build(table, column);
	}

	/** The column's name once the change is done. */
	public String resultingName() {
		return (this.newName != null) ? this.newName : this.column;
	}

	/** Whether anything but the name changes. */
	public boolean changesDefinition() {
		return this.type != null || this.nullable != null || this.serverDefault != null;
	}

	/** The column as it is after the change, when {@link #existing()} is known. */
	public Optional<Column> resultingColumn() {
		return Optional.ofNullable(this.existing).map(this::applyTo);
	}

	/** The given column (the current definition) with this change applied. */
	public Column applyTo(Column current) {
		Column result = current.named(resultingName());
		if (this.type != null) {
			result = result.type(this.type);
		}
		if (this.nullable != null) {
			result = result.nullable(this.nullable);
		}
		if (this.serverDefault != null) {
			result = result.serverDefault(this.serverDefault.orElse(null));
		}
		if (this.comment != null) {
			result = result.comment(this.comment.orElse(null));
		}
		return result;
	}

	@Override
	public Operation inverse() {
		if (this.existing == null && (changesDefinition() || this.comment != null)) {
			throw new IrreversibleOperationException("alterColumn(\"" + this.table + "\", \"" + this.column
					+ "\") cannot be reversed: the column's previous definition is unknown. Give it with .existing(Column.of(\""
					+ this.column + "\", …)).");
		}
		Column before = this.existing;
		Column after = resultingColumn().orElse(null);
		return new AlterColumn(this.table, resultingName(), (this.newName != null) ? this.column : null,
				(this.type != null) ? before.type() : null, (this.nullable != null) ? before.isNullable() : null,
				(this.serverDefault != null) ? Optional.ofNullable(before.serverDefault()) : null,
				(this.comment != null) ? Optional.ofNullable(before.comment()) : null, after, null);
	}

	/**
	 * A fluent description of a column change, for
	 * {@link Operations#alterColumn(String, String, java.util.function.Consumer)}.
	 */
	public static final class Change {

		private String newName;

		private Type type;

		private String using;

		private Boolean nullable;

		private Optional<String> serverDefault;

		private Optional<String> comment;

		private Column existing;

		/** Renames the column. */
		public Change rename(String newName) {
			this.newName = newName;
			return this;
		}

		/** Changes the column's type. */
		public Change type(Type type) {
			this.type = type;
			return this;
		}

		/**
		 * Converts existing values with this SQL expression (PostgreSQL {@code USING});
		 * without it a cast to the new type is used when the kind of type changes.
		 */
		public Change using(String expression) {
			this.using = expression;
			return this;
		}

		public Change notNull() {
			this.nullable = false;
			return this;
		}

		public Change nullable() {
			this.nullable = true;
			return this;
		}

		public Change nullable(boolean nullable) {
			this.nullable = nullable;
			return this;
		}

		/**
		 * Sets the server default, an SQL expression such as {@code "0"} or
		 * {@code "'open'"}.
		 */
		public Change serverDefault(String expression) {
			this.serverDefault = Optional.ofNullable(expression);
			return this;
		}

		public Change dropServerDefault() {
			this.serverDefault = Optional.empty();
			return this;
		}

		public Change comment(String comment) {
			this.comment = Optional.ofNullable(comment);
			return this;
		}

		public Change dropComment() {
			this.comment = Optional.empty();
			return this;
		}

		/**
		 * The column as it is before the change: makes the change reversible and lets
		 * SQLite restate the column without reading the database.
		 */
		public Change existing(Column column) {
			this.existing = column;
			return this;
		}

		AlterColumn build(String table, String column) {
			return new AlterColumn(table, column, this.newName, this.type, this.nullable, this.serverDefault,
					this.comment, this.existing, this.using);
		}

	}

}
