package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;

/**
 * The SQL of a migrator's bookkeeping: the version table (one row per applied head) and
 * the history table (one row per step), created through the dialect's own rendering.
 */
public final class VersionTables {

	/** The longest name the history table's {@code applied_by} holds. */
	private static final int MAX_NAME = 255;

	private static final String CREATE_TABLE = "CREATE TABLE ";

	private static final String CREATE_TABLE_IF_NOT_EXISTS = "CREATE TABLE IF NOT EXISTS ";

	private static final int MAX_TEXT = 2000;

	private static final String VERSION_COLUMN = "version_num";

	private final Dialect dialect;

	private final String versionTable;

	private final String historyTable;

	private final String selectVersions;

	private final String insertVersion;

	private final String deleteVersion;

	private final String updateVersion;

	private final String deleteAllVersions;

	private final String claimVersion;

	private final String insertHistory;

	private final String selectHistory;

	public VersionTables(Dialect dialect, String versionTable, String historyTable) {
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		String version = dialect.quote(versionTable);
		String history = dialect.quote(historyTable);
		String versionNum = dialect.quote(VERSION_COLUMN);
		this.selectVersions = "SELECT " + versionNum + " FROM " + version;
		this.insertVersion = "INSERT INTO " + version + " (" + versionNum + ") VALUES (?)";
		this.deleteVersion = "DELETE FROM " + version + " WHERE " + versionNum + " = ?";
		this.updateVersion = "UPDATE " + version + " SET " + versionNum + " = ? WHERE " + versionNum + " = ?";
		this.deleteAllVersions = "DELETE FROM " + version;
		this.claimVersion = this.updateVersion + " AND (SELECT COUNT(*) FROM " + version + ") = 1";
		String columns = String.join(", ", dialect.quote("revision"), dialect.quote("direction"),
				dialect.quote("checksum"), dialect.quote("applied_at"), dialect.quote("duration_ms"),
				dialect.quote("applied_by"), dialect.quote("success"), dialect.quote("message"),
				dialect.quote("error"));
		this.insertHistory = "INSERT INTO " + history + " (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
		this.selectHistory = "SELECT " + columns + " FROM " + history + " ORDER BY " + dialect.quote("id");
	}

	public String versionTable() {
		return this.versionTable;
	}

	public String historyTable() {
		return this.historyTable;
	}

	/** Whether both tables exist in the connection's current schema. */
	public boolean exist(Connection connection) throws SQLException {
		return existing(connection).size() == 2;
	}

	/**
	 * Creates whichever table is missing. Call it holding the migration lock, so that
	 * concurrent migrators do not race to create them.
	 */
	public void create(Connection connection) throws SQLException {
		List<String> statements = new ArrayList<>();
		Set<String> existing = existing(connection);
		if (!existing.contains(this.versionTable)) {
			statements.addAll(createVersionTable());
		}
		List<Operation> missing = new ArrayList<>();
		if (!existing.contains(this.historyTable)) {
			missing.add(new CreateTable(historyTableDefinition()));
		}
		if (!missing.isEmpty()) {
			statements.addAll(this.dialect.render(missing, SchemaSource.EMPTY));
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private List<String> createVersionTable() {
		List<String> statements = new ArrayList<>();
		for (String sql : this.dialect.render(List.of(new CreateTable(versionTableDefinition())), SchemaSource.EMPTY)) {
			statements.add(sql + this.dialect.keyTableSuffix());
		}
		return statements;
	}

	private Table versionTableDefinition() {
		// 64: the longest id RevisionValidation lets through
		return Table.of(this.versionTable, List.of(Column.of(VERSION_COLUMN, Type.varchar(64)).primaryKey()));
	}

	private Table historyTableDefinition() {
		return Table.of(this.historyTable, List.of(historyId(), Column.of("revision", Type.varchar(64)).notNull(),
				Column.of("direction", Type.varchar(16)).notNull(), Column.of("checksum", Type.varchar(128)),
				Column.of("applied_at", Type.TIMESTAMP_TZ).notNull(), Column.of("duration_ms", Type.BIGINT).notNull(),
				Column.of("applied_by", Type.varchar(MAX_NAME)), Column.of("success", Type.BOOLEAN).notNull(),
				Column.of("message", Type.varchar(MAX_TEXT)), Column.of("error", Type.TEXT)));
	}

	private Column historyId() {
		return this.dialect.rowNumberColumn("id");
	}

	private Set<String> existing(Connection connection) throws SQLException {
		return this.dialect.existingTables(connection, List.of(this.versionTable, this.historyTable));
	}

	/** The version-table rows: the database's applied heads. */
	public Set<String> readVersions(Connection connection) throws SQLException {
		Set<String> versions = new LinkedHashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(this.selectVersions)) {
			while (rows.next()) {
				versions.add(rows.getString(1));
			}
		}
		return versions;
	}

	/**
	 * Moves the version table from {@code before} to {@code after}, touching only the
	 * rows that change, and checks that each row it updates or deletes was there.
	 * @return whether the table held the rows of {@code before} that leave it; if not,
	 * someone else moved it, and the caller's transaction must be rolled back
	 */
	public boolean moveVersions(Connection connection, Set<String> before, Set<String> after) throws SQLException {
		List<String> removed = before.stream().filter((version) -> !after.contains(version)).toList();
		List<String> added = after.stream().filter((version) -> !before.contains(version)).toList();
		if (removed.size() == 1 && added.size() == 1) {
			try (PreparedStatement update = connection.prepareStatement(this.updateVersion)) {
				update.setString(1, added.get(0));
				update.setString(2, removed.get(0));
				return update.executeUpdate() == 1;
			}
		}
		if (!removed.isEmpty()) {
			try (PreparedStatement delete = connection.prepareStatement(this.deleteVersion)) {
				for (String version : removed) {
					delete.setString(1, version);
					delete.addBatch();
				}
				for (int count : delete.executeBatch()) {
					if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
						return false;
					}
				}
			}
		}
		insertVersions(connection, added);
		return true;
	}

