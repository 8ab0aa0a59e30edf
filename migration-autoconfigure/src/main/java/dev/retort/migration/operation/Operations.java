package dev.retort.migration.operation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.TableElement;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The operations a migration's {@code upgrade} and {@code downgrade} call, mirroring
 * Alembic's {@code op}. Each call records an immutable {@link Operation}; where they go
 * (a database, an offline script, a checksum) is up to the {@link OperationSink}.
 */
public class Operations {

	private final OperationSink sink;

	public Operations(OperationSink sink) {
		this.sink = Objects.requireNonNull(sink, "sink");
	}

	/** Records an operation built elsewhere (autogenerate, or an inverse). */
	public void add(Operation operation) {
		this.sink.accept(operation);
	}

	/**
	 * The name of the dialect being migrated, for the rare revision that must branch on
	 * it.
	 */
	public String dialect() {
		return this.sink.dialect();
	}

	/**
	 * JDBC on the migration's own connection and transaction, for data migrations.
	 * Operations recorded before this call have run by the time it returns.
	 */
	public JdbcOperations jdbc() {
		return this.sink.jdbc();
	}

	public void createTable(String name, TableElement... elements) {
		add(new CreateTable(Table.of(name, Arrays.asList(elements))));
	}

	public void createTable(Table table) {
		add(new CreateTable(table));
	}

	public void dropTable(String name) {
		add(new DropTable(name, null));
	}

	/** Drops a table, keeping its definition so that the drop can be reversed. */
	public void dropTable(Table definition) {
		add(new DropTable(definition.name(), definition));
	}

	public void renameTable(String table, String newName) {
		add(new RenameTable(table, newName));
	}

	public void addColumn(String table, Column column) {
		add(new AddColumn(table, column));
	}

	public void dropColumn(String table, String column) {
		add(new DropColumn(table, column, null));
	}

	/** Drops a column, keeping its definition so that the drop can be reversed. */
	public void dropColumn(String table, Column definition) {
		add(new DropColumn(table, definition.name(), definition));
	}

	public void createIndex(String name, String table, String... columns) {
		add(new CreateIndex(new Index(name, table, List.of(columns), false, null), false));
	}

	public void createUniqueIndex(String name, String table, String... columns) {
		add(new CreateIndex(new Index(name, table, List.of(columns), true, null), false));
	}

	public void createIndex(Index index) {
		add(new CreateIndex(index, false));
	}

	public void dropIndex(String name, String table) {
		add(new DropIndex(name, table, null, false));
	}

	/** Drops an index, keeping its definition so that the drop can be reversed. */
	public void dropIndex(Index definition) {
		add(new DropIndex(definition.name(), definition.table(), definition, false));
	}

	/** Runs a statement as written. Prefer the portable operations where one exists. */
	public void execute(String sql) {
		add(new Execute(sql));
	}

	public void bulkInsert(String table, List<Map<String, Object>> rows) {
		add(new BulkInsert(table, rows));
	}

	/**
	 * Declares, in {@code downgrade}, that this revision cannot be undone. Downgrading
	 * past it fails with the reason before anything runs.
	 */
	public void irreversible(String reason) {
		add(new Irreversible(reason));
	}

}
