package dev.retort.migration.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.dialect.Dialect.GeneratedColumn;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * Reads the tables of SQLite's main database from {@code sqlite_schema} and the
 * {@code pragma_*} table functions, one query per kind of object (tables, columns,
 * indexes, index columns, foreign keys) whatever the number of tables. What the pragmas
 * do not tell (constraint names, checks, {@code AUTOINCREMENT}) comes from the
 * {@code CREATE TABLE} text ({@link CreateTableSql}). Reading one table runs the same
 * queries filtered to it.
 */
final class SqliteSchemaReader {

	private static final Pattern SIZED = Pattern.compile("^([A-Z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)$");

	private static final Pattern ZONED_TIMESTAMP = Pattern
		.compile("^TIMESTAMP\\s*\\(\\s*(\\d+)\\s*\\)\\s+WITH TIME ZONE$");

	private static final Pattern AUTOINDEX_NUMBER = Pattern.compile("_(\\d+)$");

	/** The tables of the main database, without SQLite's own. */
	private static final String TABLES = "FROM sqlite_schema AS m WHERE m.type = 'table' "
			+ "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

	private final Connection connection;

	SqliteSchemaReader(Connection connection) {
		this.connection = connection;
	}

	/** Every table of the main database. */
	Schema schema() throws SQLException {
		return Schema.of(read(null));
	}

	/** One table (its name matched without regard to case), or empty. */
	Optional<Table> table(String name) throws SQLException {
		return read(name).stream().findFirst();
	}

