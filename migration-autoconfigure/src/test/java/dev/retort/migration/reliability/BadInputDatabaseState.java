package dev.retort.migration.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.test.TestDatabase;

/**
 * What a user compares to see that a refused command changed nothing: the version table,
 * the history and the schema, read directly from the database.
 *
 * @param versions the version table's rows, sorted
 * @param history the history table's rows, oldest first, every column as text
 * @param schema the schema as the database's dialect reflects it
 */
record BadInputDatabaseState(List<String> versions, List<Map<String, String>> history, Schema schema) {

	static BadInputDatabaseState of(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			List<String> versions = rows(connection, "SELECT version_num FROM migrations_version").stream()
				.map((row) -> row.get("version_num"))
				.sorted()
				.toList();
			return new BadInputDatabaseState(versions, rows(connection, "SELECT * FROM migrations_history ORDER BY id"),
					Dialects.of(connection).reflect(connection));
		}
	}

	private static List<Map<String, String>> rows(Connection connection, String sql) throws SQLException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			ResultSetMetaData columns = result.getMetaData();
			while (result.next()) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					row.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
