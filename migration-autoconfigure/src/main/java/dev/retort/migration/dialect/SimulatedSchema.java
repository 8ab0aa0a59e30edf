package dev.retort.migration.dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.BulkInsert;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.operation.SetTableComment;
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
 * A schema that operations are applied to in memory: what the database will look like
 * after them. Offline rendering uses it instead of a database (SQLite's rebuilds must
 * restate whole tables), and a dialect uses it to see the effect of earlier operations of
 * the same batch. Tables are read lazily from an underlying {@link SchemaSource}.
 * Statements run as raw SQL ({@code execute}) are invisible to it.
 */
public class SimulatedSchema implements SchemaSource {

	private final SchemaSource base;

	private final Map<String, Optional<Table>> tables = new LinkedHashMap<>();

	private final Map<String, List<String>> triggers = new LinkedHashMap<>();

	private final Map<String, Sequence> sequences = new LinkedHashMap<>();

	/** A simulation of an empty database. */
	public SimulatedSchema() {
		this(SchemaSource.EMPTY);
	}

	/** A simulation starting from the tables of {@code base}, read when first needed. */
	public SimulatedSchema(SchemaSource base) {
		this.base = base;
	}

	@Override
	public Optional<Table> table(String name) {
		String key = key(name);
		return this.tables.computeIfAbsent(key, (k) -> this.base.table(name));
	}

	@Override
	public List<String> triggers(String table) {
		return this.triggers.computeIfAbsent(key(table), (k) -> this.base.triggers(table));
	}

	@Override
	public Set<String> tableNames() {
		Set<String> names = new LinkedHashSet<>();
		for (String name : this.base.tableNames()) {
			if (!this.tables.containsKey(key(name))) {
				names.add(name);
			}
		}
		this.tables.values().forEach((table) -> table.ifPresent((t) -> names.add(t.name())));
		return names;
	}

	/**
	 * The tables that reference {@code table} as earlier operations left them, and those
	 * of the underlying source that no operation touched.
	 */
	@Override
	public Set<String> referencingTables(String table) {
		Set<String> names = new LinkedHashSet<>();
		for (String name : this.base.referencingTables(table)) {
			if (!this.tables.containsKey(key(name))) {
				names.add(name);
			}
		}
		this.tables.values()
			.forEach((known) -> known
				.filter((t) -> !t.name().equalsIgnoreCase(table) && SchemaSource.references(t, table))
				.ifPresent((t) -> names.add(t.name())));
		return names;
	}

	@Override
	public boolean listsAllTables() {
		return this.base.listsAllTables();
	}

	/**
	 * The tables known so far, and the sequences the applied operations created, as a
	 * {@link Schema}.
	 */
	public Schema schema() {
		List<Table> known = new ArrayList<>();
		for (String name : tableNames()) {
			table(name).ifPresent(known::add);
		}
		return Schema.of(known, List.copyOf(this.sequences.values()));
	}

	/** Applies the operations in order. */
	public SimulatedSchema apply(List<? extends Operation> operations) {
		operations.forEach(this::apply);
		return this;
	}

