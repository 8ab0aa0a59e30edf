package dev.retort.migration.dialect.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.dialect.SimulatedSchema;
import dev.retort.migration.dialect.UnknownTableException;
import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;

/**
 * SQLite's table rebuild, for what ALTER TABLE cannot do, following SQLite's documented
 * procedure: create {@code _retort_new_}<i>table</i> with the new definition, copy the
 * rows, drop the old table, rename the new one, then recreate the indexes and triggers
 * and check foreign keys. Several consecutive operations on one table share one rebuild.
 *
 * <p>
 * It needs foreign-key enforcement off while it runs (otherwise dropping the old table
 * would cascade to child rows), which SQLite only allows outside a transaction: the
 * engine runs {@link SqliteDialect#beforeTransaction()} before and
 * {@link SqliteDialect#afterTransaction()} after each revision's transaction. Because
 * enforcement is off, the rebuild checks the keys of the rebuilt table and of the tables
 * that reference it with {@code pragma_foreign_key_check}, through a statement that fails
 * (CHECK constraint) when there are violations, so that the revision rolls back. When a
 * rebuilt table has children and enforcement is still on, a guard statement fails before
 * anything is dropped.
 */
final class SqliteTableRebuild {

	private static final String NEW_TABLE_PREFIX = "_retort_new_";

	/** The rebuilt copy's name in SQLite's messages, and the table it copies. */
	private static final Pattern NEW_TABLE = Pattern.compile(Pattern.quote(NEW_TABLE_PREFIX) + "([^\"'`.,;:()\\s]+)");

	private final SqliteDialect dialect;

