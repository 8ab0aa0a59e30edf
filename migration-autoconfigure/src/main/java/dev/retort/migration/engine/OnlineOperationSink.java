package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.operation.NonTransactionalOperationException;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.OperationSink;
import dev.retort.migration.revision.RevisionScript;
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

	private final RevisionScript revision;

	private final List<Operation> buffer = new ArrayList<>();

	private JdbcTemplate jdbc;

	OnlineOperationSink(Connection connection, Dialect dialect, RevisionScript revision) {
		this.connection = connection;
		this.dialect = dialect;
		this.revision = revision;
	}

	@Override
	public void accept(Operation operation) {
		this.buffer.add(operation);
	}

	@Override
	public JdbcOperations jdbc() {
		flush();
		if (this.jdbc == null) {
			Connection connection = this.revision.transactional()
					? TransactionGuard.guard(this.connection, this.revision) : this.connection;
			this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
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
		NonTransactionalOperationException.check(this.revision.toString(), this.revision.source(),
				this.revision.transactional(), operations);
		List<String> statements = this.dialect.render(operations, this.dialect.live(this.connection));
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
