package dev.retort.migration.operation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.TableElement;
import dev.retort.migration.schema.UniqueConstraint;
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
	 * Whether this run only records the operations, for an offline script
	 * ({@code migrate upgrade --sql}), a checksum or {@code migrate show}, so that
	 * {@link #jdbc()} is not available: a data migration that should render offline too
	 * writes its change as {@link #execute(String) SQL} there. What a revision records
	 * offline is also its checksum, online or not. Alembic's
	 * {@code context.is_offline_mode()}.
	 * @return {@code true} where there is no connection
	 */
	public boolean isOffline() {
		return this.sink.offline();
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

	/**
	 * Changes a column: any combination of rename, type, nullability, server default and
	 * comment, e.g.
	 * {@code op.alterColumn("tasks", "status", (c) -> c.rename("state").notNull().existing(old))}.
	 * On SQLite anything but a rename runs as a table rebuild.
	 */
	public void alterColumn(String table, String column, Consumer<AlterColumn.Change> change) {
		add(AlterColumn.of(table, column, change));
	}

	/** Renames a column, keeping its data. */
	public void renameColumn(String table, String column, String newName) {
		alterColumn(table, column, (c) -> c.rename(newName));
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

	/**
	 * Creates an index without blocking writes (PostgreSQL {@code CONCURRENTLY}; a plain
	 * index elsewhere). The revision must be declared non-transactional.
	 */
	public void createIndexConcurrently(Index index) {
		add(new CreateIndex(index, true));
	}

	/** Drops an index without blocking writes (PostgreSQL); non-transactional. */
	public void dropIndexConcurrently(Index definition) {
		add(new DropIndex(definition.name(), definition.table(), definition, true));
	}

	/** Adds a constraint (primary key, unique, foreign key, check) to a table. */
	public void addConstraint(String table, Constraint constraint) {
		add(new AddConstraint(table, constraint));
	}

	public void createUniqueConstraint(String name, String table, String... columns) {
		addConstraint(table, new UniqueConstraint(name, List.of(columns)));
	}

	public void createPrimaryKey(String name, String table, String... columns) {
		addConstraint(table, new PrimaryKey(name, List.of(columns)));
	}

	/** Adds a check constraint; {@code expression} is SQL, e.g. {@code "price > 0"}. */
	public void createCheckConstraint(String name, String table, String expression) {
		addConstraint(table, new CheckConstraint(name, expression));
	}

	/**
	 * Adds a foreign key from {@code table(columns)} to
	 * {@code referencedTable(referencedColumns)}, with the database's default actions
	 * ({@code NO ACTION} on delete and on update).
	 */
	public void createForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns) {
		createForeignKey(name, table, columns, referencedTable, referencedColumns, null, null);
	}

	/**
	 * Adds a foreign key from {@code table(columns)} to
	 * {@code referencedTable(referencedColumns)}; a {@code null} action is the database's
	 * default.
	 */
	public void createForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns, ForeignKey.Action onDelete, ForeignKey.Action onUpdate) {
		addConstraint(table, new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate));
	}

	/**
	 * Drops a named constraint of any kind (not reversible: the definition is unknown).
	 */
	public void dropConstraint(String name, String table) {
		add(new DropConstraint(table, name, null, null));
	}

	/**
	 * Drops a named constraint, saying its kind (not reversible: the definition is
	 * unknown).
	 */
	public void dropConstraint(String name, String table, Constraint.Kind kind) {
		add(new DropConstraint(table, name, kind, null));
	}

	/** Drops a constraint, keeping its definition so that the drop can be reversed. */
	public void dropConstraint(String table, Constraint definition) {
		add(new DropConstraint(table, definition.name(), definition.kind(), definition));
	}

	/**
	 * Sets a table's comment ({@code null} removes it). A no-op on SQLite, which has no
	 * comments.
	 */
	public void setTableComment(String table, String comment) {
		add(new SetTableComment(table, comment, null));
	}

	/** Sets a table's comment, knowing the previous one so that it can be reversed. */
	public void setTableComment(String table, String comment, String previous) {
		add(new SetTableComment(table, comment, Optional.ofNullable(previous)));
	}

	/** Creates a sequence (PostgreSQL; SQLite has none). */
	public void createSequence(Sequence sequence) {
		add(new CreateSequence(sequence));
	}

	public void dropSequence(String name) {
		add(new DropSequence(name, null));
	}

	/** Drops a sequence, keeping its definition so that the drop can be reversed. */
	public void dropSequence(Sequence definition) {
		add(new DropSequence(definition.name(), definition));
	}

	/**
	 * Changes a sequence's increment, knowing the sequence as it was so that the change
	 * can be reversed.
	 */
	public void alterSequence(Sequence existing, long incrementBy) {
		add(new AlterSequence(existing.name(), incrementBy, existing));
	}

	/**
	 * Changes a sequence's increment without knowing the previous one (not reversible).
	 */
	public void alterSequence(String name, long incrementBy) {
		add(new AlterSequence(name, incrementBy, null));
	}

	/** Runs a statement as written. Prefer the portable operations where one exists. */
	public void execute(String sql) {
		add(new Execute(sql));
	}

	public void bulkInsert(String table, List<Map<String, Object>> rows) {
		add(new BulkInsert(table, rows));
	}

	/**
	 * One row for {@link #bulkInsert}, its columns in the order given (unlike
	 * {@code Map.of}, and allowing {@code null} values):
	 * {@code Operations.row("id", 1, "title", "ship", "done_at", null)}.
	 * @param columnsAndValues column names, each followed by its value
	 */
	public static Map<String, Object> row(Object... columnsAndValues) {
		if (columnsAndValues.length % 2 != 0) {
			throw new IllegalArgumentException(
					"A row needs a value after each column name, got " + columnsAndValues.length + " arguments");
		}
		Map<String, Object> row = new LinkedHashMap<>();
		for (int index = 0; index < columnsAndValues.length; index += 2) {
			if (!(columnsAndValues[index] instanceof String column)) {
				throw new IllegalArgumentException(
						"Argument " + (index + 1) + " of a row must be a column name, got " + columnsAndValues[index]);
			}
			row.put(column, columnsAndValues[index + 1]);
		}
		return row;
	}

	/**
	 * Declares, in {@code downgrade}, that this revision cannot be undone. Downgrading
	 * past it fails with the reason before anything runs.
	 */
	public void irreversible(String reason) {
		add(new Irreversible(reason));
	}

}