	SqliteTableRebuild(SqliteDialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * The statements for the operations, with a rebuild wherever ALTER TABLE falls short.
	 */
	List<String> render(List<Operation> operations, SchemaSource schema) {
		if (operations.stream()
			.noneMatch((operation) -> operation instanceof DropColumn || needsRebuild(operation, SchemaSource.EMPTY))) {
			return this.dialect.renderWithoutRebuild(operations, schema);
		}
		SimulatedSchema simulated = new SimulatedSchema(schema);
		List<String> statements = new ArrayList<>();
		int next = 0;
		while (next < operations.size()) {
			Operation operation = operations.get(next);
			if (!needsRebuild(operation, simulated)) {
				statements.addAll(this.dialect.renderWithoutRebuild(operation, simulated));
				try {
					simulated.apply(operation);
				}
				catch (UnknownTableException ex) {
					// the table came from raw SQL the simulation cannot see; later
					// rebuilds of it will say so
				}
				next++;
				continue;
			}
			String table = operation.table();
			Table before = simulated.table(table)
				.orElseThrow(() -> new UnknownTableException("Cannot rebuild SQLite table \"" + table + "\" for "
						+ describe(operation)
						+ ": its definition is unknown (the table does not exist, or raw SQL created it in this batch)."));
			List<String> triggers = simulated.triggers(table);
			Map<String, String> origins = new LinkedHashMap<>();
			before.columns().forEach((column) -> origins.put(column.name(), column.name()));
			while (next < operations.size() && foldsInto(operations.get(next), table)) {
				Operation folded = operations.get(next);
				track(origins, folded);
				simulated.apply(folded);
				next++;
			}
			statements.addAll(rebuild(before, simulated.require(table), origins, triggers, simulated));
		}
		return statements;
	}

	/**
	 * Says what the rebuilt copy SQLite names in an error is: where rows of the table do
	 * not fit its new definition. {@code null} for other errors.
	 */
	static String explainFailure(String statement, String error) {
		Matcher named = NEW_TABLE.matcher(error);
		if (!named.find()) {
			// a CHECK constraint's message names the constraint alone: the copy's
			// statement tells
			if (statement == null || !statement.startsWith("INSERT INTO \"" + NEW_TABLE_PREFIX)) {
				return null;
			}
			named = NEW_TABLE.matcher(statement);
			if (!named.find()) {
				return null;
			}
		}
		String table = named.group(1);
		return "\"" + NEW_TABLE_PREFIX + table + "\" is the new copy of \"" + table + "\" that Retort fills to rebuild "
				+ "it, since SQLite's ALTER TABLE cannot make this change: rows of \"" + table
				+ "\" do not fit its new "
				+ "definition (a NULL in a column made NOT NULL, a duplicate under a new unique constraint, a value a "
				+ "new check refuses). Update or delete those rows earlier in the revision, or give the column a "
				+ "server default.";
	}

	/** Whether ALTER TABLE cannot do this, so that the table must be rebuilt. */
	private boolean needsRebuild(Operation operation, SchemaSource schema) {
		if (operation instanceof AlterColumn alter) {
			if (!alter.changesDefinition()) {
				return false;
			}
			// a change that leaves the known column as it is needs no rebuild
			Column before = alter.existing();
			return before == null
					|| !alter.applyTo(before).comment(null).named(before.name()).equals(before.comment(null));
		}
		if (operation instanceof AddConstraint || operation instanceof DropConstraint) {
			return true;
		}
		if (operation instanceof AddColumn add) {
			Column column = add.column();
			String serverDefault = (column.serverDefault() != null)
					? this.dialect.defaultExpression(column.serverDefault()) : null;
			boolean constantDefault = serverDefault == null || SqliteDialect.isConstant(serverDefault);
			return column.isPrimaryKey() || column.isAutoIncrement() || !constantDefault
					|| (!column.isNullable() && serverDefault == null);
		}
		if (operation instanceof DropColumn drop) {
			return schema.table(drop.table()).map((table) -> isReferenced(table, drop.column())).orElse(false);
		}
		return false;
	}

	/** Whether a key, constraint or index uses the column, which DROP COLUMN refuses. */
	private static boolean isReferenced(Table table, String column) {
		Pattern mention = Pattern.compile("(?i)(^|[^\\w])[\"`\\[]?" + Pattern.quote(column) + "[\"`\\]]?($|[^\\w])");
		if (table.primaryKey() != null && containsName(table.primaryKey().columns(), column)) {
			return true;
		}
		return table.uniqueConstraints().stream().anyMatch((u) -> containsName(u.columns(), column))
				|| table.foreignKeys().stream().anyMatch((fk) -> containsName(fk.columns(), column))
				|| table.checks().stream().anyMatch((check) -> mention.matcher(check.expression()).find())
				|| table.indexes()
					.stream()
					.anyMatch((index) -> containsName(index.columns(), column)
							|| (index.where() != null && mention.matcher(index.where()).find()));
	}

	/** Whether an operation can join a rebuild of {@code table} already under way. */
	private static boolean foldsInto(Operation operation, String table) {
		if (operation.table() == null || !operation.table().equalsIgnoreCase(table)) {
			return false;
		}
		return operation instanceof AddColumn || operation instanceof DropColumn || operation instanceof AlterColumn
				|| operation instanceof AddConstraint || operation instanceof DropConstraint
				|| operation instanceof CreateIndex || operation instanceof DropIndex
				|| operation instanceof SetTableComment;
	}

	/** Keeps track of which old column each new column copies its values from. */
	private static void track(Map<String, String> origins, Operation operation) {
		if (operation instanceof DropColumn drop) {
			origins.keySet().removeIf((name) -> name.equalsIgnoreCase(drop.column()));
		}
		else if (operation instanceof AlterColumn alter && alter.newName() != null) {
			Map<String, String> renamed = new LinkedHashMap<>();
			origins.forEach((name, origin) -> renamed
				.put(name.equalsIgnoreCase(alter.column()) ? alter.newName() : name, origin));
			origins.clear();
			origins.putAll(renamed);
		}
	}

	private List<String> rebuild(Table before, Table after, Map<String, String> origins, List<String> triggers,
			SchemaSource schema) {
		String table = after.name();
		String temporary = NEW_TABLE_PREFIX + table;
		List<String> statements = new ArrayList<>();
		// dropping a parent while enforcement is on would cascade to (or fail on) its
		// children's rows
		statements.addAll(failWhen("SELECT count(*) FROM pragma_foreign_keys AS p WHERE p.foreign_keys = 1 AND EXISTS "
				+ "(SELECT 1 FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' "
				+ "AND m.name <> " + this.dialect.literal(table) + " COLLATE NOCASE AND f.\"table\" = "
				+ this.dialect.literal(table) + " COLLATE NOCASE)", "_retort_guard_" + table,
				"rebuilding " + table + " needs PRAGMA foreign_keys=OFF before the transaction begins "
						+ "(Dialect.beforeTransaction), or it would cascade to rows that reference it"));
		// what the rebuild recreates must be all there is, or the drop would lose the
		// rest silently
		int dependents = before.indexes().size() + triggers.size();
		String lost = "SELECT abs(count(*) - " + dependents + ")" + " + (SELECT count(*) FROM pragma_table_xinfo("
				+ this.dialect.literal(table) + ") WHERE hidden <> 0)"
				+ " + coalesce((SELECT wr + strict FROM pragma_table_list(" + this.dialect.literal(table) + ")), 0)"
				+ " FROM sqlite_master WHERE tbl_name = " + this.dialect.literal(table)
				+ " COLLATE NOCASE AND type IN ('index', 'trigger') AND sql IS NOT NULL";
		statements.addAll(failWhen(lost, "_retort_dependents_" + table, "rebuilding " + table
				+ " would lose indexes, triggers, generated columns or table options (WITHOUT ROWID, STRICT) that "
				+ "the schema source did not list; render with Dialect.live(connection), create them through "
				+ "operations, or change this table with execute()"));
		statements.add(this.dialect.createTable(temporary, after));
		StringJoiner targets = new StringJoiner(", ");
		StringJoiner sources = new StringJoiner(", ");
		for (Column column : after.columns()) {
			String origin = origins.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(column.name()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			if (origin != null) {
				targets.add(this.dialect.quote(column.name()));
				sources.add(this.dialect.quote(origin));
			}
		}
		if (targets.length() > 0) {
			statements.add("INSERT INTO " + this.dialect.quote(temporary) + " (" + targets + ") SELECT " + sources
					+ " FROM " + this.dialect.quote(table));
		}
		boolean sequence = before.columns().stream().anyMatch(Column::isAutoIncrement)
				&& after.columns().stream().anyMatch(Column::isAutoIncrement);
		String savedSequence = "temp." + this.dialect.quote("_retort_sequence_" + table);
		if (sequence) {
			// AUTOINCREMENT never reuses an id: carry the table's high-water mark across
			// the rebuild
			statements.add("DROP TABLE IF EXISTS " + savedSequence);
			statements.add("CREATE TEMP TABLE " + this.dialect.quote("_retort_sequence_" + table)
					+ " AS SELECT seq FROM sqlite_sequence WHERE name = " + this.dialect.literal(table));
		}
		statements.add("DROP TABLE " + this.dialect.quote(table));
		// legacy mode: the rename must not re-check views and triggers that name the
		// dropped table
		statements.add("PRAGMA legacy_alter_table=ON");
		statements.add("ALTER TABLE " + this.dialect.quote(temporary) + " RENAME TO " + this.dialect.quote(table));
		statements.add("PRAGMA legacy_alter_table=OFF");
		if (sequence) {
			statements.add("UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(seq) FROM " + savedSequence
					+ "), 0)) WHERE name = " + this.dialect.literal(table));
			statements.add("DROP TABLE " + savedSequence);
		}
		for (Index index : after.indexes()) {
			statements.add(this.dialect.createIndex(index));
		}
		statements.addAll(triggers);
		List<String> children = children(table, schema);
		String check;
		if (children != null) {
			StringJoiner checks = new StringJoiner(" UNION ALL ", "SELECT count(*) FROM (", ")");
			checks.add("SELECT 1 FROM pragma_foreign_key_check(" + this.dialect.literal(table) + ")");
			children.forEach((child) -> checks
				.add("SELECT 1 FROM pragma_foreign_key_check(" + this.dialect.literal(child) + ")"));
			check = checks.toString();
		}
		else {
			check = "SELECT count(*) FROM pragma_foreign_key_check AS c WHERE c.\"table\" = "
					+ this.dialect.literal(table) + " COLLATE NOCASE OR c.parent = " + this.dialect.literal(table)
					+ " COLLATE NOCASE";
		}
		statements.addAll(failWhen(check, "_retort_fk_check_" + table,
				"rebuilding " + table + " leaves rows that break foreign keys; PRAGMA foreign_key_check lists them"));
		return statements;
	}

	/**
	 * The tables whose foreign keys reference {@code table}, or {@code null} when the
	 * source cannot list tables (then the check covers the whole database).
	 */
	private static List<String> children(String table, SchemaSource schema) {
		if (!schema.listsAllTables()) {
			return null;
		}
		return List.copyOf(schema.referencingTables(table));
	}

	private List<String> failWhen(String query, String scratchTable, String message) {
		return this.dialect.failWhen(scratchTable, message, List.of(query));
	}

	private static String describe(Operation operation) {
		return operation.getClass().getSimpleName() + " on \"" + operation.table() + "\"";
	}

	private static boolean containsName(List<String> names, String name) {
		return names.stream().anyMatch((n) -> n.equalsIgnoreCase(name));
	}

}
