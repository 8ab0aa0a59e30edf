package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.BulkInsert;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * The SQL that PostgreSQL and SQLite write alike; each dialect overrides where it
 * differs. Every identifier goes through {@link #quote(String)} and every value through
 * {@link #literal(Object)}; check expressions, partial-index predicates and server
 * defaults are SQL expressions by contract and are written as given.
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

	@Override
	public Schema reflect(Connection connection) throws SQLException {
		List<Table> tables = new ArrayList<>();
		for (String name : tableNames(connection)) {
			reflectTable(connection, name).ifPresent(tables::add);
		}
		return Schema.of(tables);
	}

	@Override
	public SchemaSource live(Connection connection) {
		return new SchemaSource() {

			@Override
			public Optional<Table> table(String name) {
				try {
					return reflectTable(connection, name);
				}
				catch (SQLException ex) {
					throw new SchemaReadException("Could not read table \"" + name + "\" from the " + name()
							+ " database: " + ex.getMessage(), ex);
				}
			}

			@Override
			public List<String> triggers(String table) {
				try {
					return reflectTriggers(connection, table);
				}
				catch (SQLException ex) {
					throw new SchemaReadException("Could not read the triggers of table \"" + table + "\" from the "
							+ name() + " database: " + ex.getMessage(), ex);
				}
			}

			@Override
			public boolean listsAllTables() {
				return true;
			}

			@Override
			public Set<String> referencingTables(String table) {
				try {
					return AbstractDialect.this.referencingTables(connection, table);
				}
				catch (SQLException ex) {
					throw new SchemaReadException("Could not read which tables reference \"" + table + "\" in the "
							+ name() + " database: " + ex.getMessage(), ex);
				}
			}

			@Override
			public Set<String> tableNames() {
				try {
					return AbstractDialect.this.tableNames(connection);
				}
				catch (SQLException ex) {
					throw new SchemaReadException(
							"Could not list the tables of the " + name() + " database: " + ex.getMessage(), ex);
				}
			}

		};
	}

	/**
	 * The names a catalog query returns (its first column), asked in one round trip:
	 * {@code ?names} in the query stands for the list of names as parameters.
	 */
	protected static Set<String> existingNames(Connection connection, String query, List<String> names)
			throws SQLException {
		Set<String> existing = new LinkedHashSet<>();
		if (names.isEmpty()) {
			return existing;
		}
		String parameters = String.join(", ", Collections.nCopies(names.size(), "?"));
		try (PreparedStatement statement = connection.prepareStatement(query.replace("?names", parameters))) {
			for (int index = 0; index < names.size(); index++) {
				statement.setString(index + 1, names.get(index));
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					existing.add(rows.getString(1));
				}
			}
		}
		Set<String> inOrder = new LinkedHashSet<>(names);
		inOrder.retainAll(existing);
		return inOrder;
	}

	/** The tables of the connection's current schema, sorted by name. */
	protected abstract Set<String> tableNames(Connection connection) throws SQLException;

	/** One table as the database holds it now, or empty when there is none. */
	protected abstract Optional<Table> reflectTable(Connection connection, String name) throws SQLException;

	/**
	 * The other tables whose foreign keys reference {@code table}; by default found by
	 * reading each table.
	 */
	protected Set<String> referencingTables(Connection connection, String table) throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		for (String other : tableNames(connection)) {
			if (!other.equalsIgnoreCase(table)
					&& reflectTable(connection, other).map((t) -> SchemaSource.references(t, table)).orElse(false)) {
				names.add(other);
			}
		}
		return names;
	}

	/** The SQL of the triggers on a table. */
	protected List<String> reflectTriggers(Connection connection, String table) throws SQLException {
		return List.of();
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
			return addColumn(add);
		}
		if (operation instanceof DropColumn drop) {
			return List.of("ALTER TABLE " + quote(drop.table()) + " DROP COLUMN " + quote(drop.column()));
		}
		if (operation instanceof AlterColumn alter) {
			return alterColumn(alter);
		}
		if (operation instanceof CreateIndex create) {
			return List.of(createIndex(create.index(), create.concurrently()));
		}
		if (operation instanceof DropIndex drop) {
			return List.of(dropIndex(drop));
		}
		if (operation instanceof AddConstraint add) {
			return List.of("ALTER TABLE " + quote(add.table()) + " ADD " + constraint(add.constraint()));
		}
		if (operation instanceof DropConstraint drop) {
			if (drop.name() == null) {
				throw new OperationNotSupportedException(name() + " drops a constraint of \"" + drop.table()
						+ "\" only by name, and none was given for " + drop.definition() + ".");
			}
			return List.of("ALTER TABLE " + quote(drop.table()) + " DROP CONSTRAINT " + quote(drop.name()));
		}
		if (operation instanceof SetTableComment comment) {
			return tableComment(comment.table(), comment.comment());
		}
		if (operation instanceof CreateSequence create) {
			return createSequence(create.sequence());
		}
		if (operation instanceof DropSequence drop) {
			return dropSequence(drop.name());
		}
		if (operation instanceof AlterSequence alter) {
			return alterSequence(alter.name(), alter.incrementBy());
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
		throw new IllegalStateException(name() + " cannot render " + operation);
	}

	protected List<String> createSequence(Sequence sequence) {
		return List.of("CREATE SEQUENCE " + quote(sequence.name()) + " START WITH " + sequence.startWith()
				+ " INCREMENT BY " + sequence.incrementBy());
	}

	protected List<String> dropSequence(String name) {
		return List.of("DROP SEQUENCE " + quote(name));
	}

	protected List<String> alterSequence(String name, long incrementBy) {
		return List.of("ALTER SEQUENCE " + quote(name) + " INCREMENT BY " + incrementBy);
	}

	protected List<String> addColumn(AddColumn add) {
		List<String> statements = new ArrayList<>();
		statements.add("ALTER TABLE " + quote(add.table()) + " ADD COLUMN " + columnDefinition(add.column()));
		if (add.column().comment() != null) {
			statements.addAll(columnComment(add.table(), add.column().name(), add.column().comment()));
		}
		return statements;
	}

	/** Changes a column; the base only knows how to rename. */
	protected List<String> alterColumn(AlterColumn alter) {
		List<String> statements = new ArrayList<>();
		if (alter.newName() != null) {
			statements.add(renameColumn(alter.table(), alter.column(), alter.newName()));
		}
		return statements;
	}

	protected String renameColumn(String table, String column, String newName) {
		return "ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(column) + " TO " + quote(newName);
	}

	/** Statements that set or remove ({@code null}) a table comment; none by default. */
	protected List<String> tableComment(String table, String comment) {
		return List.of();
	}

	/** Statements that set or remove ({@code null}) a column comment; none by default. */
	protected List<String> columnComment(String table, String column, String comment) {
		return List.of();
	}

	protected List<String> createTable(Table table) {
		List<String> statements = new ArrayList<>();
		statements.add(createTableStatement(table.name(), table));
		for (Index index : table.indexes()) {
			statements.add(createIndex(index, false));
		}
		if (table.comment() != null) {
			statements.addAll(tableComment(table.name(), table.comment()));
		}
		for (Column column : table.columns()) {
			if (column.comment() != null) {
				statements.addAll(columnComment(table.name(), column.name(), column.comment()));
			}
		}
		return statements;
	}

	/** The {@code CREATE TABLE} statement for a table, under the given name. */
	protected String createTableStatement(String name, Table table) {
		StringJoiner elements = new StringJoiner(", ", "CREATE TABLE " + quote(name) + " (", ")");
		for (Column column : table.columns()) {
			elements.add(columnDefinition(table, column));
		}
		if (table.primaryKey() != null && !inlinePrimaryKey(table)) {
			elements.add(constraint(table.primaryKey()));
		}
		for (UniqueConstraint unique : table.uniqueConstraints()) {
			elements.add(constraint(unique));
		}
		for (ForeignKey foreignKey : table.foreignKeys()) {
			elements.add(constraint(foreignKey));
		}
		for (CheckConstraint check : table.checks()) {
			elements.add(constraint(check));
		}
		return elements.toString();
	}

	/**
	 * Whether the primary key is written on its column rather than as a table constraint.
	 */
	protected boolean inlinePrimaryKey(Table table) {
		return false;
	}

	/** A constraint as written in {@code CREATE TABLE} or {@code ALTER TABLE … ADD}. */
	protected String constraint(Constraint constraint) {
		String name = constraintName(constraint.name());
		if (constraint instanceof PrimaryKey key) {
			return name + "PRIMARY KEY (" + columnList(key.columns()) + ")";
		}
		if (constraint instanceof UniqueConstraint unique) {
			return name + "UNIQUE (" + columnList(unique.columns()) + ")";
		}
		if (constraint instanceof ForeignKey foreignKey) {
			return name + foreignKey(foreignKey);
		}
		CheckConstraint check = (CheckConstraint) constraint;
		return name + "CHECK (" + check.expression() + ")";
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

	/** A column as {@code CREATE TABLE} writes it for this table. */
	protected String columnDefinition(Table table, Column column) {
		return columnDefinition(column);
	}

	protected String columnDefinition(Column column) {
		StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(typeName(column));
		if (!column.isNullable()) {
			sql.append(" NOT NULL");
		}
		if (column.serverDefault() != null) {
			sql.append(" DEFAULT ").append(defaultExpression(column.serverDefault()));
		}
		return sql.toString();
	}

	/** A server default as written after {@code DEFAULT}. */
	protected String defaultExpression(String expression) {
		return expression;
	}

	/**
	 * The column's type as this database spells it, taking auto-increment into account.
	 */
	protected String typeName(Column column) {
		return typeName(column.type());
	}

	/** The type as this database spells it. */
	public abstract String typeName(Type type);

	/** {@code "(6)"} for a time or timestamp type with a fractional-seconds precision. */
	protected static String precision(Type type) {
		return (type.precision() != null) ? "(" + type.precision() + ")" : "";
	}

	protected String createIndex(Index index, boolean concurrently) {
		StringBuilder sql = new StringBuilder("CREATE ");
		if (index.unique()) {
			sql.append("UNIQUE ");
		}
		sql.append("INDEX ");
		if (concurrently) {
			sql.append(concurrently());
		}
		sql.append(quote(index.name()))
			.append(" ON ")
			.append(quote(index.table()))
			.append(" (")
			.append(indexedColumns(index))
			.append(')');
		if (index.where() != null) {
			sql.append(" WHERE ").append(index.where());
		}
		return sql.toString();
	}

	/** The {@code CONCURRENTLY } keyword where the database has it. */
	protected String concurrently() {
		return "";
	}

	protected String dropIndex(DropIndex drop) {
		return "DROP INDEX " + (drop.concurrently() ? concurrently() : "") + quote(drop.name());
	}

	/** One {@code INSERT} per run of rows that name the same columns. */
	protected List<String> bulkInsert(BulkInsert insert) {
		List<String> statements = new ArrayList<>();
		Set<String> columns = null;
		StringBuilder statement = null;
		for (Map<String, Object> row : insert.rows()) {
			if (statement == null || !row.keySet().equals(columns)) {
				if (statement != null) {
					statements.add(statement.toString());
				}
				columns = row.keySet();
				StringJoiner names = new StringJoiner(", ", "(", ")");
				columns.forEach((column) -> names.add(quote(column)));
				statement = new StringBuilder("INSERT INTO ").append(quote(insert.table()))
					.append(' ')
					.append(names)
					.append(" VALUES ");
			}
			else {
				statement.append(", ");
			}
			StringJoiner values = new StringJoiner(", ", "(", ")");
			row.values().forEach((value) -> values.add(literal(value)));
			statement.append(values);
		}
		if (statement != null) {
			statements.add(statement.toString());
		}
		return statements;
	}

	/** An index's columns, quoted, each descending one followed by {@code DESC}. */
	protected String indexedColumns(Index index) {
		StringJoiner list = new StringJoiner(", ");
		index.columns().forEach((column) -> list.add(quote(column) + (index.isDescending(column) ? " DESC" : "")));
		return list.toString();
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
		if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
			return "'" + number + "'";
		}
		return value.toString();
	}

	protected abstract String binaryLiteral(String hex);

}
