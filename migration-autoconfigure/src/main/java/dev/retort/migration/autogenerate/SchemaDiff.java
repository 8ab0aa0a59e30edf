package dev.retort.migration.autogenerate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.BulkInsert;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * Compares the schema the entities describe with the schema a database has and says, as
 * operations, how to go from the database's to the model's and back. One small comparison
 * per kind of object ({@link ColumnComparison}, {@link ConstraintComparison},
 * {@link IndexComparison}, {@link SequenceComparison}) produces the steps; this class
 * matches tables and puts the steps in an order that runs: referenced tables before their
 * foreign keys, foreign keys dropped before what they point at, tables dropped last.
 */
public final class SchemaDiff {

	private static final Pattern IDENTIFIER_OR_LITERAL = Pattern
		.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*");

	private final SchemaRules rules;

	private final EntityModel.Renames renames;

	private final Map<String, List<Map<String, Object>>> seedRows;

	private final StoredForms storedForms;

	private final Map<String, Sequence> sequenceTables;

	/**
	 * @param rules how the database spells and stores what is compared
	 * @param renames the renames the model declares
	 * @param seedRows rows to insert into tables the revision creates
	 * @param storedForms the database's own form of the model's expressions, where text
	 * rules cannot compare them
	 * @param sequenceTables by table name, the id sequences a database without sequences
	 * keeps as tables ({@link EntityModel#sequenceTables()}), which the revision creates
	 * as sequences
	 */
	public SchemaDiff(SchemaRules rules, EntityModel.Renames renames, Map<String, List<Map<String, Object>>> seedRows,
			StoredForms storedForms, Map<String, Sequence> sequenceTables) {
		this.rules = rules;
		this.renames = renames;
		this.seedRows = Map.copyOf(seedRows);
		this.storedForms = storedForms;
		this.sequenceTables = Map.copyOf(sequenceTables);
	}

