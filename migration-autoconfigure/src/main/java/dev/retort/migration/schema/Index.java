package dev.retort.migration.schema;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An index on a table.
 *
 * @param name the index name
 * @param table the indexed table
 * @param columns the indexed columns, in order
 * @param unique whether the index enforces uniqueness
 * @param where the predicate of a partial index (SQL), or {@code null}
 * @param descending the columns that sort descending ({@code created_at DESC}); the
 * others sort ascending
 */
public record Index(String name, String table, List<String> columns, boolean unique, String where,
		Set<String> descending) {

	public Index {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Index " + name + " on " + table + " names no columns");
		}
		descending = Set.copyOf(descending);
		for (String column : descending) {
			if (!columns.contains(column)) {
				throw new IllegalArgumentException("Index " + name + " on " + table + " sorts " + column
						+ " descending, but does not index it (its columns are " + String.join(", ", columns) + ")");
			}
		}
	}

	/** An index whose columns all sort ascending. */
	public Index(String name, String table, List<String> columns, boolean unique, String where) {
		this(name, table, columns, unique, where, Set.of());
	}

	public static Index of(String name, String table, String... columns) {
		return new Index(name, table, List.of(columns), false, null);
	}

	public Index asUnique() {
		return new Index(this.name, this.table, this.columns, true, this.where, this.descending);
	}

	public Index where(String predicate) {
		return new Index(this.name, this.table, this.columns, this.unique, predicate, this.descending);
	}

	/**
	 * The index with these of its columns sorting descending, e.g.
	 * {@code Index.of("ix_orders_recent", "orders", "created_at").descending("created_at")}.
	 */
	public Index descending(String... columns) {
		Set<String> sorted = new LinkedHashSet<>(this.descending);
		sorted.addAll(Arrays.asList(columns));
		return new Index(this.name, this.table, this.columns, this.unique, this.where, sorted);
	}

	/** The columns that sort descending, in the index's order. */
	public List<String> descendingColumns() {
		return this.columns.stream().filter(this.descending::contains).toList();
	}

	/**
	 * The columns as a reader writes them, each descending one followed by {@code DESC}:
	 * {@code [customer_id, created_at DESC]}.
	 */
	public List<String> columnsWithOrder() {
		return this.columns.stream().map((column) -> column + (isDescending(column) ? " DESC" : "")).toList();
	}

	/** Whether the column sorts descending in this index. */
	public boolean isDescending(String column) {
		return this.descending.contains(column);
	}

	/**
	 * The same index under another name, on another table or with its columns renamed,
	 * position by position: a column's sort order stays with its position.
	 */
	public Index with(String name, String table, List<String> columns) {
		if (columns.size() != this.columns.size()) {
			throw new IllegalArgumentException(
					"Index " + this.name + " has " + this.columns.size() + " columns, not " + columns.size());
		}
		Set<String> sorted = new LinkedHashSet<>();
		for (int index = 0; index < columns.size(); index++) {
			if (this.descending.contains(this.columns.get(index))) {
				sorted.add(columns.get(index));
			}
		}
		return new Index(name, table, columns, this.unique, this.where, sorted);
	}

}
