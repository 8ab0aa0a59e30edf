package dev.retort.migration.dialect;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.BulkInsert;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * The SQL that PostgreSQL and SQLite write alike; each dialect overrides where it
 * differs.
 */
public abstract class AbstractDialect implements Dialect {

	@Override
	public String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public List<String> render(List<Operation> operations, SchemaSource schema) {
		List<String> statements = new ArrayList<>();
		for (Operation operation : operations) {
			statements.addAll(render(operation, schema));
		}
		return statements;
	}

	/** The statements for one operation. */
	protected List<String> render(Operation operation, SchemaSource schema) {
		if (operation instanceof CreateTable create) {
			return createTable(create.definition());
		}
		if (operation instanceof DropTable drop) {
			return List.of("DROP TABLE " + quote(drop.table()));
		}
		if (operation instanceof RenameTable rename) {
			return List.of("ALTER TABLE " + quote(rename.table()) + " RENAME TO " + quote(rename.newName()));
		}
		if (operation instanceof AddColumn add) {
			return List.of("ALTER TABLE " + quote(add.table()) + " ADD COLUMN " + columnDefinition(add.column()));
		}
		if (operation instanceof DropColumn drop) {
			return List.of("ALTER TABLE " + quote(drop.table()) + " DROP COLUMN " + quote(drop.column()));
		}
		if (operation instanceof CreateIndex create) {
			return List.of(createIndex(create.index(), create.concurrently()));
		}
		if (operation instanceof DropIndex drop) {
			return List.of(dropIndex(drop));
		}
		if (operation instanceof Execute execute) {
			return List.of(execute.sql());
		}
		if (operation instanceof BulkInsert insert) {
			return bulkInsert(insert);
		}
		if (operation instanceof Irreversible) {
			return List.of();
		}
		throw new UnsupportedOperationException(name() + " cannot render " + operation + " yet");
	}

	protected List<String> createTable(Table table) {
		StringJoiner elements = new StringJoiner(", ", "CREATE TABLE " + quote(table.name()) + " (", ")");
		for (Column column : table.columns()) {
			elements.add(columnDefinition(column));
		}
		if (table.primaryKey() != null && !inlinePrimaryKey(table)) {
			elements.add(primaryKey(table.primaryKey()));
		}
		for (UniqueConstraint unique : table.uniqueConstraints()) {
			elements.add(constraintName(unique.name()) + "UNIQUE (" + columnList(unique.columns()) + ")");
		}
		for (ForeignKey foreignKey : table.foreignKeys()) {
			elements.add(constraintName(foreignKey.name()) + foreignKey(foreignKey));
		}
		for (CheckConstraint check : table.checks()) {
			elements.add(constraintName(check.name()) + "CHECK (" + check.expression() + ")");
		}
		List<String> statements = new ArrayList<>();
		statements.add(elements.toString());
		for (Index index : table.indexes()) {
			statements.add(createIndex(index, false));
		}
		return statements;
	}

	/**
	 * Whether the primary key is written on its column rather than as a table constraint.
	 */
	protected boolean inlinePrimaryKey(Table table) {
		return false;
	}

	protected String primaryKey(PrimaryKey key) {
		return constraintName(key.name()) + "PRIMARY KEY (" + columnList(key.columns()) + ")";
	}

	protected String foreignKey(ForeignKey foreignKey) {
		StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(columnList(foreignKey.columns()))
			.append(") REFERENCES ")
			.append(quote(foreignKey.referencedTable()))
			.append(" (")
			.append(columnList(foreignKey.referencedColumns()))
			.append(')');
		if (foreignKey.onDelete() != ForeignKey.Action.NO_ACTION) {
			sql.append(" ON DELETE ").append(foreignKey.onDelete().sql());
		}
		if (foreignKey.onUpdate() != ForeignKey.Action.NO_ACTION) {
			sql.append(" ON UPDATE ").append(foreignKey.onUpdate().sql());
		}
		return sql.toString();
	}

	protected String constraintName(String name) {
		return (name != null) ? "CONSTRAINT " + quote(name) + " " : "";
	}

	protected String columnDefinition(Column column) {
		StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(typeName(column));
		if (!column.isNullable()) {
			sql.append(" NOT NULL");
		}
		if (column.serverDefault() != null) {
			sql.append(" DEFAULT ").append(column.serverDefault());
		}
		return sql.toString();
	}

	/**
	 * The column's type as this database spells it, taking auto-increment into account.
	 */
	protected String typeName(Column column) {
		return typeName(column.type());
	}

	/** The type as this database spells it. */
	protected abstract String typeName(Type type);

	protected String createIndex(Index index, boolean concurrently) {
		StringBuilder sql = new StringBuilder("CREATE ");
		if (index.unique()) {
			sql.append("UNIQUE ");
		}
		sql.append("INDEX ")
			.append(quote(index.name()))
			.append(" ON ")
			.append(quote(index.table()))
			.append(" (")
			.append(columnList(index.columns()))
			.append(')');
		if (index.where() != null) {
			sql.append(" WHERE ").append(index.where());
		}
		return sql.toString();
	}

	protected String dropIndex(DropIndex drop) {
		return "DROP INDEX " + quote(drop.name());
	}

	protected List<String> bulkInsert(BulkInsert insert) {
		List<String> statements = new ArrayList<>();
		for (Map<String, Object> row : insert.rows()) {
			StringJoiner columns = new StringJoiner(", ", "(", ")");
			StringJoiner values = new StringJoiner(", ", "(", ")");
			row.forEach((column, value) -> {
				columns.add(quote(column));
				values.add(literal(value));
			});
			statements.add("INSERT INTO " + quote(insert.table()) + " " + columns + " VALUES " + values);
		}
		return statements;
	}

	protected String columnList(List<String> columns) {
		StringJoiner list = new StringJoiner(", ");
		columns.forEach((column) -> list.add(quote(column)));
		return list.toString();
	}

	@Override
	public String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return booleanOrNumber(value);
		}
		if (value instanceof byte[] bytes) {
			return binaryLiteral(HexFormat.of().formatHex(bytes));
		}
		if (value instanceof TemporalAccessor) {
			return "'" + value + "'";
		}
		return "'" + value.toString().replace("'", "''") + "'";
	}

	protected String booleanOrNumber(Object value) {
		return value.toString();
	}

	protected abstract String binaryLiteral(String hex);

}
