package dev.retort.migration.autogenerate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * Primary keys, unique constraints, checks and foreign keys of a table both sides have.
 * Constraints are matched by what they constrain, never by name: a side may have no
 * stable name (SQLite keeps foreign keys and checks unnamed, Hibernate names keys by
 * hash), and a unique constraint and a unique index on the same columns are one thing.
 */
final class ConstraintComparison {

	private final SchemaRules rules;

	ConstraintComparison(SchemaRules rules) {
		this.rules = rules;
	}

	/** Primary key, unique and check constraints that the model no longer has. */
	List<Step> dropped(Table wanted, Table current) {
		List<Step> steps = new ArrayList<>();
		for (CheckConstraint check : current.checks()) {
			if (wanted.checks().stream().noneMatch((other) -> sameCheck(other, check))) {
				steps.add(Step.of(drop(current.name(), check)));
			}
		}
		for (UniqueConstraint unique : current.uniqueConstraints()) {
			if (!uniqueInModel(wanted, unique.columns())) {
				steps.add(Step.of(drop(current.name(), unique)));
			}
		}
		if (current.primaryKey() != null && !samePrimaryKey(wanted.primaryKey(), current.primaryKey())) {
			steps.add(new Step(drop(current.name(), current.primaryKey()),
					List.of("CAUTION: changes the primary key of " + current.name()), true));
		}
		return steps;
	}

	/** Primary key, unique and check constraints that the database does not have yet. */
	List<Step> added(Table wanted, Table current) {
		List<Step> steps = new ArrayList<>();
		if (wanted.primaryKey() != null && !samePrimaryKey(wanted.primaryKey(), current.primaryKey())) {
			steps.add(Step.of(new AddConstraint(wanted.name(), new PrimaryKey(
					this.rules.storedIdentifier(wanted.name() + "_pkey"), wanted.primaryKey().columns()))));
		}
		for (UniqueConstraint unique : wanted.uniqueConstraints()) {
			if (!uniqueInDatabase(current, unique.columns())) {
				String name = (unique.name() != null) ? unique.name()
						: this.rules.storedIdentifier("uk_" + wanted.name() + "_" + String.join("_", unique.columns()));
				steps.add(new Step(new AddConstraint(wanted.name(), new UniqueConstraint(name, unique.columns())),
						List.of("CAUTION: fails while rows of " + wanted.name() + " repeat " + unique.columns()),
						false));
			}
		}
		List<CheckConstraint> replaced = current.checks()
			.stream()
			.filter((check) -> wanted.checks().stream().noneMatch((other) -> sameCheck(other, check)))
			.toList();
		for (CheckConstraint check : wanted.checks()) {
			if (current.checks().stream().noneMatch((other) -> sameCheck(check, other))) {
				String name = (check.name() != null) ? check.name()
						: this.rules.storedIdentifier("ck_" + wanted.name() + "_" + hash(check.expression()));
				// an enum that gained a value: its check lets in all the old one did
				boolean wider = replaced.stream()
					.anyMatch((old) -> EnumCheck.widens(old.expression(), check.expression()));
				steps.add(new Step(new AddConstraint(wanted.name(), new CheckConstraint(name, check.expression())),
						wider ? List.of() : List
							.of("CAUTION: fails while rows of " + wanted.name() + " break " + check.expression()),
						false));
			}
		}
		return steps;
	}

	/** Foreign keys to drop (before anything else changes) and to add (after). */
	ForeignKeys foreignKeys(Table wanted, Table current) {
		List<Step> dropped = new ArrayList<>();
		List<Step> added = new ArrayList<>();
		for (ForeignKey key : current.foreignKeys()) {
			if (wanted.foreignKeys().stream().noneMatch((other) -> sameForeignKey(other, key))) {
				dropped.add(Step.of(drop(current.name(), key)));
			}
		}
		for (ForeignKey key : wanted.foreignKeys()) {
			if (current.foreignKeys().stream().noneMatch((other) -> sameForeignKey(key, other))) {
				added.add(addForeignKey(this.rules, wanted.name(), key));
			}
		}
		return new ForeignKeys(dropped, added);
	}

