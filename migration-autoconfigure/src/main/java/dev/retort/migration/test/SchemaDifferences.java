package dev.retort.migration.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.retort.migration.autogenerate.StepDescriptions;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * The differences between two reflected schemas, one line each, in the words a person
 * reads: what is there now that was not before, what is gone, what changed.
 */
final class SchemaDifferences {

	private final List<String> lines = new ArrayList<>();

	private SchemaDifferences() {
	}

	/** How {@code after} differs from {@code before}; empty when they are equal. */
	static List<String> between(Schema before, Schema after) {
		SchemaDifferences differences = new SchemaDifferences();
		differences.compare("table ", byName(before.tables().values(), Table::name),
				byName(after.tables().values(), Table::name), SchemaDifferences::describe, differences::compareTables);
		differences.compare("sequence ", byName(before.sequences().values(), Sequence::name),
				byName(after.sequences().values(), Sequence::name), SchemaDifferences::describe, null);
		return List.copyOf(differences.lines);
	}

	private void compareTables(Table before, Table after) {
		String table = after.name();
		compare("column " + table + ".", byName(before.columns(), Column::name), byName(after.columns(), Column::name),
				(column) -> column.name() + " " + StepDescriptions.column(column), null);
		// not the columns' order: a downgrade that adds a dropped column back puts it
		// last, and PostgreSQL cannot put it anywhere else
		if (!Objects.equals(before.primaryKey(), after.primaryKey())) {
			this.lines.add("the primary key of " + table + " is " + describe(after.primaryKey()) + ", before "
					+ describe(before.primaryKey()));
		}
		Function<Constraint, String> constraint = (element) -> StepDescriptions.constraint(table, element);
		compare("", byName(before.uniqueConstraints(), SchemaDifferences::key),
				byName(after.uniqueConstraints(), SchemaDifferences::key), constraint::apply, null);
		compare("", byName(before.foreignKeys(), SchemaDifferences::key),
				byName(after.foreignKeys(), SchemaDifferences::key), constraint::apply, null);
		compare("", byName(before.checks(), SchemaDifferences::key), byName(after.checks(), SchemaDifferences::key),
				constraint::apply, null);
		compare("index on " + table + ": ", byName(before.indexes(), Index::name), byName(after.indexes(), Index::name),
				SchemaDifferences::describe, null);
		if (!Objects.equals(before.comment(), after.comment())) {
			this.lines.add("the comment of " + table + " is " + quoted(after.comment()) + ", before "
					+ quoted(before.comment()));
		}
	}

	private <T> void compare(String kind, Map<String, T> before, Map<String, T> after, Function<T, String> describe,
			Comparison<T> deeper) {
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			T was = before.get(name);
			T is = after.get(name);
			if (was == null) {
				this.lines.add(kind + describe.apply(is) + " is there, and was not before");
			}
			else if (is == null) {
				this.lines.add(kind + describe.apply(was) + " is gone");
			}
			else if (!was.equals(is)) {
				if (deeper != null) {
					deeper.compare(was, is);
				}
				else {
					this.lines.add(kind + describe.apply(is) + " was " + describe.apply(was));
				}
			}
		}
	}

	private static <T> Map<String, T> byName(Iterable<T> elements, Function<T, String> name) {
		Map<String, T> byName = new LinkedHashMap<>();
		for (T element : elements) {
			byName.put(name.apply(element).toLowerCase(Locale.ROOT), element);
		}
		return byName;
	}

	private static String key(UniqueConstraint unique) {
		return (unique.name() != null) ? unique.name() : "unnamed " + unique.columns();
	}

	private static String key(ForeignKey key) {
		return (key.name() != null) ? key.name()
				: "unnamed " + key.columns() + " -> " + key.referencedTable() + key.referencedColumns();
	}

	private static String key(CheckConstraint check) {
		return (check.name() != null) ? check.name() : "unnamed (" + check.expression() + ")";
	}

	private static String describe(PrimaryKey key) {
		return (key == null) ? "none"
				: "(" + String.join(", ", key.columns()) + ")" + ((key.name() != null) ? " named " + key.name() : "");
	}

	private static String describe(Sequence sequence) {
		return sequence.name() + " START WITH " + sequence.startWith() + " INCREMENT BY " + sequence.incrementBy();
	}

	private static String describe(Table table) {
		return table.name() + " (" + table.columns().size() + " columns)";
	}

	private static String describe(Index index) {
		return index.name() + " " + (index.unique() ? "UNIQUE " : "") + index.columnsWithOrder()
				+ ((index.where() != null) ? " WHERE " + index.where() : "");
	}

	private static String quoted(String text) {
		return (text != null) ? "'" + text + "'" : "none";
	}

	@FunctionalInterface
	private interface Comparison<T> {

		void compare(T before, T after);

	}

}
