package dev.retort.migration.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index on a table.
 *
 * @param name the index name
 * @param table the indexed table
 * @param columns the indexed columns, in order
 * @param unique whether the index enforces uniqueness
 * @param where the predicate of a partial index (SQL), or {@code null}
 */
public record Index(String name, String table, List<String> columns, boolean unique, String where) {

	public Index {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Index " + name + " on " + table + " names no columns");
		}
	}

	public static Index of(String name, String table, String... columns) {
		return new Index(name, table, List.of(columns), false, null);
	}

	public Index asUnique() {
		return new Index(this.name, this.table, this.columns, true, this.where);
	}

	public Index where(String predicate) {
		return new Index(this.name, this.table, this.columns, this.unique, predicate);
	}

}