	static Step addForeignKey(SchemaRules rules, String table, ForeignKey key) {
		String name = (key.name() != null) ? key.name()
				: rules.storedIdentifier("fk_" + table + "_" + String.join("_", key.columns()));
		ForeignKey named = new ForeignKey(name, key.columns(), key.referencedTable(), key.referencedColumns(),
				key.onDelete(), key.onUpdate());
		return Step.of(new AddConstraint(table, named));
	}

	private DropConstraint drop(String table, Constraint constraint) {
		return new DropConstraint(table, constraint.name(), constraint.kind(), constraint);
	}

	private boolean sameCheck(CheckConstraint first, CheckConstraint second) {
		return this.rules.canonicalCheck(first.expression()).equals(this.rules.canonicalCheck(second.expression()));
	}

	/**
	 * Primary keys are the same when they have the same columns, in any order: Hibernate
	 * lists a composite key's columns as mapped, but its own DDL ({@code ddl-auto})
	 * writes them by size, then name, and the mapping has no way to choose.
	 */
	static boolean samePrimaryKey(PrimaryKey first, PrimaryKey second) {
		if (first == null || second == null) {
			return first == second;
		}
		return new HashSet<>(lower(first.columns())).equals(new HashSet<>(lower(second.columns())))
				&& first.columns().size() == second.columns().size();
	}

	/**
	 * Foreign keys are the same when they tie the same columns to the same target
	 * columns, pair by pair in any order (Hibernate's DDL orders a composite key's pairs
	 * as it orders the key), with the same actions ({@code NO ACTION} and an absent
	 * action are one thing, and {@code RESTRICT} is another).
	 */
	static boolean sameForeignKey(ForeignKey first, ForeignKey second) {
		return first.referencedTable().equalsIgnoreCase(second.referencedTable()) && pairs(first).equals(pairs(second))
				&& first.onDelete() == second.onDelete() && first.onUpdate() == second.onUpdate();
	}

	/** Each column with the column it references, in no order. */
	private static Set<List<String>> pairs(ForeignKey key) {
		List<String> columns = lower(key.columns());
		List<String> referenced = lower(key.referencedColumns());
		if (columns.size() != referenced.size()) {
			// a key to the target's primary key without its columns named: as written
			return Set.of(List.of(String.join(",", columns), String.join(",", referenced)));
		}
		Set<List<String>> pairs = new HashSet<>();
		for (int index = 0; index < columns.size(); index++) {
			pairs.add(List.of(columns.get(index), referenced.get(index)));
		}
		return pairs;
	}

	/** Whether the model has these columns unique, by constraint or by unique index. */
	static boolean uniqueInModel(Table wanted, List<String> columns) {
		return uniqueIn(wanted, columns);
	}

	/**
	 * Whether the database has these columns unique, by constraint or by unique index.
	 */
	static boolean uniqueInDatabase(Table current, List<String> columns) {
		return uniqueIn(current, columns);
	}

	private static boolean uniqueIn(Table table, List<String> columns) {
		List<String> wanted = lower(columns);
		return table.uniqueConstraints().stream().anyMatch((unique) -> lower(unique.columns()).equals(wanted))
				|| table.indexes()
					.stream()
					.anyMatch((index) -> isPlainUnique(index) && lower(index.columns()).equals(wanted));
	}

	static boolean isPlainUnique(Index index) {
		return index.unique() && index.where() == null && index.descending().isEmpty();
	}

	static List<String> lower(List<String> names) {
		return names.stream().map(SchemaDiff::key).toList();
	}

	private static String hash(String text) {
		CRC32 crc = new CRC32();
		crc.update(Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().toHexDigits((int) crc.getValue());
	}

	/**
	 * Foreign-key steps, which run apart from the rest of a table's changes.
	 *
	 * @param dropped steps that drop keys, run first
	 * @param added steps that add keys, run last
	 */
	record ForeignKeys(List<Step> dropped, List<Step> added) {
	}

}
