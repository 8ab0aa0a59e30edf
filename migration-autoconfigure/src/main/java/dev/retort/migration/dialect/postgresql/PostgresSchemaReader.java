package dev.retort.migration.dialect.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * Reads the tables and sequences of the connection's current schema from
 * {@code pg_catalog}, one query per kind of object (tables, columns, constraints,
 * indexes, sequences) whatever the number of tables, and normalises what PostgreSQL
 * prints into Retort's {@link Schema} model. Reading one table runs the same queries
 * filtered to it.
 */
final class PostgresSchemaReader {

	private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");

	private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

	private static final Pattern TEMPORAL = Pattern.compile("(time|timestamp)\\((\\d+)\\) (with|without) time zone");

	private static final Pattern CAST_LITERAL = Pattern
		.compile("^('(?:[^']|'')*'|NULL)::([a-z_ \"]+(?:\\(\\d+(?:,\\d+)?\\))?[a-z_ ]*(?:\\[\\])*)$");

	private static final Pattern NUMBER = Pattern.compile("'(-?\\d+(?:\\.\\d+)?)'");

	private static final Set<String> NUMERIC_TYPES = Set.of("smallint", "integer", "bigint", "numeric", "real",
			"double precision");

	private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('((?:[^']|'')+)'::regclass\\)$");

	/** The ordinary and partitioned tables of the current schema, without partitions. */
	private static final String TABLES = "SELECT c.oid FROM pg_catalog.pg_class c "
			+ "WHERE c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = current_schema()) "
			+ "AND c.relkind IN ('r', 'p') AND NOT c.relispartition";

	private final Connection connection;

	PostgresSchemaReader(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Every table and every sequence of the current schema, except the sequences that
	 * belong to an identity or serial column.
	 */
	Schema schema() throws SQLException {
		Tables tables = read(null);
		return Schema.of(tables.build(), sequences(tables.columnSequences));
	}

	/** One table, or empty when the current schema has no table of that name. */
	Optional<Table> table(String name) throws SQLException {
		return read(name).build().stream().findFirst();
	}

	/** The names of the tables of the current schema, sorted. */
	Set<String> tableNames() throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (PreparedStatement statement = this.connection.prepareStatement("WITH t AS (" + TABLES
				+ ") SELECT c.relname FROM t " + "JOIN pg_catalog.pg_class c ON c.oid = t.oid ORDER BY c.relname");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/**
	 * The other tables of the current schema whose foreign keys reference {@code table}.
	 */
	Set<String> referencingTables(String table) throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (PreparedStatement statement = this.connection.prepareStatement("WITH t AS (" + TABLES
				+ ") SELECT DISTINCT c.relname FROM t JOIN pg_catalog.pg_class c ON c.oid = t.oid "
				+ "JOIN pg_catalog.pg_constraint con ON con.conrelid = c.oid AND con.contype = 'f' "
				+ "JOIN pg_catalog.pg_class f ON f.oid = con.confrelid AND f.relnamespace = c.relnamespace "
				+ "WHERE f.relname = ? AND c.relname <> ? ORDER BY c.relname")) {
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

	private Tables read(String only) throws SQLException {
		String scope = "WITH t AS (" + TABLES + ((only != null) ? " AND c.relname = ?" : "") + ") ";
		Tables tables = new Tables();
		try (PreparedStatement statement = prepare(
				scope + "SELECT c.oid, c.relname, d.description "
						+ "FROM t JOIN pg_catalog.pg_class c ON c.oid = t.oid "
						+ "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid "
						+ "AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0 ORDER BY c.relname",
				only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				tables.add(rows.getLong(1), rows.getString(2), comment(rows.getString(3)));
			}
		}
		if (tables.byOid.isEmpty()) {
			return tables;
		}
		readColumns(scope, only, tables);
		readConstraints(scope, only, tables);
		readIndexes(scope, only, tables);
		return tables;
	}

	private void readColumns(String scope, String only, Tables tables) throws SQLException {
		// the sequence an identity (deptype i) or serial (deptype a) column owns, looked
		// up only for columns that are identities or have a default
		try (PreparedStatement statement = prepare(
				scope + "SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
						+ "a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated, "
						+ "d.description, CASE WHEN a.attidentity <> '' OR ad.adbin IS NOT NULL THEN "
						+ "(SELECT dep.objid::regclass::text FROM pg_catalog.pg_depend dep "
						+ "JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S' "
						+ "WHERE dep.classid = 'pg_catalog.pg_class'::regclass "
						+ "AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = a.attrelid "
						+ "AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i') LIMIT 1) END "
						+ "FROM t JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid "
						+ "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
						+ "LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid "
						+ "AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum "
						+ "WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum",
				only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				TableRows table = tables.byOid.get(rows.getLong(1));
				String name = rows.getString(3);
				String serverDefault = rows.getString(6);
				boolean generated = !rows.getString(8).isEmpty();
				String ownedSequence = rows.getString(10);
				boolean identity = !rows.getString(7).isEmpty();
				boolean serial = ownedSequence != null && serverDefault != null
						&& serverDefault.equals("nextval(" + literal(ownedSequence) + "::regclass)");
				if (ownedSequence != null && (identity || serial)) {
					tables.columnSequences.add(ownedSequence);
				}
				Column column = Column.of(name, portableType(rows.getString(4)))
					.nullable(!rows.getBoolean(5))
					.comment(comment(rows.getString(9)));
				if (identity || serial) {
					column = column.autoIncrement();
				}
				else if (!generated) {
					// a generated column's expression is not a default
					column = column.serverDefault(normalizeDefault(serverDefault));
				}
				table.columnNames.put(rows.getInt(2), name);
				table.columns.add(column);
			}
		}
	}

	private void readConstraints(String scope, String only, Tables tables) throws SQLException {
		try (PreparedStatement statement = prepare(
				scope + "SELECT con.conrelid, con.conname, con.contype, con.conkey::int4[], f.relname, "
						+ "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord) "
						+ "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num "
						+ "ORDER BY k.ord)::text[], con.confdeltype, con.confupdtype, "
						+ "CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END "
						+ "FROM t JOIN pg_catalog.pg_constraint con ON con.conrelid = t.oid "
						+ "LEFT JOIN pg_catalog.pg_class f ON f.oid = con.confrelid "
						+ "WHERE con.contype IN ('p', 'u', 'f', 'c') ORDER BY con.conrelid, con.conname",
				only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				TableRows table = tables.byOid.get(rows.getLong(1));
				String name = rows.getString(2);
				List<String> columns = table.names(rows.getArray(4));
				switch (rows.getString(3)) {
					case "p" -> table.primaryKey = new PrimaryKey(name, columns);
					case "u" -> table.uniques.add(new UniqueConstraint(name, columns));
					case "f" -> table.foreignKeys.add(new ForeignKey(name, columns, rows.getString(5),
							strings(rows.getArray(6)), action(rows.getString(7)), action(rows.getString(8))));
					default -> table.checks.add(new CheckConstraint(name, checkExpression(rows.getString(9))));
				}
			}
		}
	}

	private void readIndexes(String scope, String only, Tables tables) throws SQLException {
		// indexes that back a primary key, unique or exclusion constraint are that
		// constraint
		try (PreparedStatement statement = prepare(scope + "SELECT ix.indrelid, i.relname, ix.indisunique, "
				+ "pg_catalog.pg_get_expr(ix.indpred, ix.indrelid, true), ix.indkey::int4[], ix.indnkeyatts, "
				+ "ix.indoption::int4[] " + "FROM t JOIN pg_catalog.pg_index ix ON ix.indrelid = t.oid "
				+ "JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid "
				+ "WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = ix.indexrelid "
				+ "AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x')) ORDER BY ix.indrelid, i.relname",
				only); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				TableRows table = tables.byOid.get(rows.getLong(1));
				List<Integer> keys = numbers(rows.getArray(5)).subList(0, rows.getInt(6));
				if (keys.contains(0)) {
					continue; // expression indexes have no portable model
				}
				List<String> columns = keys.stream().map(table.columnNames::get).toList();
				// a key column's option bit 1 is DESC (pg_index.indoption)
				List<Integer> options = numbers(rows.getArray(7));
				Set<String> descending = new LinkedHashSet<>();
				for (int position = 0; position < columns.size() && position < options.size(); position++) {
					if ((options.get(position) & 1) != 0) {
						descending.add(columns.get(position));
					}
				}
				table.indexes.add(new Index(rows.getString(2), table.name, columns, rows.getBoolean(3),
						rows.getString(4), descending));
			}
		}
	}

	private List<Sequence> sequences(Set<String> columnSequences) throws SQLException {
		List<Sequence> sequences = new ArrayList<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT c.relname, c.oid::regclass::text, s.seqstart, s.seqincrement "
					+ "FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid "
					+ "WHERE c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n "
					+ "WHERE n.nspname = current_schema()) ORDER BY c.relname");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				if (!columnSequences.contains(rows.getString(2))) {
					sequences.add(new Sequence(rows.getString(1), rows.getLong(3), rows.getLong(4)));
				}
			}
		}
		return sequences;
	}

	private PreparedStatement prepare(String sql, String only) throws SQLException {
		PreparedStatement statement = this.connection.prepareStatement(sql);
		if (only != null) {
			statement.setString(1, only);
		}
		return statement;
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	private static String comment(String comment) {
		return (comment == null || comment.isEmpty()) ? null : comment;
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	private static List<Integer> numbers(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Integer> numbers = new ArrayList<>();
		for (Object number : (Object[]) array.getArray()) {
			numbers.add(((Number) number).intValue());
		}
		return numbers;
	}

	private static ForeignKey.Action action(String code) {
		if (code == null) {
			return ForeignKey.Action.NO_ACTION;
		}
		return switch (code) {
			case "r" -> ForeignKey.Action.RESTRICT;
			case "c" -> ForeignKey.Action.CASCADE;
			case "n" -> ForeignKey.Action.SET_NULL;
			case "d" -> ForeignKey.Action.SET_DEFAULT;
			default -> ForeignKey.Action.NO_ACTION;
		};
	}

	/**
	 * The expression of a check constraint as {@code pg_get_constraintdef} prints it
	 * (pretty), without {@code CHECK (…)} and {@code NOT VALID}.
	 */
	static String checkExpression(String definition) {
		String expression = definition.strip();
		if (expression.endsWith(" NOT VALID")) {
			expression = expression.substring(0, expression.length() - " NOT VALID".length());
		}
		if (expression.endsWith(" NO INHERIT")) {
			expression = expression.substring(0, expression.length() - " NO INHERIT".length());
		}
		if (expression.startsWith("CHECK (") && expression.endsWith(")")) {
			expression = expression.substring("CHECK (".length(), expression.length() - 1);
		}
		return expression;
	}

	/**
	 * A server default as PostgreSQL prints it, normalised: a literal's trailing cast
	 * dropped ({@code 'x'::character varying} is {@code 'x'}, {@code '-1'::integer} is
	 * {@code -1}), {@code nextval('s'::regclass)} is {@code nextval('s')}, redundant
	 * outer parentheses dropped, and {@code NULL} is no default.
	 */
	static String normalizeDefault(String expression) {
		if (expression == null) {
			return null;
		}
		String normalized = unwrap(expression.strip());
		Matcher nextval = NEXTVAL.matcher(normalized);
		if (nextval.matches()) {
			return "nextval('" + nextval.group(1) + "')";
		}
		Matcher literal = CAST_LITERAL.matcher(normalized);
		if (!literal.matches()) {
			return normalized;
		}
		String value = literal.group(1);
		if (value.equals("NULL")) {
			return null;
		}
		// PostgreSQL shows negative and large numbers as cast strings: '-1'::integer
		Matcher number = NUMBER.matcher(value);
		String type = literal.group(2).replaceFirst("\\(.*", "");
		return (number.matches() && NUMERIC_TYPES.contains(type)) ? number.group(1) : value;
	}

	/** Drops parentheses around the whole expression, however many. */
	private static String unwrap(String expression) {
		String result = expression;
		while (result.startsWith("(") && closingParenthesis(result) == result.length() - 1) {
			result = result.substring(1, result.length() - 1).strip();
		}
		return result;
	}

	/** The index of the parenthesis that closes the one at 0, outside string literals. */
	private static int closingParenthesis(String text) {
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** The portable type for PostgreSQL's {@code format_type} spelling, or a raw type. */
	static Type portableType(String formatted) {
		String type = formatted.toLowerCase(Locale.ROOT);
		Matcher varchar = VARCHAR.matcher(type);
		if (varchar.matches()) {
			return Type.varchar(Integer.parseInt(varchar.group(1)));
		}
		Matcher numeric = NUMERIC.matcher(type);
		if (numeric.matches()) {
			return Type.numeric(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)));
		}
		Matcher temporal = TEMPORAL.matcher(type);
		if (temporal.matches()) {
			int precision = Integer.parseInt(temporal.group(2));
			boolean zoned = temporal.group(3).equals("with");
			if (temporal.group(1).equals("time")) {
				return zoned ? Type.raw(formatted) : Type.time(precision);
			}
			return zoned ? Type.timestampWithTimeZone(precision) : Type.timestamp(precision);
		}
		return switch (type) {
			case "integer" -> Type.INTEGER;
			case "bigint" -> Type.BIGINT;
			case "smallint" -> Type.SMALLINT;
			case "boolean" -> Type.BOOLEAN;
			case "character varying" -> Type.VARCHAR;
			case "text" -> Type.TEXT;
			case "numeric" -> Type.NUMERIC;
			case "real" -> Type.FLOAT;
			case "double precision" -> Type.DOUBLE;
			case "date" -> Type.DATE;
			case "time without time zone" -> Type.TIME;
			case "timestamp without time zone" -> Type.TIMESTAMP;
			case "timestamp with time zone" -> Type.TIMESTAMP_TZ;
			case "uuid" -> Type.UUID;
			case "bytea" -> Type.BINARY;
			case "jsonb" -> Type.JSON;
			default -> Type.raw(formatted);
		};
	}

	/** The rows read so far, by table oid, in table-name order. */
	private static final class Tables {

		private final Map<Long, TableRows> byOid = new LinkedHashMap<>();

		/** The sequences of identity and serial columns, as {@code regclass} text. */
		private final Set<String> columnSequences = new HashSet<>();

		void add(long oid, String name, String comment) {
			this.byOid.put(oid, new TableRows(name, comment));
		}

		List<Table> build() {
			return this.byOid.values().stream().map(TableRows::build).toList();
		}

	}

	/** One table's rows from each query. */
	private static final class TableRows {

		private final String name;

		private final String comment;

		private final Map<Integer, String> columnNames = new HashMap<>();

		private final List<Column> columns = new ArrayList<>();

		private PrimaryKey primaryKey;

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<CheckConstraint> checks = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		TableRows(String name, String comment) {
			this.name = name;
			this.comment = comment;
		}

		List<String> names(Array attributeNumbers) throws SQLException {
			return numbers(attributeNumbers).stream().map(this.columnNames::get).toList();
		}

		Table build() {
			List<Column> columns = this.columns;
			if (this.primaryKey != null) {
				List<String> keyColumns = this.primaryKey.columns();
				columns = columns.stream().map((c) -> keyColumns.contains(c.name()) ? c.primaryKey() : c).toList();
			}
			return new Table(this.name, columns, this.primaryKey, this.uniques, this.foreignKeys, this.checks,
					this.indexes, this.comment);
		}

	}

}