	/** Applies one operation; raw SQL and data operations change nothing here. */
	public SimulatedSchema apply(Operation operation) {
		if (operation instanceof CreateTable create) {
			put(create.definition());
		}
		else if (operation instanceof DropTable drop) {
			this.tables.put(key(drop.table()), Optional.empty());
			this.triggers.put(key(drop.table()), List.of());
		}
		else if (operation instanceof RenameTable rename) {
			renameTable(rename);
		}
		else if (operation instanceof AddColumn add) {
			change(add.table(), (table) -> addColumn(table, add.column()));
		}
		else if (operation instanceof DropColumn drop) {
			change(drop.table(), (table) -> dropColumn(table, drop.column()));
		}
		else if (operation instanceof AlterColumn alter) {
			alterColumn(alter);
		}
		else if (operation instanceof CreateIndex create) {
			change(create.table(), (table) -> table.withIndexes(with(table.indexes(), create.index())));
		}
		else if (operation instanceof DropIndex drop) {
			dropIndex(drop);
		}
		else if (operation instanceof AddConstraint add) {
			change(add.table(), (table) -> addConstraint(table, add.constraint()));
		}
		else if (operation instanceof DropConstraint drop) {
			change(drop.table(), (table) -> dropConstraint(table, drop));
		}
		else if (operation instanceof SetTableComment comment) {
			change(comment.table(), (table) -> table.withComment(comment.comment()));
		}
		else if (operation instanceof CreateSequence create) {
			this.sequences.put(key(create.sequence().name()), create.sequence());
		}
		else if (operation instanceof DropSequence drop) {
			this.sequences.remove(key(drop.name()));
		}
		else if (operation instanceof AlterSequence alter) {
			this.sequences.computeIfPresent(key(alter.name()),
					(name, sequence) -> new Sequence(sequence.name(), sequence.startWith(), alter.incrementBy()));
		}
		else if (!(operation instanceof Execute || operation instanceof BulkInsert
				|| operation instanceof Irreversible)) {
			// raw SQL and data change nothing the simulation can know of; anything else
			// must say what it changes (OperationCoverageTests)
			throw new IllegalStateException("The simulated schema does not know what " + operation + " changes");
		}
		return this;
	}

	/**
	 * The table as it is now, or an error naming it when no earlier operation or the
	 * database defines it.
	 */
	public Table require(String name) {
		return table(name).orElseThrow(() -> new UnknownTableException("Table \"" + name
				+ "\" does not exist here: neither the database nor an earlier operation of this run creates it."));
	}

	private void put(Table table) {
		this.tables.put(key(table.name()), Optional.of(table));
	}

	private void change(String name, UnaryOperator<Table> change) {
		put(change.apply(require(name)));
	}

	private void renameTable(RenameTable rename) {
		Table table = require(rename.table());
		List<String> tableTriggers = triggers(rename.table());
		this.tables.put(key(rename.table()), Optional.empty());
		this.triggers.put(key(rename.table()), List.of());
		List<Index> indexes = table.indexes()
			.stream()
			.map((index) -> index.with(index.name(), rename.newName(), index.columns()))
			.toList();
		put(table.named(rename.newName()).withIndexes(indexes));
		this.triggers.put(key(rename.newName()), tableTriggers);
		Set<String> children = referencingTables(rename.table());
		if (SchemaSource.references(require(rename.newName()), rename.table())) {
			children.add(rename.newName());
		}
		for (String other : children) {
			Table referencing = require(other);
			List<ForeignKey> keys = referencing.foreignKeys()
				.stream()
				.map((fk) -> fk.referencedTable().equalsIgnoreCase(rename.table()) ? new ForeignKey(fk.name(),
						fk.columns(), rename.newName(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate()) : fk)
				.toList();
			if (!keys.equals(referencing.foreignKeys())) {
				put(referencing.withForeignKeys(keys));
			}
		}
	}

	private static Table addColumn(Table table, Column column) {
		List<Column> columns = new ArrayList<>(table.columns());
		columns.add(column);
		Table result = table.withColumns(columns);
		if (column.isPrimaryKey() && table.primaryKey() == null) {
			result = result.withPrimaryKey(new PrimaryKey(null, List.of(column.name())));
		}
		return result;
	}

	private static Table dropColumn(Table table, String column) {
		Column dropped = table.column(column)
			.orElseThrow(() -> new UnknownTableException(
					"Column \"" + column + "\" does not exist in table \"" + table.name() + "\"."));
		String name = dropped.name();
		List<Column> columns = table.columns().stream().filter((c) -> c != dropped).toList();
		PrimaryKey primaryKey = (table.primaryKey() != null && contains(table.primaryKey().columns(), name)) ? null
				: table.primaryKey();
		Pattern mention = Pattern.compile("(?i)(^|[^\\w])\"?" + Pattern.quote(name) + "\"?($|[^\\w])");
		return new Table(table.name(), columns, primaryKey,
				table.uniqueConstraints().stream().filter((u) -> !contains(u.columns(), name)).toList(),
				table.foreignKeys().stream().filter((fk) -> !contains(fk.columns(), name)).toList(),
				table.checks().stream().filter((check) -> !mention.matcher(check.expression()).find()).toList(),
				table.indexes().stream().filter((index) -> !contains(index.columns(), name)).toList(), table.comment());
	}

	private void alterColumn(AlterColumn alter) {
		Table table = require(alter.table());
		Column current = table.column(alter.column())
			.orElseThrow(() -> new UnknownTableException(
					"Column \"" + alter.column() + "\" does not exist in table \"" + table.name() + "\"."));
		Column changed = alter.applyTo(current);
		List<Column> columns = table.columns().stream().map((c) -> (c == current) ? changed : c).toList();
		Table result = table.withColumns(columns);
		if (alter.newName() != null) {
			String from = current.name();
			String to = alter.newName();
			UnaryOperator<List<String>> rename = (
					names) -> names.stream().map((n) -> n.equalsIgnoreCase(from) ? to : n).toList();
			PrimaryKey key = table.primaryKey();
			result = new Table(table.name(), columns,
					(key != null) ? new PrimaryKey(key.name(), rename.apply(key.columns())) : null,
					table.uniqueConstraints()
						.stream()
						.map((u) -> new UniqueConstraint(u.name(), rename.apply(u.columns())))
						.toList(),
					table.foreignKeys()
						.stream()
						.map((fk) -> new ForeignKey(fk.name(), rename.apply(fk.columns()), fk.referencedTable(),
								fk.referencedColumns(), fk.onDelete(), fk.onUpdate()))
						.toList(),
					table.checks()
						.stream()
						.map((check) -> new CheckConstraint(check.name(),
								renameIdentifier(check.expression(), from, to)))
						.toList(),
					table.indexes()
						.stream()
						.map((i) -> i.with(i.name(), i.table(), rename.apply(i.columns()))
							.where((i.where() != null) ? renameIdentifier(i.where(), from, to) : null))
						.toList(),
					table.comment());
			put(result);
			Set<String> children = referencingTables(table.name());
			children.add(table.name());
			for (String other : children) {
				Table referencing = require(other);
				List<ForeignKey> keys = referencing.foreignKeys()
					.stream()
					.map((fk) -> fk.referencedTable().equalsIgnoreCase(table.name())
							? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(),
									rename.apply(fk.referencedColumns()), fk.onDelete(), fk.onUpdate())
							: fk)
					.toList();
				if (!keys.equals(referencing.foreignKeys())) {
					put(referencing.withForeignKeys(keys));
				}
			}
			return;
		}
		put(result);
	}

