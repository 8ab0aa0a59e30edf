package dev.retort.migration.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import dev.retort.migration.dialect.AbstractDialect;
import dev.retort.migration.dialect.DatabaseLock;
import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.dialect.VersionCheckMessage;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;

/**
 * SQLite: transactional DDL, type affinity, and table rebuilds
 * ({@link SqliteTableRebuild}) for what ALTER TABLE cannot do; {@link SqliteSchemaReader}
 * reads the live schema.
 *
 * <p>
 * A rebuild needs foreign-key enforcement off, which SQLite only allows outside a
 * transaction: the engine runs {@link #beforeTransaction()} before and
 * {@link #afterTransaction()} after each revision's transaction.
 *
 * <p>
 * Comments do not exist in SQLite: comment operations render nothing.
 * {@code concurrently} indexes are plain indexes. Sequences do not exist either: a
 * sequence is the one-row table Hibernate's sequence generator uses in its place
 * ({@code next_val}), so that a revision with Hibernate's id sequences runs on both
 * databases.
 */
public class SqliteDialect extends AbstractDialect {

	private static final Pattern LITERAL_DEFAULT = Pattern
		.compile("(?i)^([-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|'([^']|'')*'|NULL|TRUE|FALSE|X'[0-9a-fA-F]*')$");

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public DatabaseLock lock(String versionTable) {
		return new SqliteWriteLock(this);
	}

	/**
	 * The key is the row, so moving a head rewrites one page, not a row and its index.
	 */
	@Override
	public String keyTableSuffix() {
		return " WITHOUT ROWID";
	}

	/**
	 * An {@code INTEGER PRIMARY KEY} numbers rows by itself; {@code AUTOINCREMENT} would
	 * add a write per row.
	 */
	@Override
	public Column rowNumberColumn(String name) {
		return Column.of(name, Type.INTEGER).primaryKey();
	}

	@Override
	public String metadataSchema(Connection connection) {
		return null;
	}

	@Override
	public Set<String> existingTables(Connection connection, List<String> names) throws SQLException {
		return existingNames(connection,
				"SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name IN (?names)", names);
	}

