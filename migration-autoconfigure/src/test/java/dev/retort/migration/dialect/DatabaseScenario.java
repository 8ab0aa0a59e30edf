package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real database for a scenario: operations applied through its dialect as a revision
 * would run them, and the live schema read back.
 */
abstract class DatabaseScenario {

	protected Connection connection;

	protected Dialect dialect;

	/** A connection to an empty database, foreign keys enforced. */
	protected abstract Connection openEmptyDatabase() throws Exception;

	@BeforeEach
	void openDatabase() throws Exception {
		this.connection = openEmptyDatabase();
		this.dialect = Dialects.of(this.connection);
	}

	@AfterEach
	void closeDatabase() throws SQLException {
		this.connection.close();
	}

	protected void givenTasksWithRows() throws Exception {
		apply(new CreateTable(Table.of("tasks", List.of(Column.of("id", Type.INTEGER).primaryKey(),
				Column.of("title", Type.TEXT), Column.of("created_at", Type.TIMESTAMP)))));
		execute("INSERT INTO tasks (id, title) VALUES (1, 'write spec'), (2, 'ship it')");
	}

	protected static AlterColumn alter(String table, String column,
			java.util.function.Consumer<AlterColumn.Change> change) {
		return AlterColumn.of(table, column, change);
	}

	/**
	 * Renders the operations against the live schema and runs them as one revision would.
	 */
	protected List<String> apply(Operation... operations) throws SQLException {
		return apply(this.dialect.live(this.connection), operations);
	}

	/**
	 * Renders the operations against the given schema source and runs them as one
	 * revision.
	 */
	protected List<String> apply(SchemaSource source, Operation... operations) throws SQLException {
		List<String> statements = this.dialect.render(List.of(operations), source);
		boolean transactional = List.of(operations).stream().noneMatch(Operation::requiresNoTransaction);
		List<String> restore = this.dialect.prepareOutsideTransaction(this.connection);
		try {
			this.connection.setAutoCommit(!transactional);
			try {
				run(statements);
				if (transactional) {
					this.connection.commit();
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (transactional) {
					this.connection.rollback();
				}
				throw ex;
			}
			finally {
				this.connection.setAutoCommit(true);
			}
		}
		finally {
			run(restore);
		}
		return statements;
	}

	/** Applies the inverses of the operations, last first. */
	protected void applyInverse(Operation... operations) throws SQLException {
		List<Operation> inverses = new ArrayList<>();
		for (Operation operation : operations) {
			inverses.add(operation.inverse());
		}
		Collections.reverse(inverses);
		apply(inverses.toArray(Operation[]::new));
	}

	private void run(List<String> statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	protected void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	protected String queryString(String sql) throws SQLException {
		List<String> values = queryList(sql);
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	protected List<String> queryList(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	protected Schema schema() throws SQLException {
		return this.dialect.reflect(this.connection);
	}

	protected Table table(String name) throws SQLException {
		return schema().table(name).orElseThrow(() -> new AssertionError("no table " + name));
	}

	/** The schema with constraint and index lists in a stable order, for comparison. */
	protected static Schema canonical(Schema schema) {
		List<Table> tables = new ArrayList<>();
		for (Table table : schema.tables().values()) {
			tables.add(new Table(table.name(), table.columns(), table.primaryKey(), sorted(table.uniqueConstraints()),
					sorted(table.foreignKeys()), sorted(table.checks()), sorted(table.indexes()), table.comment()));
		}
		return Schema.of(tables);
	}

	private static <T> List<T> sorted(List<T> list) {
		return list.stream().sorted(Comparator.comparing(Object::toString)).toList();
	}

}
