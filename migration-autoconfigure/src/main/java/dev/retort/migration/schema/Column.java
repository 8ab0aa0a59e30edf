package dev.retort.migration.schema;

import java.util.Objects;

/**
 * An immutable column definition. Columns are nullable unless {@link #notNull()} or
 * {@link #primaryKey()} says otherwise; each {@code with}-style method returns a copy:
 *
 * <pre>{@code Column.of("priority", Type.INTEGER).notNull().serverDefault("0")}</pre>
 */
public final class Column implements TableElement {

	private final String name;

	private final Type type;

	private final boolean nullable;

	private final String serverDefault;

	private final boolean primaryKey;

	private final boolean autoIncrement;

	private final String comment;

	private Column(String name, Type type, boolean nullable, String serverDefault, boolean primaryKey,
			boolean autoIncrement, String comment) {
		this.name = Objects.requireNonNull(name, "name");
		this.type = Objects.requireNonNull(type, "type");
		this.nullable = nullable;
		this.serverDefault = serverDefault;
		this.primaryKey = primaryKey;
		this.autoIncrement = autoIncrement;
		this.comment = comment;
	}

	/** A nullable column with no default. */
	public static Column of(String name, Type type) {
		return new Column(name, type, true, null, false, false, null);
	}

	public String name() {
		return this.name;
	}

	public Type type() {
		return this.type;
	}

	public boolean isNullable() {
		return this.nullable;
	}

	/**
	 * The server default as an SQL expression ({@code "0"}, {@code "'open'"},
	 * {@code "CURRENT_TIMESTAMP"}), or {@code null}.
	 */
	public String serverDefault() {
		return this.serverDefault;
	}

	public boolean isPrimaryKey() {
		return this.primaryKey;
	}

	public boolean isAutoIncrement() {
		return this.autoIncrement;
	}

	public String comment() {
		return this.comment;
	}

	public Column named(String name) {
		return new Column(name, this.type, this.nullable, this.serverDefault, this.primaryKey, this.autoIncrement,
				this.comment);
	}

	public Column type(Type type) {
		return new Column(this.name, type, this.nullable, this.serverDefault, this.primaryKey, this.autoIncrement,
				this.comment);
	}

	public Column notNull() {
		return nullable(false);
	}

	public Column nullable() {
		return nullable(true);
	}

	public Column nullable(boolean nullable) {
		return new Column(this.name, this.type, nullable, this.serverDefault, this.primaryKey, this.autoIncrement,
				this.comment);
	}

	/**
	 * A copy with the given server default, an SQL expression; {@code null} removes it.
	 */
	public Column serverDefault(String expression) {
		return new Column(this.name, this.type, this.nullable, expression, this.primaryKey, this.autoIncrement,
				this.comment);
	}

	/** A copy that is (part of) the table's primary key, and so not null. */
	public Column primaryKey() {
		return new Column(this.name, this.type, false, this.serverDefault, true, this.autoIncrement, this.comment);
	}

	/** A copy whose values the database generates (identity / autoincrement). */
	public Column autoIncrement() {
		return new Column(this.name, this.type, this.nullable, this.serverDefault, this.primaryKey, true, this.comment);
	}

	public Column comment(String comment) {
		return new Column(this.name, this.type, this.nullable, this.serverDefault, this.primaryKey, this.autoIncrement,
				comment);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Column that)) {
			return false;
		}
		return this.nullable == that.nullable && this.primaryKey == that.primaryKey
				&& this.autoIncrement == that.autoIncrement && this.name.equals(that.name)
				&& this.type.equals(that.type) && Objects.equals(this.serverDefault, that.serverDefault)
				&& Objects.equals(this.comment, that.comment);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.type, this.nullable, this.serverDefault, this.primaryKey,
				this.autoIncrement, this.comment);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Column[").append(this.name).append(' ').append(this.type);
		if (this.primaryKey) {
			text.append(" primary key");
		}
		if (!this.nullable) {
			text.append(" not null");
		}
		if (this.autoIncrement) {
			text.append(" auto increment");
		}
		if (this.serverDefault != null) {
			text.append(" default ").append(this.serverDefault);
		}
		if (this.comment != null) {
			text.append(" comment '").append(this.comment).append('\'');
		}
		return text.append(']').toString();
	}

}