	/** The changes that turn {@code database} into {@code model}, and back. */
	public Result compare(Schema model, Schema database) {
		Map<String, Table> existing = byName(database.tables().values());
		List<Step> created = new ArrayList<>();
		List<Step> renamed = new ArrayList<>();
		List<Table> newTables = new ArrayList<>();
		Map<String, Table[]> pairs = new LinkedHashMap<>();
		Set<String> matched = new LinkedHashSet<>();
		Map<String, String> tableNames = new LinkedHashMap<>();
		for (Table table : sorted(model.tables().values())) {
			Table current = existing.get(key(table.name()));
			if (current == null) {
				Optional<String> oldName = this.renames.tableRenamedFrom(table.name())
					.filter((old) -> existing.containsKey(key(old)) && !model.table(old).isPresent());
				if (oldName.isPresent()) {
					current = existing.get(key(oldName.get()));
					renamed.add(new Step(new RenameTable(current.name(), table.name()),
							List.of("@RenamedFrom(\"" + oldName.get() + "\"): renamed, keeping its rows"), false));
					current = current.named(table.name());
					tableNames.put(key(oldName.get()), table.name());
				}
			}
			if (current == null) {
				newTables.add(table);
			}
			else {
				matched.add(key(current.name()));
				matched.add(key(table.name()));
				pairs.put(table.name(), new Table[] { table, current });
			}
		}
		for (String old : this.renames.tables().values()) {
			matched.add(key(old));
		}
		List<Step> renamedColumns = new ArrayList<>();
		Map<String, Map<String, String>> columnNames = new LinkedHashMap<>();
		for (Table[] pair : pairs.values()) {
			for (Step step : new ColumnComparison(this.rules, this.renames).renamed(pair[0], pair[1])) {
				AlterColumn rename = (AlterColumn) step.operation();
				columnNames.computeIfAbsent(key(pair[0].name()), (table) -> new LinkedHashMap<>())
					.put(key(rename.column()), rename.newName());
				renamedColumns.add(step);
			}
		}
		for (Table[] pair : pairs.values()) {
			pair[1] = withNewNames(pair[1], tableNames, columnNames);
		}
		created.addAll(createTables(newTables));
		List<Step> droppedForeignKeys = new ArrayList<>();
		List<Step> changed = new ArrayList<>();
		List<Step> addedForeignKeys = new ArrayList<>();
		ConstraintComparison constraints = new ConstraintComparison(this.rules);
		for (Table[] pair : pairs.values()) {
			Table wanted = pair[0];
			Table current = pair[1];
			Table storedWanted = comparable(wanted, this.storedForms.of(wanted, current), current);
			ConstraintComparison.ForeignKeys foreignKeys = constraints.foreignKeys(wanted, current);
			droppedForeignKeys.addAll(foreignKeys.dropped());
			changed.addAll(constraints.dropped(storedWanted, current));
			changed.addAll(new IndexComparison(this.rules).dropped(wanted, current));
			changed.addAll(new ColumnComparison(this.rules, this.renames).compare(storedWanted, current));
			changed.addAll(constraints.added(storedWanted, current));
			changed.addAll(new IndexComparison(this.rules).added(wanted, current));
			changed.addAll(ColumnComparison.tableComment(this.rules, wanted, current));
			addedForeignKeys.addAll(foreignKeys.added());
		}
		List<Table> droppedTables = new ArrayList<>();
		for (Table table : sorted(database.tables().values())) {
			if (!matched.contains(key(table.name()))) {
				droppedTables.add(table);
			}
		}
		SequenceComparison sequences = new SequenceComparison(this.rules);
		// a table and a sequence share their names on PostgreSQL: a sequence that takes a
		// dropped table's name comes after the drop, a table that takes a dropped
		// sequence's name after that drop (a Hibernate id generator kept as a table
		// becoming a sequence, or the other way)
		Set<String> droppedTableNames = names(droppedTables);
		Set<String> newTableNames = names(newTables);
		List<Step> createdSequences = sequences.created(model, database);
		List<Step> droppedSequences = sequences.dropped(model, database);
		List<Step> upgrade = new ArrayList<>();
		upgrade.addAll(namedIn(droppedSequences, newTableNames, true));
		upgrade.addAll(namedIn(createdSequences, droppedTableNames, false));
		upgrade.addAll(renamed);
		upgrade.addAll(renamedColumns);
		upgrade.addAll(created);
		upgrade.addAll(droppedForeignKeys);
		upgrade.addAll(changed);
		upgrade.addAll(addedForeignKeys);
		upgrade.addAll(dropTables(droppedTables));
		upgrade.addAll(namedIn(createdSequences, droppedTableNames, true));
		upgrade.addAll(sequences.changed(model, database));
		upgrade.addAll(namedIn(droppedSequences, newTableNames, false));
		return new Result(upgrade, downgrade(upgrade));
	}

	/**
	 * A database table whose keys, indexes and foreign keys name the tables and columns
	 * that the revision renames by their new names, as they are once the renames (the
	 * revision's first steps) have run: a rename alone changes nothing else.
	 */
	private static Table withNewNames(Table table, Map<String, String> tableNames,
			Map<String, Map<String, String>> columnNames) {
		if (tableNames.isEmpty() && columnNames.isEmpty()) {
			return table;
		}
		Map<String, String> own = columnNames.getOrDefault(key(table.name()), Map.of());
		PrimaryKey primaryKey = (table.primaryKey() != null)
				? new PrimaryKey(table.primaryKey().name(), renamed(table.primaryKey().columns(), own)) : null;
		List<UniqueConstraint> uniques = table.uniqueConstraints()
			.stream()
			.map((unique) -> new UniqueConstraint(unique.name(), renamed(unique.columns(), own)))
			.toList();
		List<Index> indexes = table.indexes()
			.stream()
			.map((index) -> index.with(index.name(), table.name(), renamed(index.columns(), own)))
			.toList();
		List<ForeignKey> foreignKeys = table.foreignKeys().stream().map((foreignKey) -> {
			String target = tableNames.getOrDefault(key(foreignKey.referencedTable()), foreignKey.referencedTable());
			return new ForeignKey(foreignKey.name(), renamed(foreignKey.columns(), own), target,
					renamed(foreignKey.referencedColumns(), columnNames.getOrDefault(key(target), Map.of())),
					foreignKey.onDelete(), foreignKey.onUpdate());
		}).toList();
		List<CheckConstraint> checks = table.checks()
			.stream()
			.map((check) -> new CheckConstraint(check.name(), renamedIn(check.expression(), own)))
			.toList();
		return new Table(table.name(), table.columns(), primaryKey, uniques, foreignKeys, checks, indexes,
				table.comment());
	}

