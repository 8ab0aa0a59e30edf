package dev.retort.migration.dialect;

import java.util.List;
import java.util.Optional;

import dev.retort.migration.schema.Table;

/**
 * Where a dialect looks up a table as it is now: the live database when migrating online,
 * a schema simulated from earlier operations when rendering offline.
 */
public interface SchemaSource {

	/** An empty database. */
	SchemaSource EMPTY = (name) -> Optional.empty();

	Optional<Table> table(String name);

	/** The SQL of the triggers on a table, to recreate them after a rebuild. */
	default List<String> triggers(String table) {
		return List.of();
	}

}