	/**
	 * Rewrites references to a renamed column in an SQL expression, as the database does
	 * with its parsed copy; string literals are left alone.
	 */
	static String renameIdentifier(String expression, String from, String to) {
		String replacement = to.matches("[a-z_][a-z0-9_]*") ? to : '"' + to.replace("\"", "\"\"") + '"';
		StringBuilder result = new StringBuilder();
		int i = 0;
		while (i < expression.length()) {
			char c = expression.charAt(i);
			if (c == '\'' || c == '"') {
				int end = i + 1;
				while (end < expression.length()) {
					if (expression.charAt(end) == c) {
						if (end + 1 < expression.length() && expression.charAt(end + 1) == c) {
							end += 2;
							continue;
						}
						break;
					}
					end++;
				}
				end = Math.min(end + 1, expression.length());
				String token = expression.substring(i, end);
				boolean renamed = c == '"' && token.length() >= 2
						&& token.substring(1, token.length() - 1).replace("\"\"", "\"").equalsIgnoreCase(from);
				result.append(renamed ? replacement : token);
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i;
				while (end < expression.length()
						&& (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
					end++;
				}
				String word = expression.substring(i, end);
				result.append(word.equalsIgnoreCase(from) ? replacement : word);
				i = end;
			}
			else {
				result.append(c);
				i++;
			}
		}
		return result.toString();
	}

	private void dropIndex(DropIndex drop) {
		List<String> candidates = new ArrayList<>();
		if (drop.table() != null) {
			candidates.add(drop.table());
		}
		else {
			candidates.addAll(tableNames());
		}
		for (String name : candidates) {
			Table table = require(name);
			List<Index> kept = table.indexes().stream().filter((index) -> !index.name().equals(drop.name())).toList();
			if (kept.size() != table.indexes().size()) {
				put(table.withIndexes(kept));
				return;
			}
		}
	}

	private static Table addConstraint(Table table, Constraint constraint) {
		String name = constraint.name();
		if (name != null) {
			Stream
				.of(Stream.ofNullable(table.primaryKey()), table.uniqueConstraints().stream(),
						table.foreignKeys().stream(), table.checks().stream())
				.flatMap((constraints) -> constraints)
				.filter((existing) -> name.equalsIgnoreCase(existing.name()))
				.findFirst()
				.ifPresent((existing) -> {
					throw new DuplicateConstraintException("Table \"" + table.name() + "\" already has a "
							+ existing.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " constraint named \""
							+ existing.name() + "\": drop it first, or give the new constraint another name.");
				});
		}
		if (constraint instanceof PrimaryKey key) {
			List<Column> columns = table.columns()
				.stream()
				.map((c) -> contains(key.columns(), c.name()) ? c.primaryKey() : c)
				.toList();
			return table.withColumns(columns).withPrimaryKey(key);
		}
		if (constraint instanceof UniqueConstraint unique) {
			return table.withUniqueConstraints(with(table.uniqueConstraints(), unique));
		}
		if (constraint instanceof ForeignKey foreignKey) {
			return table.withForeignKeys(with(table.foreignKeys(), foreignKey));
		}
		CheckConstraint check = (CheckConstraint) constraint;
		return table.withChecks(with(table.checks(), check));
	}

	private static Table dropConstraint(Table table, DropConstraint drop) {
		if (drop.name() == null) {
			return dropUnnamedConstraint(table, drop.definition());
		}
		String name = drop.name();
		if (table.primaryKey() != null && name.equals(table.primaryKey().name())) {
			List<Column> columns = table.columns().stream().map((c) -> c.primaryKey(false)).toList();
			return table.withColumns(columns).withPrimaryKey(null);
		}
		Table result = table
			.withUniqueConstraints(table.uniqueConstraints().stream().filter((c) -> !name.equals(c.name())).toList())
			.withForeignKeys(table.foreignKeys().stream().filter((c) -> !name.equals(c.name())).toList())
			.withChecks(table.checks().stream().filter((c) -> !name.equals(c.name())).toList());
		if (result.equals(table)) {
			throw new UnknownTableException(
					"Table \"" + table.name() + "\" has no constraint named \"" + name + "\" to drop.");
		}
		return result;
	}

	/** Drops the constraint that has this definition, whatever its name. */
	private static Table dropUnnamedConstraint(Table table, Constraint definition) {
		Table result;
		if (definition instanceof PrimaryKey key) {
			if (table.primaryKey() == null || !table.primaryKey().columns().equals(key.columns())) {
				result = table;
			}
			else {
				result = table.withColumns(table.columns().stream().map((c) -> c.primaryKey(false)).toList())
					.withPrimaryKey(null);
			}
		}
		else if (definition instanceof UniqueConstraint unique) {
			result = table.withUniqueConstraints(
					table.uniqueConstraints().stream().filter((c) -> !c.columns().equals(unique.columns())).toList());
		}
		else if (definition instanceof ForeignKey key) {
			result = table.withForeignKeys(table.foreignKeys()
				.stream()
				.filter((c) -> !(c.columns().equals(key.columns())
						&& c.referencedTable().equalsIgnoreCase(key.referencedTable())
						&& c.referencedColumns().equals(key.referencedColumns())))
				.toList());
		}
		else {
			CheckConstraint check = (CheckConstraint) definition;
			result = table
				.withChecks(table.checks().stream().filter((c) -> !c.expression().equals(check.expression())).toList());
		}
		if (result.equals(table)) {
			throw new UnknownTableException("Table \"" + table.name() + "\" has no "
					+ definition.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " constraint " + definition
					+ " to drop.");
		}
		return result;
	}

	private static <T> List<T> with(List<T> list, T element) {
		List<T> result = new ArrayList<>(list);
		result.add(element);
		return result;
	}

	private static boolean contains(List<String> names, String name) {
		return names.stream().anyMatch((n) -> n.equalsIgnoreCase(name));
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