	/**
	 * An expression with the renamed columns' names replaced, outside string literals, as
	 * the database rewrites a check when one of its columns is renamed.
	 */
	private static String renamedIn(String expression, Map<String, String> newNames) {
		if (newNames.isEmpty()) {
			return expression;
		}
		StringBuilder out = new StringBuilder();
		Matcher token = IDENTIFIER_OR_LITERAL.matcher(expression);
		while (token.find()) {
			String text = token.group();
			String replacement = text;
			if (!text.startsWith("'")) {
				boolean quoted = text.startsWith("\"");
				String newName = newNames.get(key(quoted ? text.substring(1, text.length() - 1) : text));
				if (newName != null) {
					replacement = quoted ? "\"" + newName + "\"" : newName;
				}
			}
			token.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		token.appendTail(out);
		return out.toString();
	}

	private static List<String> renamed(List<String> columns, Map<String, String> newNames) {
		return columns.stream().map((column) -> newNames.getOrDefault(key(column), column)).toList();
	}

	/**
	 * The model table as it is compared: a default or check whose stored form equals the
	 * database's takes the database's text, so it compares equal; every other keeps the
	 * model's own text, which is what a changed default or an added check must carry into
	 * the revision (the stored form is the server's rewriting, e.g.
	 * {@code CHECK (... = ANY (ARRAY[...]))}, not what the user wrote).
	 */
	private Table comparable(Table wanted, Table stored, Table current) {
		if (stored == wanted) {
			return wanted;
		}
		List<dev.retort.migration.schema.Column> columns = new ArrayList<>();
		for (int i = 0; i < wanted.columns().size(); i++) {
			dev.retort.migration.schema.Column column = wanted.columns().get(i);
			String storedDefault = stored.columns().get(i).serverDefault();
			String existing = current.column(column.name())
				.map(dev.retort.migration.schema.Column::serverDefault)
				.orElse(null);
			boolean same = storedDefault != null && existing != null && Objects
				.equals(this.rules.canonicalDefault(storedDefault), this.rules.canonicalDefault(existing));
			columns.add(same ? column.serverDefault(existing) : column);
		}
		List<CheckConstraint> checks = new ArrayList<>();
		for (int i = 0; i < wanted.checks().size(); i++) {
			CheckConstraint check = wanted.checks().get(i);
			String storedExpression = this.rules.canonicalCheck(stored.checks().get(i).expression());
			checks.add(current.checks()
				.stream()
				.filter((other) -> this.rules.canonicalCheck(other.expression()).equals(storedExpression))
				.findFirst()
				.map((other) -> new CheckConstraint(check.name(), other.expression()))
				.orElse(check));
		}
		return wanted.withColumns(columns).withChecks(checks);
	}

	/**
	 * New tables in an order in which each one's foreign keys point at tables that
	 * already exist; a foreign key in a cycle is added once both tables exist.
	 */
	private List<Step> createTables(List<Table> tables) {
		List<Step> steps = new ArrayList<>();
		List<Step> deferred = new ArrayList<>();
		Set<String> pending = new LinkedHashSet<>();
		tables.forEach((table) -> pending.add(key(table.name())));
		Set<String> done = new LinkedHashSet<>();
		List<Table> remaining = new ArrayList<>(tables);
		while (!remaining.isEmpty()) {
			Table next = remaining.stream()
				.filter((table) -> table.foreignKeys()
					.stream()
					.map((key) -> key(key.referencedTable()))
					.allMatch((target) -> !pending.contains(target) || done.contains(target)
							|| target.equals(key(table.name()))))
				.findFirst()
				.orElse(remaining.get(0));
			remaining.remove(next);
			Table created = next;
			if (!next.foreignKeys().isEmpty()) {
				List<ForeignKey> inline = new ArrayList<>();
				for (ForeignKey key : next.foreignKeys()) {
					String target = key(key.referencedTable());
					if (!pending.contains(target) || done.contains(target) || target.equals(key(next.name()))) {
						inline.add(key);
					}
					else {
						deferred.add(ConstraintComparison.addForeignKey(this.rules, next.name(), key));
					}
				}
				created = next.withForeignKeys(inline);
			}
			done.add(key(next.name()));
			Sequence sequence = this.rules.hasSequences() ? null : this.sequenceTables.get(next.name());
			if (sequence != null) {
				steps.add(new Step(new CreateSequence(sequence),
						List.of("Hibernate's id sequence: a sequence, which SQLite keeps as a one-row table"), false));
				continue;
			}
			steps.add(Step.of(new CreateTable(created)));
			List<Map<String, Object>> rows = this.seedRows.get(next.name());
			if (rows != null) {
				steps.add(new Step(new BulkInsert(next.name(), rows),
						List.of("the row Hibernate's table-based id generator starts from"), false));
			}
		}
		steps.addAll(deferred);
		return steps;
	}

	private static Set<String> names(List<Table> tables) {
		Set<String> names = new LinkedHashSet<>();
		tables.forEach((table) -> names.add(key(table.name())));
		return names;
	}

	/**
	 * The sequence steps whose sequence has one of the names, or those that have none.
	 */
	private static List<Step> namedIn(List<Step> steps, Set<String> names, boolean named) {
		return steps.stream().filter((step) -> names.contains(key(sequenceName(step))) == named).toList();
	}

	private static String sequenceName(Step step) {
		if (step.operation() instanceof CreateSequence create) {
			return create.sequence().name();
		}
		return ((DropSequence) step.operation()).name();
	}

	/** Tables to drop, those that point at others first. */
	private List<Step> dropTables(List<Table> tables) {
		List<Step> steps = new ArrayList<>();
		Set<String> dropping = new LinkedHashSet<>();
		tables.forEach((table) -> dropping.add(key(table.name())));
		List<Table> remaining = new ArrayList<>(tables);
		while (!remaining.isEmpty()) {
			Table next = remaining.stream()
				.filter((table) -> remaining.stream()
					.filter((other) -> other != table)
					.noneMatch((other) -> other.foreignKeys()
						.stream()
						.anyMatch((key) -> key(key.referencedTable()).equals(key(table.name())))))
				.findFirst()
				.orElse(remaining.get(0));
			remaining.remove(next);
			if (!this.rules.hasSequences() && Sequence.isKeptIn(next)) {
				// Hibernate's default start and increment: the table does not keep them
				steps.add(Step.destructive(
						new DropSequence(next.name(), Sequence.of(next.name(), Sequence.DEFAULT_INCREMENT)),
						"DESTRUCTIVE: drops the id sequence " + next.name() + " (here the one-row table Hibernate "
								+ "keeps it in); the downgrade recreates it from 1 with Hibernate's default increment, "
								+ Sequence.DEFAULT_INCREMENT
								+ ", since SQLite does not keep the increment: CAUTION if the entity's "
								+ "allocationSize was another, write that increment in the downgrade's Sequence"));
				continue;
			}
			steps.add(Step.destructive(new DropTable(next.name(), next), "DESTRUCTIVE: drops table " + next.name()
					+ " and every row in it; the downgrade recreates " + "it empty"));
		}
		return steps;
	}

	/**
	 * The inverse of each upgrade step, last first. Rows inserted into a table the
	 * upgrade creates need no inverse: the downgrade drops the table.
	 */
	private static List<Step> downgrade(List<Step> upgrade) {
		Set<String> createdTables = new LinkedHashSet<>();
		for (Step step : upgrade) {
			if (step.operation() instanceof CreateTable create) {
				createdTables.add(key(create.table()));
			}
		}
		List<Step> downgrade = new ArrayList<>();
		for (Step step : upgrade) {
			Operation operation = step.operation();
			if (operation == null) {
				continue;
			}
			if (operation instanceof BulkInsert insert && createdTables.contains(key(insert.table()))) {
				continue;
			}
			if (operation.isReversible()) {
				Operation inverse = operation.inverse();
				downgrade.add(new Step(inverse, cautions(inverse, upgrade), false));
			}
			else {
				downgrade.add(Step.of(new Irreversible("autogenerate cannot undo " + operation)));
			}
		}
		Collections.reverse(downgrade);
		return downgrade;
	}

	/**
	 * What a reviewer must know of a downgrade step: narrowing a column back may not fit
	 * what the upgraded column let in, and NOT NULL fails on the NULLs it let in.
	 */
	private static List<String> cautions(Operation inverse, List<Step> upgrade) {
		if (inverse instanceof AddConstraint add && add.constraint() instanceof CheckConstraint check) {
			// an enum that lost a value gets its wider check back, which cannot fail; one
			// that gained a value its narrower one
			boolean wider = upgrade.stream()
				.filter((step) -> step.operation() instanceof AddConstraint added
						&& added.table().equalsIgnoreCase(add.table()) && added.constraint() instanceof CheckConstraint)
				.anyMatch((step) -> EnumCheck.widens(
						((CheckConstraint) ((AddConstraint) step.operation()).constraint()).expression(),
						check.expression()));
			return wider ? List.of() : List.of("CAUTION: fails while rows of " + add.table() + " break "
					+ check.expression() + ", which the upgrade allowed");
		}
		if (inverse instanceof AddConstraint add && add.constraint() instanceof UniqueConstraint unique) {
			return List.of("CAUTION: fails while rows of " + add.table() + " repeat " + unique.columns()
					+ ", which the upgrade allowed");
		}
		if (!(inverse instanceof AlterColumn alter) || alter.existing() == null) {
			return List.of();
		}
		List<String> cautions = new ArrayList<>();
		String column = alter.table() + "." + alter.existing().name();
		Type from = alter.existing().type();
		Type to = alter.type();
		boolean bothNumeric = to != null && from.kind() == Type.Kind.NUMERIC && to.kind() == Type.Kind.NUMERIC
				&& from.precision() != null && to.precision() != null;
		// a numeric loses decimals by rounding, and digits before the point by not
		// fitting
		if (bothNumeric && ColumnComparison.roundsDecimals(from, to)) {
			cautions.add("CAUTION: " + from + " -> " + to + " rounds every value of " + column + " to " + to.scale()
					+ " decimal places");
		}
		boolean mayNotFit = bothNumeric ? ColumnComparison.fewerDigitsBeforeThePoint(from, to)
				: to != null && ColumnComparison.narrows(from, to);
		if (mayNotFit) {
			cautions.add("CAUTION: " + from + " -> " + to + " may not fit every value the upgrade let into " + column);
		}
		if (Boolean.FALSE.equals(alter.nullable()) && alter.existing().isNullable()) {
			cautions.add("CAUTION: NOT NULL on " + column + " fails while any row has NULL there, which the upgrade "
					+ "allowed: fill those rows first");
		}
		return cautions;
	}

	private static List<Table> sorted(java.util.Collection<Table> tables) {
		return tables.stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
	}

	private static Map<String, Table> byName(java.util.Collection<Table> tables) {
		Map<String, Table> byName = new LinkedHashMap<>();
		tables.forEach((table) -> byName.put(key(table.name()), table));
		return byName;
	}

	static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * The database's own form of a model table's defaults and checks (see
	 * {@link SchemaRules#storedForm}), asked for only when the text rules find a
	 * difference. Used to compare only: the steps carry the model's own text.
	 */
	@FunctionalInterface
	public interface StoredForms {

		/** Text rules only. */
		StoredForms NONE = (model, database) -> model;

		/**
		 * The model table with its defaults and checks as the database would store them.
		 * @param model the table as the entities describe it
		 * @param database the table as the database has it
		 */
		Table of(Table model, Table database);

	}

	/**
	 * What the comparison found.
	 *
	 * @param upgrade the steps from the database's schema to the model's
	 * @param downgrade the steps back
	 */
	public record Result(List<Step> upgrade, List<Step> downgrade) {

		public Result {
			upgrade = List.copyOf(upgrade);
			downgrade = List.copyOf(downgrade);
		}

		/** Whether the model and the database agree. */
		public boolean isEmpty() {
			return this.upgrade.isEmpty();
		}

		/** The steps that lose data, for the command's output. */
		public List<Step> destructive() {
			return this.upgrade.stream().filter(Step::destructive).toList();
		}

	}

}
