package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.OperationSink;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs a migration's operations on its connection: buffered, so that the dialect sees
 * consecutive operations together (SQLite shares table rebuilds), and flushed before
 * {@code jdbc()} and at the end of the revision.
 */
final class OnlineOperationSink implements OperationSink {

	private final Connection connection;

	private final Dialect dialect;

	private final List<Operation> buffer = new ArrayList<>();

	private JdbcTemplate jdbc;

	OnlineOperationSink(Connection connection, Dialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
	}

	@Override
	public void accept(Operation operation) {
		this.buffer.add(operation);
	}

	@Override
	public JdbcOperations jdbc() {
		flush();
		if (this.jdbc == null) {
			this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(this.connection, true));
		}
		return this.jdbc;
	}

	@Override
	public String dialect() {
		return this.dialect.name();
	}

	/** Renders and runs the buffered operations. */
	void flush() {
		if (this.buffer.isEmpty()) {
			return;
		}
		List<Operation> operations = List.copyOf(this.buffer);
		this.buffer.clear();
		List<String> statements = this.dialect.render(operations, new LiveSchema());
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				try {
					statement.execute(sql);
				}
				catch (SQLException ex) {
					throw new StatementFailure(sql, ex);
				}
			}
		}
		catch (SQLException ex) {
			throw new StatementFailure(null, ex);
		}
	}

	/** The live schema, read once per flush and only if the dialect asks for it. */
	private final class LiveSchema implements SchemaSource {

		private Schema schema;

		@Override
		public Optional<Table> table(String name) {
			if (this.schema == null) {
				try {
					this.schema = OnlineOperationSink.this.dialect.reflect(OnlineOperationSink.this.connection);
				}
				catch (SQLException ex) {
					throw new StatementFailure("(reading the schema of table " + name + ")", ex);
				}
			}
			return this.schema.table(name);
		}

	}

	/** A statement the database refused, carried to the migrator to name in its error. */
	static final class StatementFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String statement;

		StatementFailure(String statement, SQLException cause) {
			super(cause.getMessage(), cause);
			this.statement = statement;
		}

		String statement() {
			return this.statement;
		}

	}

}
