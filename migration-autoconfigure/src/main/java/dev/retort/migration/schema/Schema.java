package dev.retort.migration.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of tables and sequences, as read from a live database or built from an entity
 * model.
 *
 * @param tables the tables by name
 * @param sequences the sequences by name
 */
public record Schema(Map<String, Table> tables, Map<String, Sequence> sequences) {

	public Schema {
		tables = Map.copyOf(tables);
		sequences = Map.copyOf(sequences);
	}

	/** A schema of tables only. */
	public Schema(Map<String, Table> tables) {
		this(tables, Map.of());
	}

	public static Schema of(List<Table> tables) {
		return of(tables, List.of());
	}

	public static Schema of(List<Table> tables, List<Sequence> sequences) {
		Map<String, Table> tablesByName = new LinkedHashMap<>();
		tables.forEach((table) -> tablesByName.put(table.name(), table));
		Map<String, Sequence> sequencesByName = new LinkedHashMap<>();
		sequences.forEach((sequence) -> sequencesByName.put(sequence.name(), sequence));
		return new Schema(tablesByName, sequencesByName);
	}

	public Optional<Table> table(String name) {
		Table exact = this.tables.get(name);
		if (exact != null) {
			return Optional.of(exact);
		}
		return this.tables.values().stream().filter((table) -> table.name().equalsIgnoreCase(name)).findFirst();
	}

	public Optional<Sequence> sequence(String name) {
		Sequence exact = this.sequences.get(name);
		if (exact != null) {
			return Optional.of(exact);
		}
		return this.sequences.values()
			.stream()
			.filter((sequence) -> sequence.name().equalsIgnoreCase(name))
			.findFirst();
	}

}
