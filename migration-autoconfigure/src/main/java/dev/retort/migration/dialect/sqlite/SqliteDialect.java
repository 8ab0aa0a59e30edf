package dev.retort.migration.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.dialect.AbstractDialect;
import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.dialect.OperationNotSupportedException;
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
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * SQLite: transactional DDL, type affinity, and table rebuilds for what ALTER TABLE
 * cannot do.
 *
 * <p>
 * A rebuild follows SQLite's documented procedure: create {@code _retort_new_
 *
<table>
 * } with the new definition, copy the rows, drop the old table, rename the new one, then
 * recreate the indexes and triggers and check foreign keys. Several consecutive
 * operations on one table share one rebuild. It needs foreign-key enforcement off while
 * it runs (otherwise dropping the old table would cascade to child rows), which SQLite
 * only allows outside a transaction: the engine runs {@link #beforeTransaction()} before
 * and {@link #afterTransaction()} after each revision's transaction. Because enforcement
 * is off, the rebuild checks the keys of the rebuilt table and of the tables that
 * reference it with {@code pragma_foreign_key_check}, through a statement that fails
 * (CHECK constraint) when there are violations, so that the revision rolls back. When a
 * rebuilt table has children and enforcement is still on, a guard statement fails before
 * anything is dropped.
 *
 * <p>
 * Comments do not exist in SQLite: comment operations render nothing.
 * {@code concurrently} indexes are plain indexes.
 */
public class SqliteDialect extends AbstractDialect {

	private static final String NEW_TABLE_PREFIX = "_retort_new_";

	private static final Pattern LITERAL_DEFAULT = Pattern
		.compile("(?i)^([-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|'([^']|'')*'|NULL|TRUE|FALSE|X'[0-9a-fA-F]*')$");

	private static final Pattern SIZED = Pattern.compile("^([A-Z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)$");

	private static final Pattern ZONED_TIMESTAMP = Pattern
		.compile("^TIMESTAMP\\s*\\(\\s*(\\d+)\\s*\\)\\s+WITH TIME ZONE$");

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public SchemaRules schemaRules() {
		return new SqliteSchemaRules();
	}

	/**
	 * {@code PRAGMA foreign_keys=OFF}. Only needed, and only to be paired with
	 * {@link #afterTransaction()}, when the connection enforces foreign keys
	 * ({@code PRAGMA foreign_keys} returns 1); a connection without enforcement needs
	 * nothing.
	 */
	@Override
	public List<String> beforeTransaction() {
		return List.of("PRAGMA foreign_keys=OFF");
	}

	/**
	 * {@code PRAGMA foreign_keys=ON}: enforcement back after the revision's transaction.
	 */
	@Override
	public List<String> afterTransaction() {
		return List.of("PRAGMA foreign_keys=ON");
	}

	@Override
	public List<String> prepareOutsideTransaction(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			boolean enforced;
			try (ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
				enforced = rows.next() && rows.getInt(1) == 1;
			}
			if (!enforced) {
				return List.of();
			}
			for (String sql : beforeTransaction()) {
				statement.execute(sql);
			}
		}
		return afterTransaction();
	}

	@Override
	protected boolean inlinePrimaryKey(Table table) {
		// INTEGER PRIMARY KEY AUTOINCREMENT must be written on the column itself
		return table.primaryKey() != null && table.primaryKey().columns().size() == 1
				&& table.column(table.primaryKey().columns().get(0)).map(Column::isAutoIncrement).orElse(false);
	}

	@Override
	protected String typeName(Column column) {
		if (column.isAutoIncrement() && column.isPrimaryKey()) {
			return "INTEGER PRIMARY KEY AUTOINCREMENT";
		}
		return typeName(column.type());
	}

	@Override
	public String typeName(Type type) {
		return switch (type.kind()) {
			case INTEGER -> "INTEGER";
			case BIGINT -> "BIGINT";
			case SMALLINT -> "SMALLINT";
			case BOOLEAN -> "BOOLEAN";
			case VARCHAR -> (type.length() != null) ? "VARCHAR(" + type.length() + ")" : "VARCHAR";
			case TEXT -> "TEXT";
			case NUMERIC ->
				(type.precision() != null) ? "NUMERIC(" + type.precision() + ", " + type.scale() + ")" : "NUMERIC";
			case FLOAT -> "FLOAT";
			case DOUBLE -> "DOUBLE";
			case DATE -> "DATE";
			case TIME -> "TIME" + precision(type);
			case TIMESTAMP -> "TIMESTAMP" + precision(type);
			case TIMESTAMP_TZ -> "TIMESTAMP" + precision(type) + " WITH TIME ZONE";
			case UUID -> "UUID";
			case BINARY -> "BLOB";
			case JSON -> "JSON";
			case RAW -> type.sql();
		};
	}

	/** The portable type for a declared SQLite column type, or a raw type. */
	public static Type portableType(String declared) {
		String type = declared.strip().toUpperCase(Locale.ROOT);
		Matcher sized = SIZED.matcher(type);
		if (sized.matches()) {
			String base = sized.group(1).strip();
			if ((base.equals("VARCHAR") || base.equals("CHARACTER VARYING")) && sized.group(3) == null) {
				return Type.varchar(Integer.parseInt(sized.group(2)));
			}
			if ((base.equals("NUMERIC") || base.equals("DECIMAL")) && sized.group(3) != null) {
				return Type.numeric(Integer.parseInt(sized.group(2)), Integer.parseInt(sized.group(3)));
			}
			if (base.equals("TIMESTAMP") && sized.group(3) == null) {
				return Type.timestamp(Integer.parseInt(sized.group(2)));
			}
			if (base.equals("TIME") && sized.group(3) == null) {
				return Type.time(Integer.parseInt(sized.group(2)));
			}
			return Type.raw(declared);
		}
		Matcher zoned = ZONED_TIMESTAMP.matcher(type);
		if (zoned.matches()) {
			return Type.timestampWithTimeZone(Integer.parseInt(zoned.group(1)));
		}
		return switch (type) {
			case "INTEGER", "INT" -> Type.INTEGER;
			case "BIGINT" -> Type.BIGINT;
			case "SMALLINT" -> Type.SMALLINT;
			case "BOOLEAN" -> Type.BOOLEAN;
			case "VARCHAR" -> Type.VARCHAR;
			case "TEXT" -> Type.TEXT;
			case "NUMERIC" -> Type.NUMERIC;
			case "FLOAT", "REAL" -> Type.FLOAT;
			case "DOUBLE", "DOUBLE PRECISION" -> Type.DOUBLE;
			case "DATE" -> Type.DATE;
			case "TIME" -> Type.TIME;
			case "TIMESTAMP", "DATETIME" -> Type.TIMESTAMP;
			case "TIMESTAMP WITH TIME ZONE" -> Type.TIMESTAMP_TZ;
			case "UUID" -> Type.UUID;
			case "BLOB" -> Type.BINARY;
			case "JSON" -> Type.JSON;
			default -> Type.raw(declared);
		};
	}

	@Override
	protected String defaultExpression(String expression) {
		String trimmed = expression.strip();
		if (LITERAL_DEFAULT.matcher(trimmed).matches() || trimmed.startsWith("(")
				|| trimmed.equalsIgnoreCase("CURRENT_TIMESTAMP") || trimmed.equalsIgnoreCase("CURRENT_DATE")
				|| trimmed.equalsIgnoreCase("CURRENT_TIME")) {
			return trimmed;
		}
		// SQLite accepts any other expression only in parentheses
		return "(" + trimmed + ")";
	}

	@Override
	protected String booleanOrNumber(Object value) {
		if (value instanceof Boolean bool) {
			return bool ? "1" : "0";
		}
		return super.booleanOrNumber(value);
	}

	@Override
	protected String binaryLiteral(String hex) {
		return "X'" + hex + "'";
	}

	@Override
	public List<String> render(List<Operation> operations, SchemaSource schema) {
		if (operations.stream()
			.noneMatch((operation) -> operation instanceof DropColumn || needsRebuild(operation, SchemaSource.EMPTY))) {
			return super.render(operations, schema);
		}
		SimulatedSchema simulated = new SimulatedSchema(schema);
		List<String> statements = new ArrayList<>();
		int next = 0;
		while (next < operations.size()) {
			Operation operation = operations.get(next);
			if (!needsRebuild(operation, simulated)) {
				statements.addAll(render(operation, simulated));
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
			String serverDefault = (column.serverDefault() != null) ? defaultExpression(column.serverDefault()) : null;
			boolean constantDefault = serverDefault == null || LITERAL_DEFAULT.matcher(serverDefault).matches();
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
				+ "AND m.name <> " + literal(table) + " COLLATE NOCASE AND f.\"table\" = " + literal(table)
				+ " COLLATE NOCASE)", "_retort_guard_" + table,
				"rebuilding " + table + " needs PRAGMA foreign_keys=OFF before the transaction begins "
						+ "(Dialect.beforeTransaction), or it would cascade to rows that reference it"));
		// what the rebuild recreates must be all there is, or the drop would lose the
		// rest silently
		int dependents = before.indexes().size() + triggers.size();
		String lost = "SELECT abs(count(*) - " + dependents + ")" + " + (SELECT count(*) FROM pragma_table_xinfo("
				+ literal(table) + ") WHERE hidden <> 0)" + " + coalesce((SELECT wr + strict FROM pragma_table_list("
				+ literal(table) + ")), 0)" + " FROM sqlite_master WHERE tbl_name = " + literal(table)
				+ " COLLATE NOCASE AND type IN ('index', 'trigger') AND sql IS NOT NULL";
		statements.addAll(failWhen(lost, "_retort_dependents_" + table, "rebuilding " + table
				+ " would lose indexes, triggers, generated columns or table options (WITHOUT ROWID, STRICT) that "
				+ "the schema source did not list; render with Dialect.live(connection), create them through "
				+ "operations, or change this table with execute()"));
		statements.add(createTableStatement(temporary, after));
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
				targets.add(quote(column.name()));
				sources.add(quote(origin));
			}
		}
		if (targets.length() > 0) {
			statements.add("INSERT INTO " + quote(temporary) + " (" + targets + ") SELECT " + sources + " FROM "
					+ quote(table));
		}
		boolean sequence = before.columns().stream().anyMatch(Column::isAutoIncrement)
				&& after.columns().stream().anyMatch(Column::isAutoIncrement);
		String savedSequence = "temp." + quote("_retort_sequence_" + table);
		if (sequence) {
			// AUTOINCREMENT never reuses an id: carry the table's high-water mark across
			// the rebuild
			statements.add("DROP TABLE IF EXISTS " + savedSequence);
			statements.add("CREATE TEMP TABLE " + quote("_retort_sequence_" + table)
					+ " AS SELECT seq FROM sqlite_sequence WHERE name = " + literal(table));
		}
		statements.add("DROP TABLE " + quote(table));
		// legacy mode: the rename must not re-check views and triggers that name the
		// dropped table
		statements.add("PRAGMA legacy_alter_table=ON");
		statements.add("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(table));
		statements.add("PRAGMA legacy_alter_table=OFF");
		if (sequence) {
			statements.add("UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(seq) FROM " + savedSequence
					+ "), 0)) WHERE name = " + literal(table));
			statements.add("DROP TABLE " + savedSequence);
		}
		for (Index index : after.indexes()) {
			statements.add(createIndex(index, false));
		}
		statements.addAll(triggers);
		List<String> children = children(table, schema);
		String check;
		if (children != null) {
			StringJoiner checks = new StringJoiner(" UNION ALL ", "SELECT count(*) FROM (", ")");
			checks.add("SELECT 1 FROM pragma_foreign_key_check(" + literal(table) + ")");
			children.forEach((child) -> checks.add("SELECT 1 FROM pragma_foreign_key_check(" + literal(child) + ")"));
			check = checks.toString();
		}
		else {
			check = "SELECT count(*) FROM pragma_foreign_key_check AS c WHERE c.\"table\" = " + literal(table)
					+ " COLLATE NOCASE OR c.parent = " + literal(table) + " COLLATE NOCASE";
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
		List<String> children = new ArrayList<>();
		for (String other : schema.tableNames()) {
			if (!other.equalsIgnoreCase(table) && schema.table(other)
				.map((t) -> t.foreignKeys().stream().anyMatch((fk) -> fk.referencedTable().equalsIgnoreCase(table)))
				.orElse(false)) {
				children.add(other);
			}
		}
		return children;
	}

	/**
	 * Statements that fail with {@code message} (as a CHECK constraint's name) when the
	 * query yields a value other than 0: how a plain SQL script stops on a condition.
	 */
	private List<String> failWhen(String query, String scratchTable, String message) {
		String scratch = "temp." + quote(scratchTable);
		return List.of("DROP TABLE IF EXISTS " + scratch,
				"CREATE TEMP TABLE " + quote(scratchTable) + " (" + quote("value") + " INTEGER CONSTRAINT "
						+ quote(message) + " CHECK (" + quote("value") + " = 0))",
				"INSERT INTO " + scratch + " " + query, "DROP TABLE " + scratch);
	}

	private static String describe(Operation operation) {
		return operation.getClass().getSimpleName() + " on \"" + operation.table() + "\"";
	}

	private static boolean containsName(List<String> names, String name) {
		return names.stream().anyMatch((n) -> n.equalsIgnoreCase(name));
	}

	@Override
	protected Set<String> tableNames(Connection connection) throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
						+ "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	@Override
	protected List<String> reflectTriggers(Connection connection, String table) throws SQLException {
		List<String> statements = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? COLLATE NOCASE "
					+ "AND sql IS NOT NULL ORDER BY name")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					statements.add(rows.getString(1));
				}
			}
		}
		// indexes on expressions have no model; keep their SQL to recreate them as
		// written
		for (Map.Entry<String, Boolean> index : indexList(connection, table, "c").entrySet()) {
			if (indexColumns(connection, index.getKey()).contains(null)) {
				statements.add(indexSql(connection, index.getKey()));
			}
		}
		return statements;
	}

	@Override
	protected Optional<Table> reflectTable(Connection connection, String name) throws SQLException {
		String sql;
		String actualName;
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					return Optional.empty();
				}
				actualName = rows.getString(1);
				sql = rows.getString(2);
			}
		}
		CreateTableSql parsed = CreateTableSql.parse(sql);
		List<Column> columns = new ArrayList<>();
		Map<Integer, String> keyColumns = new TreeMap<>();
		try (ResultSet rows = pragma(connection, "table_info", actualName)) {
			while (rows.next()) {
				String columnName = rows.getString("name");
				String declared = rows.getString("type");
				Column column = Column
					.of(columnName,
							(declared == null || declared.isBlank()) ? Type.raw("BLOB") : portableType(declared))
					.nullable(rows.getInt("notnull") == 0)
					.serverDefault(unwrap(rows.getString("dflt_value")));
				int keyPosition = rows.getInt("pk");
				if (keyPosition > 0) {
					keyColumns.put(keyPosition, columnName);
					column = column.primaryKey();
				}
				columns.add(column);
			}
		}
		PrimaryKey primaryKey = keyColumns.isEmpty() ? null
				: new PrimaryKey(parsed.primaryKeyName, List.copyOf(keyColumns.values()));
		if (parsed.autoIncrement && keyColumns.size() == 1) {
			String key = keyColumns.values().iterator().next();
			columns = columns.stream().map((c) -> c.name().equals(key) ? c.autoIncrement() : c).toList();
		}
		List<UniqueConstraint> uniques = new ArrayList<>();
		for (String index : indexList(connection, actualName, "u").keySet()) {
			List<String> indexColumns = indexColumns(connection, index);
			uniques.add(new UniqueConstraint(parsed.uniqueNames.get(lower(indexColumns)), indexColumns));
		}
		List<Index> indexes = new ArrayList<>();
		for (Map.Entry<String, Boolean> index : indexList(connection, actualName, "c").entrySet()) {
			List<String> indexColumns = indexColumns(connection, index.getKey());
			if (!indexColumns.contains(null)) {
				indexes.add(new Index(index.getKey(), actualName, indexColumns, index.getValue(),
						partialWhere(indexSql(connection, index.getKey()))));
			}
		}
		indexes.sort((a, b) -> a.name().compareTo(b.name()));
		return Optional.of(new Table(actualName, columns, primaryKey, uniques,
				foreignKeys(connection, actualName, parsed), parsed.checks, indexes, null));
	}

	private List<ForeignKey> foreignKeys(Connection connection, String table, CreateTableSql parsed)
			throws SQLException {
		Map<Integer, List<String[]>> byId = new TreeMap<>();
		try (ResultSet rows = pragma(connection, "foreign_key_list", table)) {
			while (rows.next()) {
				byId.computeIfAbsent(rows.getInt("id"), (id) -> new ArrayList<>())
					.add(new String[] { rows.getString("table"), rows.getString("from"), rows.getString("to"),
							rows.getString("on_delete"), rows.getString("on_update") });
			}
		}
		List<ForeignKey> foreignKeys = new ArrayList<>();
		// SQLite lists foreign keys last-declared first
		List<Integer> ids = new ArrayList<>(byId.keySet());
		Collections.reverse(ids);
		for (Integer id : ids) {
			List<String[]> parts = byId.get(id);
			String referenced = parts.get(0)[0];
			List<String> columns = parts.stream().map((part) -> part[1]).toList();
			List<String> referencedColumns = parts.stream().map((part) -> part[2]).toList();
			if (referencedColumns.contains(null)) {
				referencedColumns = primaryKeyColumns(connection, referenced);
			}
			foreignKeys.add(new ForeignKey(parsed.foreignKeyNames.get(lower(columns)), columns, referenced,
					referencedColumns, action(parts.get(0)[3]), action(parts.get(0)[4])));
		}
		return foreignKeys;
	}

	private List<String> primaryKeyColumns(Connection connection, String table) throws SQLException {
		Map<Integer, String> keyColumns = new TreeMap<>();
		try (ResultSet rows = pragma(connection, "table_info", table)) {
			while (rows.next()) {
				if (rows.getInt("pk") > 0) {
					keyColumns.put(rows.getInt("pk"), rows.getString("name"));
				}
			}
		}
		return List.copyOf(keyColumns.values());
	}

	/**
	 * Index names of the given origin ({@code c}: created, {@code u}: unique constraint)
	 * with uniqueness.
	 */
	private Map<String, Boolean> indexList(Connection connection, String table, String origin) throws SQLException {
		Map<String, Boolean> indexes = new TreeMap<>();
		try (ResultSet rows = pragma(connection, "index_list", table)) {
			while (rows.next()) {
				if (origin.equals(rows.getString("origin"))) {
					indexes.put(rows.getString("name"), rows.getInt("unique") == 1);
				}
			}
		}
		return indexes;
	}

	/** The key columns of an index in order; {@code null} for an expression. */
	private List<String> indexColumns(Connection connection, String index) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (ResultSet rows = pragma(connection, "index_xinfo", index)) {
			while (rows.next()) {
				if (rows.getInt("key") == 1) {
					columns.add((rows.getInt("cid") == -2) ? null : rows.getString("name"));
				}
			}
		}
		return columns;
	}

	private String indexSql(Connection connection, String index) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
			statement.setString(1, index);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	/** The predicate after the column list of a partial index, or {@code null}. */
	static String partialWhere(String indexSql) {
		if (indexSql == null) {
			return null;
		}
		int open = CreateTableSql.firstGroup(indexSql);
		if (open < 0) {
			return null;
		}
		String rest = indexSql.substring(CreateTableSql.skipGroup(indexSql, open)).strip();
		if (rest.regionMatches(true, 0, "WHERE", 0, 5)) {
			return rest.substring(5).strip();
		}
		return null;
	}

	private ResultSet pragma(Connection connection, String pragma, String argument) throws SQLException {
		PreparedStatement statement = connection.prepareStatement("SELECT * FROM pragma_" + pragma + "(?)");
		statement.closeOnCompletion();
		statement.setString(1, argument);
		return statement.executeQuery();
	}

	/**
	 * SQLite keeps an expression default in the parentheses it needs; the model does not.
	 */
	private static String unwrap(String expression) {
		if (expression == null) {
			return null;
		}
		String trimmed = expression.strip();
		if (trimmed.startsWith("(") && CreateTableSql.skipGroup(trimmed, 0) == trimmed.length()) {
			return trimmed.substring(1, trimmed.length() - 1).strip();
		}
		return trimmed;
	}

	private static ForeignKey.Action action(String sql) {
		if (sql == null) {
			return ForeignKey.Action.NO_ACTION;
		}
		for (ForeignKey.Action action : ForeignKey.Action.values()) {
			if (action.sql().equalsIgnoreCase(sql)) {
				return action;
			}
		}
		return ForeignKey.Action.NO_ACTION;
	}

	private static List<String> lower(List<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

	@Override
	protected String createSequence(Sequence sequence) {
		throw noSequences(sequence.name());
	}

	@Override
	protected String dropSequence(String name) {
		throw noSequences(name);
	}

	@Override
	protected String alterSequence(String name, long incrementBy) {
		throw noSequences(name);
	}

	private static OperationNotSupportedException noSequences(String name) {
		return new OperationNotSupportedException("SQLite has no sequences, so sequence \"" + name
				+ "\" cannot be changed here. Limit the revision to PostgreSQL (dialects = \"postgresql\"), or check "
				+ "op.dialect() before the sequence operation.");
	}

}
