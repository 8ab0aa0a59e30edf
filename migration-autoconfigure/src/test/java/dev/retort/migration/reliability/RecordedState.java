package dev.retort.migration.reliability;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.migration.reliability.SlowRevisions.SlowRevision;
import dev.retort.migration.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a database holds after a migrator ran on it, read from outside with plain JDBC in
 * one transaction: the version table, the history table and the {@link SlowRevisions}
 * tables with their rows and indexes.
 *
 * @param versions the version table's rows
 * @param history every history row, oldest first, as {@code direction revision} with
 * {@code (failed)} after a failed step
 * @param tables the revision tables there are, by name
 */
record RecordedState(List<String> versions, List<String> history, Map<String, TableState> tables) {

	private static final String VERSION_TABLE = "migrations_version";

	private static final String HISTORY_TABLE = "migrations_history";

	static RecordedState read(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
			connection.setAutoCommit(false);
			try {
				return read(connection);
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static RecordedState read(Connection connection) throws SQLException {
		List<String> names = tableNames(connection);
		List<String> versions = new ArrayList<>();
		List<String> history = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			if (names.contains(VERSION_TABLE)) {
				try (ResultSet rows = statement.executeQuery("SELECT version_num FROM " + VERSION_TABLE)) {
					while (rows.next()) {
						versions.add(rows.getString(1));
					}
				}
			}
			if (names.contains(HISTORY_TABLE)) {
				try (ResultSet rows = statement
					.executeQuery("SELECT direction, revision, success FROM " + HISTORY_TABLE + " ORDER BY id")) {
					while (rows.next()) {
						history
							.add(rows.getString(1) + " " + rows.getString(2) + (rows.getBoolean(3) ? "" : " (failed)"));
					}
				}
			}
			Map<String, TableState> tables = new LinkedHashMap<>();
			for (String name : names) {
				if (name.startsWith("slow_")) {
					try (ResultSet rows = statement.executeQuery("SELECT count(*), min(bucket) FROM " + name)) {
						rows.next();
						tables.put(name, new TableState(rows.getInt(1), rows.getInt(2), indexNames(connection, name)));
					}
				}
			}
			return new RecordedState(versions, history, tables);
		}
	}

	private static List<String> tableNames(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME"));
			}
		}
		return names;
	}

	private static List<String> indexNames(Connection connection, String table) throws SQLException {
		List<String> names = new ArrayList<>();
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
			while (indexes.next()) {
				String name = indexes.getString("INDEX_NAME");
				if (name != null && !names.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/**
	 * Asserts that the version table, the history and the schema agree on exactly one
	 * revision of the chain (or on none applied): the history's successful upgrades are
	 * the revisions up to the recorded one, each once, and exactly their tables exist,
	 * complete with rows, index and update.
	 * @return how many revisions of the chain are applied
	 */
	int assertAgreeOnOneRevision(SlowRevisions revisions, String context) {
		List<String> ids = revisions.ids();
		assertThat(this.versions).as("version table, %s", context).hasSizeLessThanOrEqualTo(1);
		assertThat(ids).as("the revision in the version table, %s", context).containsAll(this.versions);
		int applied = this.versions.isEmpty() ? 0 : ids.indexOf(this.versions.get(0)) + 1;
		List<String> upgrades = ids.subList(0, applied).stream().map((id) -> "upgrade " + id).toList();
		assertThat(this.history).as("history at version %s, %s", this.versions, context).isEqualTo(upgrades);
		List<SlowRevision> expected = revisions.revisions().subList(0, applied);
		assertThat(this.tables.keySet()).as("tables at version %s, %s", this.versions, context)
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(SlowRevision::table).toList());
		for (SlowRevision revision : expected) {
			TableState table = this.tables.get(revision.table());
			assertThat(table.rows()).as("rows of %s, %s", revision.table(), context).isEqualTo(revision.rows());
			assertThat(table.smallestBucket()).as("whether the update of %s ran, %s", revision.table(), context)
				.isEqualTo(revision.smallestBucket());
			assertThat(table.indexes()).as("indexes of %s, %s", revision.table(), context).contains(revision.index());
		}
		return applied;
	}

	/** A revision table: its row count, its smallest bucket, its indexes' names. */
	record TableState(int rows, int smallestBucket, List<String> indexes) {

	}

}
