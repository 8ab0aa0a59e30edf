package dev.retort.migration.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A table: its columns, constraints and indexes. Used both for {@code createTable} and
 * for the live schema a dialect reads back.
 *
 * @param name the table name
 * @param columns the columns, in order
 * @param primaryKey the primary key, or {@code null}
 * @param uniqueConstraints the unique constraints
 * @param foreignKeys the foreign keys
 * @param checks the check constraints
 * @param indexes the indexes (not those that back a constraint)
 * @param comment the table comment, or {@code null}
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
		List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<Index> indexes, String comment) {

	public Table {
		columns = List.copyOf(columns);
		uniqueConstraints = List.copyOf(uniqueConstraints);
		foreignKeys = List.copyOf(foreignKeys);
		checks = List.copyOf(checks);
		indexes = List.copyOf(indexes);
	}

	/**
	 * A table built from the elements a user lists in {@code createTable}: columns
	 * flagged {@link Column#primaryKey()} form the primary key unless a
	 * {@link PrimaryKey} is listed.
	 */
	public static Table of(String name, List<? extends TableElement> elements) {
		List<Column> columns = new ArrayList<>();
		PrimaryKey primaryKey = null;
		List<UniqueConstraint> uniques = new ArrayList<>();
		List<ForeignKey> foreignKeys = new ArrayList<>();
		List<CheckConstraint> checks = new ArrayList<>();
		for (TableElement element : elements) {
			if (element instanceof Column column) {
				columns.add(column);
			}
			else if (element instanceof PrimaryKey key) {
				primaryKey = key;
			}
			else if (element instanceof UniqueConstraint unique) {
				uniques.add(unique);
			}
			else if (element instanceof ForeignKey foreignKey) {
				foreignKeys.add(foreignKey);
			}
			else if (element instanceof CheckConstraint check) {
				checks.add(check);
			}
		}
		if (primaryKey == null) {
			List<String> keyColumns = columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
			if (!keyColumns.isEmpty()) {
				primaryKey = new PrimaryKey(null, keyColumns);
			}
		}
		return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, List.of(), null);
	}

	/**
	 * A table built from the elements listed, as {@code createTable} builds it, e.g. a
	 * dropped table's definition:
	 * {@code Table.of("tags", Column.of("id", Type.BIGINT).primaryKey(), Column.of("name", Type.TEXT))}.
	 */
	public static Table of(String name, TableElement... elements) {
		return of(name, Arrays.asList(elements));
	}

	public Optional<Column> column(String name) {
		return this.columns.stream().filter((column) -> column.name().equalsIgnoreCase(name)).findFirst();
	}

	public Table withColumns(List<Column> columns) {
		return new Table(this.name, columns, this.primaryKey, this.uniqueConstraints, this.foreignKeys, this.checks,
				this.indexes, this.comment);
	}

	public Table withIndexes(List<Index> indexes) {
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.foreignKeys,
				this.checks, indexes, this.comment);
	}

	public Table withComment(String comment) {
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.foreignKeys,
				this.checks, this.indexes, comment);
	}

	public Table withPrimaryKey(PrimaryKey primaryKey) {
		return new Table(this.name, this.columns, primaryKey, this.uniqueConstraints, this.foreignKeys, this.checks,
				this.indexes, this.comment);
	}

	public Table withUniqueConstraints(List<UniqueConstraint> uniqueConstraints) {
		return new Table(this.name, this.columns, this.primaryKey, uniqueConstraints, this.foreignKeys, this.checks,
				this.indexes, this.comment);
	}

	public Table withForeignKeys(List<ForeignKey> foreignKeys) {
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, foreignKeys, this.checks,
				this.indexes, this.comment);
	}

	public Table withChecks(List<CheckConstraint> checks) {
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.foreignKeys, checks,
				this.indexes, this.comment);
	}

	/**
	 * Every named constraint of the table: primary key, uniques, foreign keys, checks.
	 */
	public List<Constraint> constraints() {
		List<Constraint> all = new ArrayList<>();
		if (this.primaryKey != null) {
			all.add(this.primaryKey);
		}
		all.addAll(this.uniqueConstraints);
		all.addAll(this.foreignKeys);
		all.addAll(this.checks);
		return all;
	}

	public Table named(String name) {
		return new Table(name, this.columns, this.primaryKey, this.uniqueConstraints, this.foreignKeys, this.checks,
				this.indexes, this.comment);
	}

}
