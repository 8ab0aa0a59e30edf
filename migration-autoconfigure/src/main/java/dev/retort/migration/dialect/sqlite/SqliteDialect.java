package dev.retort.migration.dialect.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

import dev.retort.migration.dialect.AbstractDialect;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;

/**
 * SQLite: transactional DDL, type affinity, and table rebuilds for what ALTER TABLE
 * cannot do.
 */
public class SqliteDialect extends AbstractDialect {

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	protected boolean inlinePrimaryKey(Table table) {
		// INTEGER PRIMARY KEY AUTOINCREMENT must be written on the column itself
		return table.primaryKey() != null && table.primaryKey().columns().size() == 1
				&& table.column(table.primaryKey().columns().get(0)).map(Column::isAutoIncrement).orElse(false);
	}

	@Override
	protected String typeName(Column column) {
		if (column.isAutoIncrement() && column.isPrimaryKey()) {
			return "INTEGER PRIMARY KEY AUTOINCREMENT";
		}
		return typeName(column.type());
	}

	@Override
	protected String typeName(Type type) {
		return switch (type.kind()) {
			case INTEGER -> "INTEGER";
			case BIGINT -> "BIGINT";
			case SMALLINT -> "SMALLINT";
			case BOOLEAN -> "BOOLEAN";
			case VARCHAR -> (type.length() != null) ? "VARCHAR(" + type.length() + ")" : "VARCHAR";
			case TEXT -> "TEXT";
			case NUMERIC ->
				(type.precision() != null) ? "NUMERIC(" + type.precision() + ", " + type.scale() + ")" : "NUMERIC";
			case FLOAT -> "FLOAT";
			case DOUBLE -> "DOUBLE";
			case DATE -> "DATE";
			case TIME -> "TIME";
			case TIMESTAMP -> "TIMESTAMP";
			case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
			case UUID -> "UUID";
			case BINARY -> "BLOB";
			case JSON -> "JSON";
			case RAW -> type.sql();
		};
	}

	@Override
	protected String booleanOrNumber(Object value) {
		if (value instanceof Boolean bool) {
			return bool ? "1" : "0";
		}
		return value.toString();
	}

	@Override
	protected String binaryLiteral(String hex) {
		return "X'" + hex + "'";
	}

	@Override
	public Schema reflect(Connection connection) throws SQLException {
		throw new UnsupportedOperationException("SQLite schema reflection is not implemented yet");
	}

}
