package dev.retort.migration.dialect.postgresql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;

/**
 * PostgreSQL's spellings: Hibernate's and a person's type names mapped to what
 * {@code format_type} reports, literal casts and {@code regclass} casts dropped from
 * defaults, identifiers cut at 63 bytes, and checks put into PostgreSQL's own rewritten
 * form by asking the server.
 */
final class PostgresSchemaRules implements SchemaRules {

	private static final int MAX_IDENTIFIER_BYTES = 63;

	private static final Pattern SIZED = Pattern
		.compile("^([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)(.*)$");

	private static final Pattern LITERAL_CAST = Pattern
		.compile("('(?:[^']|'')*')::[a-z_ ]+(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");

	private static final Pattern CHECK_LITERAL_CAST = Pattern
		.compile("('(?:[^']|'')*')::(?:character varying|[a-z_]+)(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");

	private static final Pattern ARRAY_CAST = Pattern
		.compile("(ARRAY\\[[^\\]]*\\])::(?:character varying|[a-z_]+)(?:\\(\\d+\\))?\\[\\]");

	private static final Pattern QUOTED_NUMBER = Pattern.compile("^'(-?\\d+(?:\\.\\d+)?)'$");

	private static final Pattern TEMPORARY_NAME = Pattern.compile("^CREATE TABLE \"[^\"]+\"");

	private final PostgresDialect dialect;

	PostgresSchemaRules(PostgresDialect dialect) {
		this.dialect = dialect;
	}

	@Override
	public Type declaredType(String sql) {
		return PostgresDialect.portableType(formatted(sql));
	}

	/** A type name as {@code format_type} would print it. */
	static String formatted(String sql) {
		String type = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		Matcher sized = SIZED.matcher(type);
		if (sized.matches()) {
			String base = sized.group(1).strip();
			int first = Integer.parseInt(sized.group(2));
			String second = sized.group(3);
			String rest = sized.group(4).strip();
			switch (base) {
				case "varchar", "character varying":
					return "character varying(" + first + ")";
				case "char", "character", "bpchar":
					return "character(" + first + ")";
				case "decimal", "numeric":
					return "numeric(" + first + "," + ((second != null) ? second : "0") + ")";
				case "float":
					return (first <= 24) ? "real" : "double precision";
				case "timestamp":
					return "timestamp(" + first + ") " + (rest.equals("with time zone") ? "with" : "without")
							+ " time zone";
				case "timestamptz":
					return "timestamp(" + first + ") with time zone";
				case "time":
					return "time(" + first + ") " + (rest.equals("with time zone") ? "with" : "without") + " time zone";
				case "bit", "varbit", "bit varying":
					return (base.equals("bit") ? "bit(" : "bit varying(") + first + ")";
				default:
					return sql.strip();
			}
		}
		return switch (type) {
			case "int", "int4", "integer", "serial", "serial4" -> "integer";
			case "int8", "bigint", "bigserial", "serial8" -> "bigint";
			case "int2", "smallint", "tinyint", "smallserial", "serial2" -> "smallint";
			case "bool", "boolean" -> "boolean";
			case "varchar", "character varying" -> "character varying";
			case "char", "character", "bpchar" -> "character(1)";
			case "float4", "real" -> "real";
			case "float", "float8", "double precision", "double" -> "double precision";
			case "decimal", "numeric" -> "numeric";
			case "timestamp", "timestamp without time zone" -> "timestamp without time zone";
			case "timestamptz", "timestamp with time zone" -> "timestamp with time zone";
			case "time", "time without time zone" -> "time without time zone";
			case "timetz", "time with time zone" -> "time with time zone";
			default -> type;
		};
	}

	@Override
	public boolean sameType(Type first, Type second) {
		return SchemaRules.super.sameType(withDefaultPrecision(first), withDefaultPrecision(second));
	}

	/** PostgreSQL's time types without a precision keep microseconds: {@code (6)}. */
	private static Type withDefaultPrecision(Type type) {
		return switch (type.kind()) {
			case TIME -> (type.precision() == null) ? Type.time(6) : type;
			case TIMESTAMP -> (type.precision() == null) ? Type.timestamp(6) : type;
			case TIMESTAMP_TZ -> (type.precision() == null) ? Type.timestampWithTimeZone(6) : type;
			default -> type;
		};
	}