	/** The names of the tables, sorted. */
	Set<String> tableNames() throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT m.name " + TABLES + " ORDER BY m.name");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/**
	 * The generated columns (virtual or stored), which {@code table_info} hides, by table
	 * and then column position.
	 */
	List<GeneratedColumn> generatedColumns() throws SQLException {
		List<GeneratedColumn> columns = new ArrayList<>();
		Map<String, CreateTableSql> parsed = new HashMap<>();
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT m.name, x.name, x.type, m.sql "
				+ "FROM (SELECT m.name, m.sql " + TABLES + ") AS m JOIN pragma_table_xinfo(m.name) AS x "
				+ "WHERE x.hidden IN (2, 3) ORDER BY m.name, x.cid"); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				String table = rows.getString(1);
				String column = rows.getString(2);
				String sql = rows.getString(4);
				CreateTableSql definition = parsed.computeIfAbsent(table,
						(name) -> CreateTableSql.parse((sql != null) ? sql : ""));
				columns.add(new GeneratedColumn(table, column, rows.getString(3),
						definition.generatedExpressions.get(column.toLowerCase(Locale.ROOT))));
			}
		}
		return columns;
	}

	/** The other tables whose foreign keys reference {@code table}, sorted. */
	Set<String> referencingTables(String table) throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT DISTINCT m.name FROM (SELECT m.name " + TABLES
					+ " AND m.name <> ? COLLATE NOCASE) AS m JOIN pragma_foreign_key_list(m.name) AS f "
					+ "WHERE f.\"table\" = ? COLLATE NOCASE ORDER BY m.name")) {
			statement.setString(1, table);
			statement.setString(2, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		return names;
	}

	/**
	 * The SQL of the triggers on a table, then of its indexes on expressions (which have
	 * no model), to recreate them as written after a rebuild.
	 */
	List<String> triggers(String table) throws SQLException {
		List<String> statements = new ArrayList<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? COLLATE NOCASE "
					+ "AND sql IS NOT NULL ORDER BY name")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					statements.add(rows.getString(1));
				}
			}
		}
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT s.sql FROM (SELECT m.name " + TABLES
				+ " AND m.name = ? COLLATE NOCASE) AS m JOIN pragma_index_list(m.name) AS il "
				+ "JOIN sqlite_schema AS s ON s.type = 'index' AND s.name = il.name WHERE il.origin = 'c' "
				+ "AND EXISTS (SELECT 1 FROM pragma_index_xinfo(il.name) AS x WHERE x.key = 1 AND x.cid = -2) "
				+ "ORDER BY il.name")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					statements.add(rows.getString(1));
				}
			}
		}
		return statements;
	}

	private List<Table> read(String only) throws SQLException {
		String filter = (only != null) ? " AND m.name = ? COLLATE NOCASE" : "";
		Map<String, TableRows> tables = new LinkedHashMap<>();
		try (PreparedStatement statement = prepare("SELECT m.name, m.sql " + TABLES + filter + " ORDER BY m.name",
				only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				tables.put(rows.getString(1),
						new TableRows(rows.getString(1), CreateTableSql.parse(rows.getString(2))));
			}
		}
		if (tables.isEmpty()) {
			return List.of();
		}
		readColumns(filter, only, tables);
		readIndexes(filter, only, tables);
		readForeignKeys(filter, only, tables);
		List<Table> result = new ArrayList<>();
		for (TableRows table : tables.values()) {
			result.add(table.build());
		}
		return result;
	}

	private void readColumns(String filter, String only, Map<String, TableRows> tables) throws SQLException {
		try (PreparedStatement statement = prepare(
				"SELECT m.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk " + "FROM (SELECT m.name " + TABLES
						+ filter + ") AS m JOIN pragma_table_info(m.name) AS c " + "ORDER BY m.name, c.cid",
				only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				TableRows table = tables.get(rows.getString(1));
				String name = rows.getString(2);
				String declared = rows.getString(3);
				Column column = Column
					.of(name, (declared == null || declared.isBlank()) ? Type.raw("BLOB") : portableType(declared))
					.nullable(rows.getInt(4) == 0)
					.serverDefault(unwrap(rows.getString(5)));
				int keyPosition = rows.getInt(6);
				if (keyPosition > 0) {
					table.keyColumns.put(keyPosition, name);
				}
				table.columns.add(column);
			}
		}
	}

	private void readIndexes(String filter, String only, Map<String, TableRows> tables) throws SQLException {
		Map<String, List<String>> columnsByIndex = new HashMap<>();
		Map<String, Set<String>> descendingByIndex = new HashMap<>();
		try (PreparedStatement statement = prepare("SELECT il.name, x.cid, x.name, x.\"desc\" FROM (SELECT m.name "
				+ TABLES + filter + ") AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_xinfo(il.name) AS x "
				+ "WHERE x.key = 1 ORDER BY il.name, x.seqno", only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				// an expression is cid -2: no column name
				columnsByIndex.computeIfAbsent(rows.getString(1), (name) -> new ArrayList<>())
					.add((rows.getInt(2) == -2) ? null : rows.getString(3));
				if (rows.getInt(4) == 1 && rows.getInt(2) != -2) {
					descendingByIndex.computeIfAbsent(rows.getString(1), (name) -> new LinkedHashSet<>())
						.add(rows.getString(3));
				}
			}
		}
		// sqlite_schema has no index by name: read the partial indexes' SQL in one pass
		Map<String, String> partialSql = new HashMap<>();
		try (PreparedStatement statement = prepare("SELECT s.name, s.sql FROM sqlite_schema AS s "
				+ "WHERE s.type = 'index' AND s.sql IS NOT NULL AND s.sql LIKE '%WHERE%'"
				+ ((only != null) ? " AND s.tbl_name = ? COLLATE NOCASE" : ""), only);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				partialSql.put(rows.getString(1), rows.getString(2));
			}
		}
		try (PreparedStatement statement = prepare(
				"SELECT m.name, il.name, il.\"unique\", il.origin, il.partial " + "FROM (SELECT m.name " + TABLES
						+ filter + ") AS m JOIN pragma_index_list(m.name) AS il " + "ORDER BY m.name, il.name",
				only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				TableRows table = tables.get(rows.getString(1));
				String name = rows.getString(2);
				List<String> columns = columnsByIndex.getOrDefault(name, List.of());
				if (columns.isEmpty() || columns.contains(null)) {
					continue; // indexes on expressions have no portable model
				}
				switch (rows.getString(4)) {
					case "u" -> table.uniqueIndexes.put(name, columns);
					case "c" -> table.indexes.add(new Index(name, table.name, columns, rows.getInt(3) == 1,
							(rows.getInt(5) == 1) ? partialWhere(partialSql.get(name)) : null,
							descendingByIndex.getOrDefault(name, Set.of())));
					default -> {
						// the primary key's own index
					}
				}
			}
		}
	}

	private void readForeignKeys(String filter, String only, Map<String, TableRows> tables) throws SQLException {
		try (PreparedStatement statement = prepare("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", "
				+ "f.on_delete, f.on_update FROM (SELECT m.name " + TABLES + filter + ") AS m "
				+ "JOIN pragma_foreign_key_list(m.name) AS f ORDER BY m.name, f.id, f.seq", only);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				TableRows table = tables.get(rows.getString(1));
				table.foreignKeyParts.computeIfAbsent(rows.getInt(2), (id) -> new ArrayList<>())
					.add(new String[] { rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
							rows.getString(7) });
			}
		}
		for (TableRows table : tables.values()) {
			table.resolveForeignKeys(tables, this);
		}
	}

	/**
	 * The primary key columns of a table read by name, for a foreign key that omits them.
	 */
	List<String> primaryKeyColumns(String table) throws SQLException {
		Map<Integer, String> keyColumns = new TreeMap<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					keyColumns.put(rows.getInt(2), rows.getString(1));
				}
			}
		}
		return List.copyOf(keyColumns.values());
	}

	private PreparedStatement prepare(String sql, String only) throws SQLException {
		PreparedStatement statement = this.connection.prepareStatement(sql);
		if (only != null) {
			statement.setString(1, only);
		}
		return statement;
	}

	/** The portable type for a declared SQLite column type, or the declared type raw. */
	static Type portableType(String declared) {
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
			if (base.equals("TIMESTAMP WITH TIME ZONE") && sized.group(3) == null) {
				return Type.timestampWithTimeZone(Integer.parseInt(sized.group(2)));
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

	/**
	 * SQLite keeps an expression default in the parentheses it needs; the model does not.
	 */
	static String unwrap(String expression) {
		if (expression == null) {
			return null;
		}
		String trimmed = expression.strip();
		while (trimmed.startsWith("(") && CreateTableSql.skipGroup(trimmed, 0) == trimmed.length()) {
			trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
		}
		return trimmed.equalsIgnoreCase("NULL") ? null : trimmed;
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

	/** One table's rows from each query. */
	private static final class TableRows {

		private final String name;

		private final CreateTableSql parsed;

		private final List<Column> columns = new ArrayList<>();

		private final Map<Integer, String> keyColumns = new TreeMap<>();

		/** The unique constraints' own indexes, by name, with their columns. */
		private final Map<String, List<String>> uniqueIndexes = new HashMap<>();

		private final List<Index> indexes = new ArrayList<>();

		private final Map<Integer, List<String[]>> foreignKeyParts = new TreeMap<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		TableRows(String name, CreateTableSql parsed) {
			this.name = name;
			this.parsed = parsed;
		}

		void resolveForeignKeys(Map<String, TableRows> tables, SqliteSchemaReader reader) throws SQLException {
			// SQLite numbers foreign keys last-declared first
			List<Integer> ids = new ArrayList<>(this.foreignKeyParts.keySet());
			ids.sort(Comparator.reverseOrder());
			for (Integer id : ids) {
				List<String[]> parts = this.foreignKeyParts.get(id);
				String referenced = parts.get(0)[0];
				List<String> columns = parts.stream().map((part) -> part[1]).toList();
				List<String> referencedColumns = parts.stream().map((part) -> part[2]).toList();
				if (referencedColumns.contains(null)) {
					TableRows target = tables.values()
						.stream()
						.filter((t) -> t.name.equalsIgnoreCase(referenced))
						.findFirst()
						.orElse(null);
					referencedColumns = (target != null) ? List.copyOf(target.keyColumns.values())
							: reader.primaryKeyColumns(referenced);
				}
				this.foreignKeys.add(new ForeignKey(this.parsed.foreignKeyNames.get(lower(columns)), columns,
						referenced, referencedColumns, action(parts.get(0)[3]), action(parts.get(0)[4])));
			}
		}

		Table build() {
			List<Column> columns = this.columns;
			PrimaryKey primaryKey = null;
			if (!this.keyColumns.isEmpty()) {
				List<String> key = List.copyOf(this.keyColumns.values());
				primaryKey = new PrimaryKey(this.parsed.primaryKeyName, key);
				boolean autoIncrement = this.parsed.autoIncrement && key.size() == 1;
				columns = columns.stream().map((c) -> {
					if (!key.contains(c.name())) {
						return c;
					}
					return autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey();
				}).toList();
			}
			// in the order they are written: sqlite_autoindex_<table>_<n>
			List<String> uniqueIndexNames = new ArrayList<>(this.uniqueIndexes.keySet());
			uniqueIndexNames.sort(Comparator.comparingInt(SqliteSchemaReader::autoindexNumber));
			List<UniqueConstraint> uniques = new ArrayList<>();
			for (String index : uniqueIndexNames) {
				List<String> indexColumns = this.uniqueIndexes.get(index);
				uniques.add(new UniqueConstraint(this.parsed.uniqueNames.get(lower(indexColumns)), indexColumns));
			}
			return new Table(this.name, columns, primaryKey, uniques, this.foreignKeys, this.parsed.checks,
					this.indexes, null);
		}

	}

	private static int autoindexNumber(String index) {
		Matcher number = AUTOINDEX_NUMBER.matcher(index);
		return number.find() ? Integer.parseInt(number.group(1)) : Integer.MAX_VALUE;
	}

}