	/** SQLite has no timestamp type: ISO-8601 text sorts and reads back unambiguously. */
	@Override
	public void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setString(index, iso8601(instant));
	}

	/**
	 * What {@link Instant#toString()} writes, written out directly for the years 0 to
	 * 9999: every step records one, and the date-time formatter is the slowest part of
	 * recording it.
	 */
	static String iso8601(Instant instant) {
		LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
		if (time.getYear() < 0 || time.getYear() > 9999) {
			return instant.toString();
		}
		StringBuilder text = new StringBuilder(30);
		digits(text, time.getYear(), 4).append('-');
		digits(text, time.getMonthValue(), 2).append('-');
		digits(text, time.getDayOfMonth(), 2).append('T');
		digits(text, time.getHour(), 2).append(':');
		digits(text, time.getMinute(), 2).append(':');
		digits(text, time.getSecond(), 2);
		int nano = time.getNano();
		if (nano > 0) {
			text.append('.');
			if (nano % 1_000_000 == 0) {
				digits(text, nano / 1_000_000, 3);
			}
			else if (nano % 1_000 == 0) {
				digits(text, nano / 1_000, 6);
			}
			else {
				digits(text, nano, 9);
			}
		}
		return text.append('Z').toString();
	}

	private static StringBuilder digits(StringBuilder text, int value, int width) {
		String written = Integer.toString(value);
		for (int pad = written.length(); pad < width; pad++) {
			text.append('0');
		}
		return text.append(written);
	}

	@Override
	public Instant readInstant(ResultSet rows, int index) throws SQLException {
		String text = rows.getString(index);
		return (text != null) ? Instant.parse(text) : null;
	}

	@Override
	public String currentInstantExpression() {
		return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * SQLite has no procedural SQL, and {@code raise()} works only in triggers: the
	 * message is a {@linkplain #failWhen check constraint's name}, so it cannot name the
	 * revisions the database is at.
	 */
	@Override
	public List<String> versionCheck(String versionTable, String versionColumn, SortedSet<String> expected,
			VersionCheckMessage message) {
		String table = quote(versionTable);
		List<String> queries = new ArrayList<>();
		if (expected.isEmpty()) {
			queries.add("SELECT EXISTS (SELECT 1 FROM " + table + ")");
		}
		else {
			// a statement that reads a missing table fails before it runs: look it up
			// first
			queries.add("SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = "
					+ literal(versionTable) + ")");
			StringJoiner ids = new StringJoiner(", ");
			expected.forEach((id) -> ids.add(literal(id)));
			queries.add("SELECT NOT ((SELECT COUNT(*) FROM " + table + ") = " + expected.size()
					+ " AND (SELECT COUNT(*) FROM " + table + " WHERE " + quote(versionColumn) + " IN (" + ids + ")) = "
					+ expected.size() + ")");
		}
		return failWhen("_retort_version_check", message.error(null) + " " + message.hint(null), queries);
	}

	/**
	 * Statements that fail with {@code message} (as a CHECK constraint's name, which
	 * {@code sqlite3 -bail} prints before it stops) when one of the queries, run in turn,
	 * yields a value other than 0: how a plain SQL script stops on a condition.
	 */
	List<String> failWhen(String scratchTable, String message, List<String> queries) {
		String scratch = "temp." + quote(scratchTable);
		List<String> statements = new ArrayList<>();
		statements.add("DROP TABLE IF EXISTS " + scratch);
		// the check on a line of its own: a script takes "--" on a statement's last line
		// for a comment, and a message may hold one
		statements.add("CREATE TEMP TABLE " + quote(scratchTable) + " (" + quote("value") + " INTEGER CONSTRAINT "
				+ quote(message) + "\n\tCHECK (" + quote("value") + " = 0))");
		queries.forEach((query) -> statements.add("INSERT INTO " + scratch + " " + query));
		statements.add("DROP TABLE " + scratch);
		return statements;
	}

	@Override
	public String scriptCommand() {
		return "sqlite3 -bail DATABASE < FILE";
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

	/**
	 * An auto-increment key is written on its column: its constraint name goes there too,
	 * so that a named key reads back named.
	 */
	@Override
	protected String columnDefinition(Table table, Column column) {
		String definition = columnDefinition(column);
		String unnamed = quote(column.name()) + " INTEGER PRIMARY KEY AUTOINCREMENT";
		if (inlinePrimaryKey(table) && table.primaryKey().name() != null && definition.startsWith(unnamed)) {
			return quote(column.name()) + " INTEGER " + constraintName(table.primaryKey().name())
					+ "PRIMARY KEY AUTOINCREMENT" + definition.substring(unnamed.length());
		}
		return definition;
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
			// SQLite's type names end at the parenthesis
			case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE" + precision(type);
			case UUID -> "UUID";
			case BINARY -> "BLOB";
			case JSON -> "JSON";
			case RAW -> type.sql();
		};
	}

	/** The portable type for a declared SQLite column type, or a raw type. */
	public static Type portableType(String declared) {
		return SqliteSchemaReader.portableType(declared);
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
		return new SqliteTableRebuild(this).render(operations, schema);
	}

	/** One operation as ALTER TABLE and friends do it, without a rebuild. */
	List<String> renderWithoutRebuild(Operation operation, SchemaSource schema) {
		return super.render(operation, schema);
	}

	/** Several operations, none of which needs a rebuild. */
	List<String> renderWithoutRebuild(List<Operation> operations, SchemaSource schema) {
		return super.render(operations, schema);
	}

	/** The {@code CREATE TABLE} statement for a table under another name. */
	String createTable(String name, Table table) {
		return createTableStatement(name, table);
	}

	/** The {@code CREATE INDEX} statement for an index. */
	String createIndex(Index index) {
		return createIndex(index, false);
	}

	/**
	 * Whether SQLite takes this default as it is, a constant ALTER TABLE ADD COLUMN
	 * accepts.
	 */
	static boolean isConstant(String expression) {
		return LITERAL_DEFAULT.matcher(expression).matches();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * SQLite: the tables of the main database, read from {@code sqlite_schema} and the
	 * {@code pragma_*} table functions in one query per kind of object.
	 */
	@Override
	public Schema reflect(Connection connection) throws SQLException {
		return new SqliteSchemaReader(connection).schema();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * SQLite: the hidden columns {@code table_xinfo} lists as generated (virtual or
	 * stored), with the expression read from the table's {@code CREATE TABLE} text.
	 */
	@Override
	public List<GeneratedColumn> unreflectedGeneratedColumns(Connection connection) throws SQLException {
		return new SqliteSchemaReader(connection).generatedColumns();
	}

	@Override
	protected Set<String> tableNames(Connection connection) throws SQLException {
		return new SqliteSchemaReader(connection).tableNames();
	}

	@Override
	protected Optional<Table> reflectTable(Connection connection, String name) throws SQLException {
		return new SqliteSchemaReader(connection).table(name);
	}

	@Override
	protected Set<String> referencingTables(Connection connection, String table) throws SQLException {
		return new SqliteSchemaReader(connection).referencingTables(table);
	}

	@Override
	protected List<String> reflectTriggers(Connection connection, String table) throws SQLException {
		return new SqliteSchemaReader(connection).triggers(table);
	}

	/**
	 * A sequence as Hibernate keeps one where the database has none: a table of one
	 * {@code next_val} column holding the next value, one row. The increment is the
	 * entity mapping's business (Hibernate adds it to the value it reads), so it is not
	 * stored.
	 */
	@Override
	protected List<String> createSequence(Sequence sequence) {
		String column = quote(Sequence.TABLE_VALUE_COLUMN);
		return List.of("CREATE TABLE " + quote(sequence.name()) + " (" + column + " BIGINT)",
				"INSERT INTO " + quote(sequence.name()) + " (" + column + ") VALUES (" + sequence.startWith() + ")");
	}

	@Override
	protected List<String> dropSequence(String name) {
		return List.of("DROP TABLE " + quote(name));
	}

	@Override
	protected List<String> alterSequence(String name, long incrementBy) {
		return List.of();
	}

	@Override
	public boolean rebuildsTables() {
		return true;
	}

	@Override
	public String explainFailure(String statement, String error) {
		return SqliteTableRebuild.explainFailure(statement, error);
	}

}