	@Override
	public String canonicalDefault(String expression) {
		if (expression == null) {
			return null;
		}
		String text = LITERAL_CAST.matcher(expression.strip()).replaceAll("$1");
		text = text.replaceAll("::regclass\\b", "");
		Matcher number = QUOTED_NUMBER.matcher(text);
		if (number.matches()) {
			text = number.group(1);
		}
		return SchemaRules.canonicalExpression(text);
	}

	@Override
	public String canonicalCheck(String expression) {
		String text = expression.strip();
		if (text.regionMatches(true, 0, "CHECK", 0, 5)) {
			text = text.substring(5).strip();
		}
		// PostgreSQL writes casts on literals and arrays that re-reading its own output
		// spells differently: ARRAY['A'::character varying]::text[] is stored again as
		// ARRAY['A'::character varying::text]
		String previous;
		do {
			previous = text;
			text = CHECK_LITERAL_CAST.matcher(text).replaceAll("$1");
		}
		while (!text.equals(previous));
		text = ARRAY_CAST.matcher(text).replaceAll("$1");
		return SchemaRules.canonicalExpression(text);
	}

	@Override
	public String storedIdentifier(String name) {
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= MAX_IDENTIFIER_BYTES) {
			return name;
		}
		int end = name.length();
		while (name.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
			end--;
		}
		return name.substring(0, end);
	}

	/**
	 * Creates the table's columns, defaults and checks as a temporary table inside a
	 * savepoint, reads back how PostgreSQL stored them, and rolls the savepoint back, so
	 * that the model's expressions are compared in PostgreSQL's own rewritten form.
	 * Nothing is evaluated. When the server refuses (an expression that names an object
	 * that does not exist yet, no right to create temporary tables), the table is
	 * returned as it was.
	 */
	@Override
	public Table storedForm(Connection connection, Table table) {
		Table probe = new Table("retort_stored_form", table.columns().stream().map(PostgresSchemaRules::plain).toList(),
				null, List.of(), List.of(), table.checks(), List.of(), null);
		String create = this.dialect.render(List.of(new CreateTable(probe)), SchemaSource.EMPTY).get(0);
		create = TEMPORARY_NAME.matcher(create).replaceFirst("CREATE TEMPORARY TABLE \"retort_stored_form\"");
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			Savepoint savepoint = connection.setSavepoint();
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute(create);
				}
				return stored(connection, table);
			}
			finally {
				connection.rollback(savepoint);
				if (autoCommit) {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
		}
		catch (SQLException ex) {
			return table;
		}
	}

	private static Column plain(Column column) {
		return Column.of(column.name(), column.type())
			.nullable(column.isNullable() || column.isPrimaryKey())
			.serverDefault(column.serverDefault());
	}

	private Table stored(Connection connection, Table table) throws SQLException {
		Map<String, String> defaults = new HashMap<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) "
					+ "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
					+ "WHERE a.attrelid = 'pg_temp.retort_stored_form'::regclass AND a.attnum > 0");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				defaults.put(rows.getString(1), rows.getString(2));
			}
		}
		List<CheckConstraint> checks = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_get_constraintdef(c.oid, true) "
				+ "FROM pg_catalog.pg_constraint c WHERE c.conrelid = 'pg_temp.retort_stored_form'::regclass "
				+ "AND c.contype = 'c' ORDER BY c.oid"); ResultSet rows = statement.executeQuery()) {
			int index = 0;
			while (rows.next()) {
				String name = (index < table.checks().size()) ? table.checks().get(index).name() : null;
				checks.add(new CheckConstraint(name, rows.getString(1)));
				index++;
			}
		}
		if (checks.size() != table.checks().size()) {
			return table;
		}
		List<Column> columns = table.columns()
			.stream()
			.map((column) -> (column.serverDefault() != null && defaults.containsKey(column.name()))
					? column.serverDefault(defaults.get(column.name())) : column)
			.toList();
		return table.withColumns(columns).withChecks(checks);
	}

}
