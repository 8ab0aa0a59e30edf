package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Schema;

/**
 * How one kind of database does what operations say: the SQL it renders, the identifiers
 * it quotes, and the live schema it reads back. Nothing outside this package writes SQL
 * text.
 */
public interface Dialect {

	/** The dialect's name: {@code "postgresql"} or {@code "sqlite"}. */
	String name();

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
	 * Reads the live schema: every table of the current schema with its columns, keys and
	 * indexes.
	 */
	Schema reflect(Connection connection) throws SQLException;

	/**
	 * The live schema behind a connection as a {@link SchemaSource}, reading one table at
	 * a time when asked. It does not cache: build one per {@link #render} call, after the
	 * statements of the previous call have run.
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

}
