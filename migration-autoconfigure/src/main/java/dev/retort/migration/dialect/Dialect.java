package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.SQLException;
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

	/** Renders a value as an SQL literal, for offline scripts and bulk inserts. */
	String literal(Object value);

}
