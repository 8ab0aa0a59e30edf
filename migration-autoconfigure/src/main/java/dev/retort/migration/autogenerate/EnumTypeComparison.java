package dev.retort.migration.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.operation.Execute;

/**
 * Database enum types (PostgreSQL's {@code CREATE TYPE … AS ENUM}, Hibernate's named
 * enums): a type the database lacks is created before the tables, as Hibernate would
 * create it, and dropped after them in the downgrade; a value the entities add is added
 * where Hibernate would list it. A value they remove, and a value to remove in a
 * downgrade, become a {@code TODO}: PostgreSQL cannot drop an enum value. Types the
 * entities do not use are left alone.
 */
final class EnumTypeComparison {

	private final List<EntityModel.EnumType> types;

	private final SchemaRules rules;

	EnumTypeComparison(List<EntityModel.EnumType> types, SchemaRules rules) {
		this.types = List.copyOf(types);
		this.rules = rules;
	}

	/**
	 * The comparison's result with the enum types' steps: creating and extending them
	 * before the rest of the upgrade, undoing that after the rest of the downgrade.
	 * @param result what the comparison of the tables found
	 * @param database the database's enum types, by name, each with its values
	 */
	SchemaDiff.Result complete(SchemaDiff.Result result, Map<String, List<String>> database) {
		if (this.types.isEmpty()) {
			return result;
		}
		List<Step> before = new ArrayList<>();
		List<Step> undo = new ArrayList<>();
		for (EntityModel.EnumType type : this.types) {
			String name = storedName(type.name());
			List<String> existing = database.get(name);
			if (existing == null) {
				List<String> comment = List
					.of("the enum type " + name + " " + type.values() + ", as Hibernate creates it");
				for (String statement : type.create()) {
					before.add(new Step(new Execute(statement), before.isEmpty() ? comment : List.of(), false));
				}
				type.drop().forEach((statement) -> undo.add(Step.of(new Execute(statement))));
				continue;
			}
			List<String> values = type.values();
			for (int index = 0; index < values.size(); index++) {
				String value = values.get(index);
				if (!existing.contains(value)) {
					before.add(new Step(
							new Execute("ALTER TYPE " + name + " ADD VALUE IF NOT EXISTS " + literal(value)
									+ placeBefore(values, index, existing)),
							List.of("a new value of the enum type " + name), false));
					undo.add(Step.todo("PostgreSQL cannot remove the value " + literal(value) + " from the enum type "
							+ name + ": to undo it, create the type without it, convert the columns (rows holding it "
							+ "need another value first), and drop the old type"));
				}
			}
			for (String value : existing) {
				if (!type.values().contains(value)) {
					before.add(Step.todo("the entities no longer have the value " + literal(value)
							+ " of the enum type " + name + ", and PostgreSQL cannot remove an enum value: create "
							+ "the type without it, convert the columns (rows holding it need another value "
							+ "first), and drop the old type; or keep the value"));
				}
			}
		}
		List<Step> upgrade = new ArrayList<>(before);
		upgrade.addAll(result.upgrade());
		List<Step> downgrade = new ArrayList<>(result.downgrade());
		downgrade.addAll(undo);
		return new SchemaDiff.Result(upgrade, downgrade);
	}

	/**
	 * The name as the database keeps it: Hibernate writes the type's name unquoted, so
	 * PostgreSQL folds it to lower case.
	 */
	private String storedName(String name) {
		if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
			return this.rules.storedIdentifier(name.substring(1, name.length() - 1).replace("\"\"", "\""));
		}
		return this.rules.storedIdentifier(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Where a new value goes: before the next of the entities' values the database has,
	 * so that the type lists its values in the order Hibernate would create it with
	 * (which is also the order {@code ORDER BY} sorts the column in); at the end when
	 * none follows.
	 */
	private static String placeBefore(List<String> values, int index, List<String> existing) {
		for (int next = index + 1; next < values.size(); next++) {
			if (existing.contains(values.get(next))) {
				return " BEFORE " + literal(values.get(next));
			}
		}
		return "";
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