	/**
	 * Whether a step from {@code before} to {@code after} is a single head moving to
	 * another, the case {@link #claimMove} handles.
	 */
	public static boolean isLinearMove(Set<String> before, Set<String> after) {
		return before.size() == 1 && after.size() == 1 && !before.equals(after);
	}

	/**
	 * Moves the version table's only row from {@code before} to {@code after} if the
	 * table holds exactly {@code before}: the check and the move in one statement, for a
	 * lock that is taken per step. The caller's transaction must hold the write lock, and
	 * the move must be {@linkplain #isLinearMove linear}.
	 * @return whether the table held exactly {@code before} and was moved; if not,
	 * nothing changed
	 */
	public boolean claimMove(Connection connection, Set<String> before, Set<String> after) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(this.claimVersion)) {
			update.setString(1, after.iterator().next());
			update.setString(2, before.iterator().next());
			return update.executeUpdate() == 1;
		}
	}

	/** Empties the version table and writes {@code heads}. */
	public void replaceVersions(Connection connection, Set<String> heads) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate(this.deleteAllVersions);
		}
		insertVersions(connection, heads);
	}

	private void insertVersions(Connection connection, Iterable<String> versions) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(this.insertVersion)) {
			boolean any = false;
			for (String version : versions) {
				insert.setString(1, version);
				insert.addBatch();
				any = true;
			}
			if (any) {
				insert.executeBatch();
			}
		}
	}

	/** Appends rows to the history table. */
	public void recordHistory(Connection connection, List<HistoryRecord> records) throws SQLException {
		if (records.isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection.prepareStatement(this.insertHistory)) {
			if (records.size() == 1) {
				// one row, the common case: no batch to set up
				bindHistory(insert, records.get(0));
				insert.executeUpdate();
				return;
			}
			for (HistoryRecord record : records) {
				bindHistory(insert, record);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private void bindHistory(PreparedStatement insert, HistoryRecord record) throws SQLException {
		insert.setString(1, record.revision());
		insert.setString(2, record.direction());
		insert.setString(3, record.checksum());
		setInstant(insert, 4, record.appliedAt());
		insert.setLong(5, record.durationMillis());
		insert.setString(6, abbreviate(record.appliedBy(), MAX_NAME));
		insert.setBoolean(7, record.success());
		insert.setString(8, abbreviate(record.message(), MAX_TEXT));
		if (record.error() != null) {
			insert.setString(9, record.error());
		}
		else {
			insert.setNull(9, Types.VARCHAR);
		}
	}

	/** Every history row, oldest first. */
	public List<HistoryRecord> readHistory(Connection connection) throws SQLException {
		List<HistoryRecord> history = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(this.selectHistory)) {
			while (rows.next()) {
				history.add(new HistoryRecord(rows.getString(1), rows.getString(2), rows.getString(3),
						getInstant(rows, 4), rows.getLong(5), rows.getString(6), rows.getBoolean(7), rows.getString(8),
						rows.getString(9)));
			}
		}
		return history;
	}

	private void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
		this.dialect.bindInstant(statement, index, instant);
	}

	private Instant getInstant(ResultSet rows, int index) throws SQLException {
		return this.dialect.readInstant(rows, index);
	}

	private static String abbreviate(String text, int length) {
		return (text != null && text.length() > length) ? text.substring(0, length - 3) + "..." : text;
	}

	/**
	 * The statements that create both tables, for an offline script that starts at base:
	 * {@code IF NOT EXISTS}, since a database at base may still have them (everything
	 * downgraded), and the script must run there as on an empty database.
	 */
	public List<String> createStatements() {
		List<String> statements = new ArrayList<>();
		List<String> rendered = new ArrayList<>(createVersionTable());
		rendered.addAll(this.dialect.render(List.of(new CreateTable(historyTableDefinition())), SchemaSource.EMPTY));
		for (String sql : rendered) {
			statements.add(sql.startsWith(CREATE_TABLE)
					? CREATE_TABLE_IF_NOT_EXISTS + sql.substring(CREATE_TABLE.length()) : sql);
		}
		return statements;
	}

	/**
	 * The statements an offline script starts with, after {@link #createStatements()}
	 * when it starts at base: they stop it, before anything changes, unless the version
	 * table holds exactly {@code expected} (none: base, which an empty or missing table
	 * is), with {@code message} as the error the database's client prints.
	 */
	public List<String> checkVersionsStatements(Set<String> expected, VersionCheckMessage message) {
		return this.dialect.versionCheck(this.versionTable, VERSION_COLUMN, new TreeSet<>(expected), message);
	}

	/**
	 * The statements that move the version table from {@code before} to {@code after},
	 * with the ids written as literals, for an offline script.
	 */
	public List<String> moveVersionsStatements(Set<String> before, Set<String> after) {
		List<String> removed = before.stream().filter((version) -> !after.contains(version)).toList();
		List<String> added = after.stream().filter((version) -> !before.contains(version)).toList();
		List<String> statements = new ArrayList<>();
		if (removed.size() == 1 && added.size() == 1) {
			statements.add(bind(this.updateVersion, added.get(0), removed.get(0)));
			return statements;
		}
		removed.forEach((version) -> statements.add(bind(this.deleteVersion, version)));
		added.forEach((version) -> statements.add(bind(this.insertVersion, version)));
		return statements;
	}

	/**
	 * The statement that records a step in the history table with the time the script
	 * runs, for an offline script.
	 */
	public String historyStatement(String revision, String direction, String checksum, String appliedBy,
			String message) {
		String now = this.dialect.currentInstantExpression();
		String values = String.join(", ", this.dialect.literal(revision), this.dialect.literal(direction),
				this.dialect.literal(checksum), now, "0", this.dialect.literal(abbreviate(appliedBy, MAX_NAME)),
				this.dialect.literal(true), this.dialect.literal(abbreviate(message, MAX_TEXT)), "NULL");
		return this.insertHistory.substring(0, this.insertHistory.indexOf("VALUES (")) + "VALUES (" + values + ")";
	}

	/** The statement with each {@code ?} replaced by the next value as a literal. */
	private String bind(String sql, String... values) {
		StringBuilder bound = new StringBuilder();
		int value = 0;
		for (char c : sql.toCharArray()) {
			bound.append((c == '?') ? this.dialect.literal(values[value++]) : String.valueOf(c));
		}
		return bound.toString();
	}

	/**
	 * One row of the history table.
	 *
	 * @param revision the revision id
	 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param checksum the revision's checksum, or {@code null}
	 * @param appliedAt when the step finished
	 * @param durationMillis how long it took
	 * @param appliedBy who ran it
	 * @param success whether it succeeded
	 * @param message the revision's message
	 * @param error what went wrong, for a failed step
	 */
	public record HistoryRecord(String revision, String direction, String checksum, Instant appliedAt,
			long durationMillis, String appliedBy, boolean success, String message, String error) {

	}

}
