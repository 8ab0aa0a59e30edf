package dev.retort.migration.dialect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.retort.migration.schema.Table;

/**
 * Where a dialect looks up a table as it is now: the live database when migrating online
 * ({@link Dialect#live(java.sql.Connection)}), a {@link SimulatedSchema} built from
 * earlier operations when rendering offline.
 */
public interface SchemaSource {

	/** An empty database. */
	SchemaSource EMPTY = (name) -> Optional.empty();

	/** The table with this name, with its columns, constraints and indexes. */
	Optional<Table> table(String name);

	/** The SQL of the triggers on a table, to recreate them after a rebuild. */
	default List<String> triggers(String table) {
		return List.of();
	}

	/**
	 * The names of the tables this source knows (all of them for a live database), so
	 * that a rebuild can find the tables whose foreign keys point at the rebuilt one.
	 */
	default Set<String> tableNames() {
		return Set.of();
	}

	/**
	 * The other tables (of those {@link #tableNames()} lists) whose foreign keys
	 * reference {@code table}; by default found by reading each of them.
	 */
	default Set<String> referencingTables(String table) {
		Set<String> names = new LinkedHashSet<>();
		for (String other : tableNames()) {
			if (!other.equalsIgnoreCase(table) && table(other).map((t) -> references(t, table)).orElse(false)) {
				names.add(other);
			}
		}
		return names;
	}

	/**
	 * Whether a foreign key of {@code table} references the table named
	 * {@code referenced}.
	 */
	static boolean references(Table table, String referenced) {
		return table.foreignKeys().stream().anyMatch((fk) -> fk.referencedTable().equalsIgnoreCase(referenced));
	}

	/**
	 * Whether {@link #tableNames()} lists every table of the database (a live database),
	 * rather than only those this source has seen.
	 */
	default boolean listsAllTables() {
		return false;
	}

}
