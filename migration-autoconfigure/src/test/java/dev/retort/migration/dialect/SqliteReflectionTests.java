package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading back SQLite tables written by hand, in all the ways SQLite lets one write them.
 */
class SqliteReflectionTests extends DatabaseScenario {

	@TempDir
	Path directory;

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		return DriverManager.getConnection("jdbc:sqlite:" + this.directory.resolve("test.db") + "?foreign_keys=on");
	}

	@Test
	void readsAHandWrittenSchema() throws Exception {
		execute("CREATE TABLE [teams] (id INTEGER PRIMARY KEY AUTOINCREMENT, `name` varchar(80) NOT NULL UNIQUE)");
		execute("CREATE TABLE \"members\" ( -- people\n id INTEGER NOT NULL, team_id INT "
				+ "CONSTRAINT fk_team REFERENCES teams ON DELETE SET NULL, salary DECIMAL(12, 2) CHECK (salary > 0), "
				+ "role TEXT DEFAULT 'dev', joined TIMESTAMP DEFAULT (datetime('now')), note,"
				+ " CONSTRAINT pk_members PRIMARY KEY (id), CONSTRAINT uq_role UNIQUE (team_id, role),"
				+ " CONSTRAINT \"weird, name\" CHECK (role IN ('dev', 'ops')))");
		execute("CREATE INDEX ix_members_role ON members (role) WHERE role <> 'guest'");
		execute("ANALYZE");

		Table teams = table("teams");
		Table members = table("members");

		assertThat(schema().tables().keySet()).containsExactlyInAnyOrder("teams", "members");
		assertThat(queryList("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_s%' ORDER BY name"))
			.contains("sqlite_sequence", "sqlite_stat1");
		assertThat(teams.column("id").get().isAutoIncrement()).isTrue();
		assertThat(teams.column("name").get().type()).isEqualTo(Type.varchar(80));
		assertThat(teams.uniqueConstraints()).singleElement()
			.satisfies((unique) -> assertThat(unique.columns()).containsExactly("name"));
		assertThat(members.columns()).extracting(Column::type)
			.containsExactly(Type.INTEGER, Type.INTEGER, Type.numeric(12, 2), Type.TEXT, Type.TIMESTAMP,
					Type.raw("BLOB"));
		assertThat(members.primaryKey().name()).isEqualTo("pk_members");
		assertThat(members.column("joined").get().serverDefault()).isEqualTo("datetime('now')");
		assertThat(members.foreignKeys()).singleElement().satisfies((fk) -> {
			assertThat(fk.name()).isEqualTo("fk_team");
			assertThat(fk.referencedColumns()).containsExactly("id");
			assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
		});
		assertThat(members.uniqueConstraints()).singleElement()
			.satisfies((unique) -> assertThat(unique.name()).isEqualTo("uq_role"));
		assertThat(members.checks()).extracting((check) -> check.name() + ":" + check.expression())
			.containsExactly("null:salary > 0", "weird, name:role IN ('dev', 'ops')");
		assertThat(members.indexes()).singleElement()
			.satisfies((index) -> assertThat(index.where()).isEqualTo("role <> 'guest'"));
	}

	@Test
	void uniqueConstraintsAreTheirAutoindexesAndForeignKeysKeepAllTheirColumns() throws Exception {
		execute("CREATE TABLE parents (a INTEGER, b TEXT, PRIMARY KEY (a, b))");
		execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE, x INT, y INT, "
				+ "z TEXT CONSTRAINT uq_z UNIQUE, pa INT, pb TEXT, CONSTRAINT uq_xy UNIQUE (y, x), UNIQUE (x, z), "
				+ "CONSTRAINT fk_parent FOREIGN KEY (pb, pa) REFERENCES parents (b, a) ON UPDATE CASCADE, "
				+ "FOREIGN KEY (x) REFERENCES t (id) ON DELETE SET NULL)");
		execute("CREATE UNIQUE INDEX ix_t_code_x ON t (code, x)");
		execute("CREATE INDEX ix_t_lower_code ON t (lower(code))");

		assertThat(table("t")).isEqualTo(
				new Table("t",
						List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("code", Type.TEXT),
								Column.of("x", Type.INTEGER), Column.of("y", Type.INTEGER), Column.of("z", Type.TEXT),
								Column.of("pa", Type.INTEGER), Column.of("pb", Type.TEXT)),
						new PrimaryKey(null, List.of("id")),
						List.of(new UniqueConstraint(null, List.of("code")), new UniqueConstraint("uq_z", List.of("z")),
								new UniqueConstraint("uq_xy", List.of("y", "x")),
								new UniqueConstraint(null, List.of("x", "z"))),
						List.of(new ForeignKey("fk_parent", List.of("pb", "pa"), "parents", List.of("b", "a"),
								ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE),
								new ForeignKey(null, List.of("x"), "t", List.of("id"), ForeignKey.Action.SET_NULL,
										ForeignKey.Action.NO_ACTION)),
						List.of(), List.of(new Index("ix_t_code_x", "t", List.of("code", "x"), true, null)), null));
		assertThat(table("parents").uniqueConstraints()).isEmpty();
		assertThat(table("parents").indexes()).isEmpty();
	}

	@Test
	void serverDefaultsLoseTheParenthesesSqliteKeeps() throws Exception {
		execute("CREATE TABLE d (a INT DEFAULT ((1)), b TEXT DEFAULT NULL, c TEXT DEFAULT 'x', "
				+ "e TIMESTAMP DEFAULT CURRENT_TIMESTAMP, f INT DEFAULT -1, g TEXT DEFAULT (lower('X')), "
				+ "h TEXT DEFAULT ('(a)' || ')'))");

		Map<String, String> defaults = new LinkedHashMap<>();
		table("d").columns().forEach((column) -> defaults.put(column.name(), column.serverDefault()));

		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("a", "1");
		expected.put("b", null);
		expected.put("c", "'x'");
		expected.put("e", "CURRENT_TIMESTAMP");
		expected.put("f", "-1");
		expected.put("g", "lower('X')");
		expected.put("h", "'(a)' || ')'");
		assertThat(defaults).containsExactlyEntriesOf(expected);
	}

	@Test
	void declaredTypesArePortableWhereOneFitsAndOtherwiseAsWritten() throws Exception {
		execute("CREATE TABLE ty (a varchar(80), b DECIMAL(12, 2), c TIMESTAMP WITH TIME ZONE(6), d datetime, "
				+ "e Json, f nvarchar(10), g TIMESTAMP(3), h unsigned big int, i BOOLEAN)");

		assertThat(table("ty").columns()).extracting(Column::type)
			.containsExactly(Type.varchar(80), Type.numeric(12, 2), Type.timestampWithTimeZone(6), Type.TIMESTAMP,
					Type.JSON, Type.raw("nvarchar(10)"), Type.timestamp(3), Type.raw("unsigned big int"), Type.BOOLEAN);
	}

	@Test
	void theWholeSchemaIsReadInAHandfulOfQueriesWhateverTheNumberOfTables() throws Exception {
		givenLinkedTables(0, 3);
		CountedStatements counted = new CountedStatements(this.connection);
		Schema few = this.dialect.reflect(counted.connection());
		int queriesForFew = counted.take();
		givenLinkedTables(3, 40);
		Schema many = this.dialect.reflect(counted.connection());
		int queriesForMany = counted.take();

		assertThat(few.tables()).hasSize(3);
		assertThat(many.tables()).hasSize(40);
		assertThat(queriesForMany).isEqualTo(queriesForFew).isLessThanOrEqualTo(6);
		SchemaSource live = this.dialect.live(this.connection);
		List<Table> oneByOne = new ArrayList<>();
		for (String name : live.tableNames()) {
			oneByOne.add(live.table(name).orElseThrow());
		}
		assertThat(Schema.of(oneByOne)).isEqualTo(many);
	}

	@Test
	void aRebuildReadsTheRebuiltTableAndFindsItsChildrenInOneQuery() throws Exception {
		givenLinkedTables(0, 40);
		CountedStatements counted = new CountedStatements(this.connection);
		AddConstraint check = new AddConstraint("t20", Constraint.check("ck_t20_code", "length(code) > 1"));

		List<String> statements = this.dialect.render(List.of(check), this.dialect.live(counted.connection()));

		// the table (6 queries), its triggers (2) and its children (1); not the 39 others
		assertThat(counted.take()).isEqualTo(9);
		assertThat(statements).filteredOn((sql) -> sql.contains("pragma_foreign_key_check("))
			.singleElement()
			.satisfies((sql) -> assertThat(sql)
				.contains("pragma_foreign_key_check('t20')", "pragma_foreign_key_check('t21')")
				.doesNotContain("'t19'", "'t22'"));
		apply(check);
		assertThat(table("t20").checks()).extracting(CheckConstraint::name).containsExactly(null, "ck_t20_code");
	}

	@Test
	void listsTheGeneratedColumnsItsReaderHidesWithTheirExpressionsAsWritten() throws Exception {
		execute("CREATE TABLE \"boxes, big\" (id INTEGER PRIMARY KEY, w INT, h INT, "
				+ "\"area (cm)\" INT GENERATED ALWAYS AS (w * (h + 0)) STORED, -- a comment, (with parens\n"
				+ "label TEXT AS (printf('%d, %d', w, h)), note TEXT DEFAULT 'AS (x)', " + "CHECK (w > 0))");
		execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, w INT)");
		execute("ALTER TABLE plain ADD COLUMN doubled INT GENERATED ALWAYS AS (w*2) VIRTUAL");

		assertThat(this.dialect.unreflectedGeneratedColumns(this.connection)).containsExactly(
				new Dialect.GeneratedColumn("boxes, big", "area (cm)", "INT", "w * (h + 0)"),
				new Dialect.GeneratedColumn("boxes, big", "label", "TEXT", "printf('%d, %d', w, h)"),
				new Dialect.GeneratedColumn("plain", "doubled", "INT", "w*2"));
		assertThat(table("boxes, big").columns()).as("the reader itself still leaves them out")
			.extracting(Column::name)
			.containsExactly("id", "w", "h", "note");
	}

	/** Tables {@code t<from>} to {@code t<to - 1>}, each referencing the one before. */
	private void givenLinkedTables(int from, int to) throws Exception {
		for (int i = from; i < to; i++) {
			execute("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY AUTOINCREMENT, code VARCHAR(40) NOT NULL UNIQUE, "
					+ "amount NUMERIC(12, 2) DEFAULT 0 CHECK (amount >= 0), parent_id INTEGER"
					+ ((i > 0) ? " REFERENCES t" + (i - 1) + " (id) ON DELETE CASCADE" : "")
					+ ", created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
			execute("CREATE INDEX ix_t" + i + "_parent ON t" + i + " (parent_id, created_at)");
		}
	}

}
