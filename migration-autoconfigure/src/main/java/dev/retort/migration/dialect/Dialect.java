package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * How one kind of database does what operations say: the SQL it renders, the identifiers
 * it quotes, and the live schema it reads back. Nothing outside this package writes SQL
 * text.
 */
public interface Dialect {

	/** The dialect's name: {@code "postgresql"} or {@code "sqlite"}. */
	String name();

	/**
	 * The database-native lock that keeps migrators apart on this database, keyed on the
	 * version table it guards.
	 */
	DatabaseLock lock(String versionTable);

	/**
	 * What follows {@code CREATE TABLE (…)} for a small table whose rows are its primary
	 * key (the version table); empty by default.
	 */
	default String keyTableSuffix() {
		return "";
	}

	/** A column numbering a table's rows by itself (the history table's id). */
	default Column rowNumberColumn(String name) {
		return Column.of(name, Type.BIGINT).primaryKey().autoIncrement();
	}

	/**
	 * The schema to pass to {@link java.sql.DatabaseMetaData} when looking for the
	 * connection's own tables, or {@code null} for any.
	 */
	default String metadataSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	/**
	 * Which of the named tables (or views) exist among the connection's own, by exact
	 * name. Every start and every {@code status} asks this for the version and history
	 * tables, so dialects answer it with one catalog query; this default asks the
	 * driver's metadata once per name.
	 */
	default Set<String> existingTables(Connection connection, List<String> names) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String schema = metadataSchema(connection);
		Set<String> existing = new LinkedHashSet<>();
		for (String name : names) {
			try (ResultSet tables = metaData.getTables(null, schema, name, null)) {
				while (tables.next()) {
					if (name.equals(tables.getString("TABLE_NAME"))) {
						existing.add(name);
					}
				}
			}
		}
		return existing;
	}

	/** Binds a point in time to a statement parameter. */
	default void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setTimestamp(index, Timestamp.from(instant));
	}

	/** Reads a point in time bound with {@link #bindInstant}, or {@code null}. */
	default Instant readInstant(ResultSet rows, int index) throws SQLException {
		Timestamp timestamp = rows.getTimestamp(index);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * An SQL expression for the current time as {@link #bindInstant} stores it, for
	 * offline scripts.
	 */
	default String currentInstantExpression() {
		return "CURRENT_TIMESTAMP";
	}

	/**
	 * The enum types of the connection's current schema ({@code CREATE TYPE … AS ENUM}),
	 * each with its values in their order; empty where the database has none.
	 */
	default Map<String, List<String>> enumTypes(Connection connection) throws SQLException {
		return Map.of();
	}

	/**
	 * The generated columns of the connection's current schema that {@link #reflect}
	 * leaves out (SQLite's {@code table_info} does not list them); empty where the reader
	 * lists every column (PostgreSQL's lists a generated column as a plain one).
	 */
	default List<GeneratedColumn> unreflectedGeneratedColumns(Connection connection) throws SQLException {
		return List.of();
	}

	/**
	 * A column the database computes.
	 *
	 * @param table its table
	 * @param column its name
	 * @param type its type as the database declares it
	 * @param expression its expression as the database keeps it, or {@code null} when it
	 * cannot be told
	 */
	record GeneratedColumn(String table, String column, String type, String expression) {

	}

	/**
	 * Whether the database's JDBC driver implements {@code Connection.createClob()} and
	 * {@code createBlob()}. pgjdbc does not: an ORM that probes them at start-up gets an
	 * {@code SQLFeatureNotSupportedException}, and should be told to create LOBs itself.
	 */
	default boolean driverCreatesLobs() {
		return true;
	}

	/**
	 * The statements an offline script runs before any revision's: they stop it, before
	 * anything changes, unless the version table holds exactly {@code expected} (none:
	 * base, which an empty or missing version table is), and the database's client prints
	 * {@code message} as its error.
	 * @param versionTable the version table's name, unquoted
	 * @param versionColumn its column of revision ids, unquoted
	 * @param expected the revisions the script starts from, sorted; when empty, the
	 * script has created the version table before
	 * @param message what the error says
	 */
	List<String> versionCheck(String versionTable, String versionColumn, SortedSet<String> expected,
			VersionCheckMessage message);

	/** How to run an offline script on this database, for the script's header. */
	default String scriptCommand() {
		return "psql -v ON_ERROR_STOP=1 -f FILE";
	}

	/** Quotes an identifier for this database, escaping embedded quotes. */
	String quote(String identifier);

	/** Whether DDL runs inside transactions and rolls back with them. */
	boolean transactionalDdl();

	/**
	 * The statements that carry out the operations, in order. Consecutive operations on
	 * one table may share work (SQLite rebuilds a table once for several changes).
	 * @param operations the operations, in the order they were recorded
	 * @param schema the tables as they are before the first operation, for dialects that
	 * must restate a table
	 */
	List<String> render(List<Operation> operations, SchemaSource schema);

	/**
	 * Reads the whole live schema, normalised so that it compares value by value with a
	 * model built from entities (autogenerate relies on every point here):
	 * <ul>
	 * <li>every ordinary and partitioned table of the connection's current schema
	 * (PostgreSQL; partitions are not listed) or of the main database (SQLite, without
	 * its {@code sqlite_*} tables), the version tables included;</li>
	 * <li>PostgreSQL: every sequence of the current schema in {@link Schema#sequences()}
	 * with its start and increment, except the sequence an identity or serial column
	 * owns: such a column is {@link Column#isAutoIncrement() auto-increment} with no
	 * server default (serial is integer + owned sequence + {@code nextval} default: one
	 * thing);</li>
	 * <li>types as portable {@link Type}s where one fits, keeping a fractional-seconds
	 * precision the column declares ({@code timestamp(6) with time zone} is
	 * {@code Type.timestampWithTimeZone(6)}), otherwise {@link Type#raw(String)}:
	 * PostgreSQL's {@code format_type} spelling, SQLite's declared type as written (a
	 * column declared without a type is {@code BLOB});</li>
	 * <li>server defaults normalised: a literal's trailing cast dropped
	 * ({@code 'x'::character varying} is {@code 'x'}, {@code '-1'::integer} is
	 * {@code -1}), {@code nextval('s'::regclass)} is {@code nextval('s')}, redundant
	 * outer parentheses dropped, {@code DEFAULT NULL} is no default; a generated column's
	 * expression is not a default;</li>
	 * <li>the primary key (its columns also {@link Column#isPrimaryKey()}), unique
	 * constraints, indexes, foreign keys and checks: a unique constraint and the index
	 * that backs it are one {@link UniqueConstraint}, never also an {@link Index}
	 * (SQLite's {@code sqlite_autoindex_*} are the {@code UNIQUE} clauses of its
	 * {@code CREATE TABLE}, named when written with {@code CONSTRAINT}); indexes keep
	 * their column order, unique flag and partial predicate, and indexes on expressions
	 * are left out; foreign keys list all their columns in order, the referenced table
	 * and columns, and both actions (absent is {@code NO ACTION}); SQLite's foreign keys
	 * and checks are named only when the {@code CREATE TABLE} names them; PostgreSQL's
	 * check expressions are as {@code pg_get_constraintdef(oid, true)} rewrites them,
	 * without {@code CHECK (…)}, SQLite's as written;</li>
	 * <li>table and column comments (PostgreSQL; an empty comment is none; SQLite has
	 * none).</li>
	 * </ul>
	 * PostgreSQL reads all of it with one catalog query per kind of object, whatever the
	 * number of tables.
	 */
	Schema reflect(Connection connection) throws SQLException;

	/**
	 * The live schema behind a connection as a {@link SchemaSource}, reading one table at
	 * a time when asked, with the queries of {@link #reflect} filtered to that table, and
	 * finding the tables that reference one in a single query. It does not cache: build
	 * one per {@link #render} call, after the statements of the previous call have run.
	 */
	SchemaSource live(Connection connection);

	/**
	 * How this database spells and stores what autogenerate compares, so that equivalent
	 * spellings compare equal.
	 */
	SchemaRules schemaRules();

	/** Renders a value as an SQL literal, for offline scripts and bulk inserts. */
	String literal(Object value);

	/**
	 * Statements to run on the connection outside any transaction, just before a
	 * revision's transaction begins (SQLite: turn foreign-key enforcement off, which is a
	 * no-op inside a transaction, so that a table rebuild's {@code DROP TABLE} neither
	 * cascades to nor fails on child rows; the rebuild checks the keys itself).
	 */
	default List<String> beforeTransaction() {
		return List.of();
	}

	/**
	 * Statements to run outside any transaction just after a revision's transaction ends
	 * (commit or rollback), undoing {@link #beforeTransaction()}.
	 */
	default List<String> afterTransaction() {
		return List.of();
	}

	/**
	 * Prepares a connection, outside any transaction and just before a revision's
	 * transaction begins, as {@link #beforeTransaction()} says, but only where the
	 * connection needs it (SQLite: only when it enforces foreign keys).
	 * @return the statements to run after the transaction ends (commit or rollback) to
	 * put the connection back as it was; empty when nothing was changed
	 */
	default List<String> prepareOutsideTransaction(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : beforeTransaction()) {
				statement.execute(sql);
			}
		}
		return afterTransaction();
	}

	/** Statement that begins a transaction in an offline script. */
	default String beginTransaction() {
		return "BEGIN";
	}

	/** Statement that commits a transaction in an offline script. */
	default String commitTransaction() {
		return "COMMIT";
	}

	/**
	 * Whether the dialect rebuilds a table for changes its {@code ALTER TABLE} cannot
	 * make, and does several changes to one table in one rebuild when they render
	 * together.
	 */
	default boolean rebuildsTables() {
		return false;
	}

	/**
	 * What a statement's failure means where the database's own words name something the
	 * user did not write (a table the dialect made for them), or {@code null}.
	 * @param statement the statement that failed, or {@code null} when not known
	 * @param error the database's message
	 */
	default String explainFailure(String statement, String error) {
		return null;
	}

}
