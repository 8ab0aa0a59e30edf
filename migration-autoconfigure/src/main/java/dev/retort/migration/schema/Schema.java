package dev.retort.migration.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of tables, as read from a live database or built from an entity model.
 *
 * @param tables the tables by name
 */
public record Schema(Map<String, Table> tables) {

	public Schema {
		tables = Map.copyOf(tables);
	}

	public static Schema of(List<Table> tables) {
		Map<String, Table> byName = new LinkedHashMap<>();
		tables.forEach((table) -> byName.put(table.name(), table));
		return new Schema(byName);
	}

	public Optional<Table> table(String name) {
		Table exact = this.tables.get(name);
		if (exact != null) {
			return Optional.of(exact);
		}
		return this.tables.values().stream().filter((table) -> table.name().equalsIgnoreCase(name)).findFirst();
	}

}
