package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQLite's table rebuilds: what ALTER TABLE cannot do runs as the 12-step procedure, and
 * the rows, indexes, foreign keys, triggers and views around the table survive it.
 */
class SqliteRebuildTests extends DatabaseScenario {

	@TempDir
	Path directory;

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		return DriverManager.getConnection("jdbc:sqlite:" + this.directory.resolve("test.db") + "?foreign_keys=on");
	}

	@BeforeEach
	void givenProjectsWithTasksCommentsTriggersAndAView() throws Exception {
		apply(new CreateTable(Table.of("projects",
				List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("name", Type.TEXT).notNull()))));
		apply(new CreateTable(Table.of("tasks",
				List.of(Column.of("id", Type.INTEGER).primaryKey().autoIncrement(),
						Column.of("project_id", Type.INTEGER).notNull(),
						Column.of("title", Type.varchar(100)).notNull(), Column.of("estimate", Type.TEXT),
						Column.of("updated", Type.INTEGER).serverDefault("0"), new ForeignKey("fk_tasks_project",
								List.of("project_id"), "projects", List.of("id"), ForeignKey.Action.CASCADE, null)))));
		apply(new CreateTable(Table.of("comments",
				List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("task_id", Type.INTEGER),
						Column.of("body", Type.TEXT), new ForeignKey("fk_comments_task", List.of("task_id"), "tasks",
								List.of("id"), ForeignKey.Action.CASCADE, null)))));
		apply(new CreateIndex(Index.of("ix_tasks_title", "tasks", "title"), false));
		execute("CREATE VIEW open_tasks AS SELECT t.id, t.title, p.name FROM tasks t JOIN projects p ON p.id = t.project_id");
		execute("INSERT INTO projects (id, name) VALUES (1, 'retort'), (2, 'alembic')");
		execute("INSERT INTO tasks (project_id, title, estimate) VALUES (1, 'write spec', '3'), (1, 'ship', '5'), "
				+ "(2, 'port', NULL)");
		execute("INSERT INTO comments (id, task_id, body) VALUES (1, 1, 'first'), (2, 2, 'second'), (3, 3, 'third')");
	}

	@Test
	void rebuildKeepsRowsIndexesForeignKeysTriggersAndViews() throws Exception {
		List<String> before = queryList("SELECT id || '|' || project_id || '|' || title || '|' || "
				+ "coalesce(estimate, '-') FROM tasks ORDER BY id");
		execute("CREATE INDEX ix_tasks_lower_title ON tasks (lower(title))");
		execute("CREATE TRIGGER tasks_touch AFTER UPDATE OF title ON tasks BEGIN "
				+ "UPDATE tasks SET updated = updated + 1 WHERE id = NEW.id; END");
		Column estimate = table("tasks").column("estimate").get();

		List<String> statements = apply(
				AlterColumn.of("tasks", "estimate", (c) -> c.type(Type.INTEGER).existing(estimate)));

		assertThat(statements).anyMatch((sql) -> sql.startsWith("CREATE TABLE \"_retort_new_tasks\""));
		assertThat(queryList("SELECT id || '|' || project_id || '|' || title || '|' || coalesce(estimate, '-') "
				+ "FROM tasks ORDER BY id"))
			.containsExactlyElementsOf(before);
		assertThat(queryList("SELECT typeof(estimate) FROM tasks ORDER BY id")).containsExactly("integer", "integer",
				"null");
		Table tasks = table("tasks");
		assertThat(tasks.column("estimate").get().type()).isEqualTo(Type.INTEGER);
		assertThat(tasks.column("id").get().isAutoIncrement()).isTrue();
		assertThat(tasks.indexes()).extracting(Index::name).containsExactly("ix_tasks_title");
		assertThat(queryList("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' "
				+ "AND sql IS NOT NULL ORDER BY name"))
			.containsExactly("ix_tasks_lower_title", "ix_tasks_title");
		assertThat(tasks.foreignKeys()).extracting(ForeignKey::name).containsExactly("fk_tasks_project");
		assertThat(queryList("SELECT body FROM comments ORDER BY id")).containsExactly("first", "second", "third");
		assertThat(queryList("SELECT name FROM open_tasks ORDER BY id")).containsExactly("retort", "retort", "alembic");

		execute("UPDATE tasks SET title = 'write the spec' WHERE id = 1");
		assertThat(queryList("SELECT updated FROM tasks WHERE id = 1")).containsExactly("1");
		execute("DELETE FROM tasks WHERE id = 2");
		assertThat(queryList("SELECT body FROM comments ORDER BY id")).containsExactly("first", "third");
		execute("DELETE FROM projects WHERE id = 2");
		assertThat(queryList("SELECT title FROM tasks ORDER BY id")).containsExactly("write the spec");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO tasks (project_id, title) VALUES (99, 'orphan')"));
	}

	@Test
	void rebuildKeepsTheSortOrderOfAnIndexColumn() throws Exception {
		apply(new CreateIndex(Index.of("ix_tasks_recent", "tasks", "project_id", "id").descending("id"), false));
		Column estimate = table("tasks").column("estimate").get();

		apply(AlterColumn.of("tasks", "estimate", (c) -> c.type(Type.INTEGER).existing(estimate)));

		assertThat(table("tasks").indexes()).filteredOn((index) -> index.name().equals("ix_tasks_recent"))
			.singleElement()
			.satisfies((index) -> assertThat(index.descending()).containsExactly("id"));
	}

	@Test
	void rebuildingAParentKeepsItsChildrenRows() throws Exception {
		apply(new AddConstraint("projects", Constraint.check("ck_projects_name", "length(name) > 0")));

		assertThat(queryList("SELECT title FROM tasks ORDER BY id")).containsExactly("write spec", "ship", "port");
		assertThat(queryList("SELECT count(*) FROM pragma_foreign_key_check")).containsExactly("0");
		assertThat(table("projects").checks()).extracting(Constraint::name).containsExactly("ck_projects_name");
	}

	@Test
	void consecutiveOperationsOnOneTableShareOneRebuild() throws Exception {
		Column estimate = table("tasks").column("estimate").get();
		List<Operation> operations = List.of(
				new AddColumn("tasks", Column.of("due", Type.DATE).notNull().serverDefault("CURRENT_DATE")),
				AlterColumn.of("tasks", "estimate",
						(c) -> c.type(Type.INTEGER).notNull().serverDefault("1").existing(estimate)),
				AlterColumn.of("tasks", "title", (c) -> c.rename("summary")),
				new AddConstraint("tasks", Constraint.unique("uq_tasks_summary", "summary")),
				new DropColumn("tasks", "updated", null));
		execute("UPDATE tasks SET estimate = '8' WHERE estimate IS NULL");

		List<String> statements = apply(operations.toArray(Operation[]::new));

		assertThat(statements.stream().filter((sql) -> sql.startsWith("CREATE TABLE"))).hasSize(1);
		Table tasks = table("tasks");
		assertThat(tasks.columns()).extracting(Column::name)
			.containsExactly("id", "project_id", "summary", "estimate", "due");
		assertThat(tasks.uniqueConstraints()).extracting(Constraint::name).containsExactly("uq_tasks_summary");
		assertThat(tasks.indexes().get(0).columns()).containsExactly("summary");
		assertThat(queryList("SELECT summary || ':' || estimate FROM tasks ORDER BY id"))
			.containsExactly("write spec:3", "ship:5", "port:8");
		assertThat(queryList("SELECT count(*) FROM tasks WHERE due IS NULL")).containsExactly("0");
	}

	@Test
	void rebuildThatBreaksAForeignKeyFailsAndChangesNothing() throws Exception {
		execute("PRAGMA foreign_keys=OFF");
		execute("INSERT INTO comments (id, task_id, body) VALUES (4, 42, 'orphan')");
		execute("PRAGMA foreign_keys=ON");
		apply(new DropConstraint("comments", "fk_comments_task", null, null));
		List<String> before = queryList("SELECT sql FROM sqlite_master ORDER BY name");

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> apply(new AddConstraint("comments",
					new ForeignKey("fk_comments_task", List.of("task_id"), "tasks", List.of("id"),
							ForeignKey.Action.CASCADE, null))))
			.withMessageContaining("rebuilding comments leaves rows that break foreign keys");

		assertThat(queryList("SELECT sql FROM sqlite_master ORDER BY name")).isEqualTo(before);
		assertThat(queryList("SELECT body FROM comments ORDER BY id")).containsExactly("first", "second", "third",
				"orphan");
	}

	@Test
	void rebuildOfAParentRefusesToRunWithForeignKeyEnforcementOn() throws Exception {
		List<String> statements = this.dialect.render(
				List.of(new AddConstraint("tasks", Constraint.check("ck_title", "length(title) > 0"))),
				this.dialect.live(this.connection));
		this.connection.setAutoCommit(false);

		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> {
			for (String sql : statements) {
				execute(sql);
			}
		}).withMessageContaining("needs PRAGMA foreign_keys=OFF");

		this.connection.rollback();
		this.connection.setAutoCommit(true);
		assertThat(queryList("SELECT body FROM comments ORDER BY id")).containsExactly("first", "second", "third");
	}

	@Test
	void offlineRebuildReadsTheTableFromEarlierOperations() {
		SimulatedSchema simulated = new SimulatedSchema();
		List<Operation> operations = List.of(
				new CreateTable(Table.of("notes",
						List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("body", Type.TEXT)))),
				AlterColumn.of("notes", "body", (c) -> c.notNull()));

		List<String> statements = this.dialect.render(operations, simulated);

		assertThat(statements).contains("CREATE TABLE \"_retort_new_notes\" (\"id\" INTEGER NOT NULL, "
				+ "\"body\" TEXT NOT NULL, PRIMARY KEY (\"id\"))");
	}

	@Test
	void droppingAnIndexedColumnRebuilds() throws Exception {
		apply(new CreateIndex(Index.of("ix_tasks_estimate", "tasks", "estimate"), false));

		List<String> statements = apply(new DropColumn("tasks", "estimate", null));

		assertThat(statements).anyMatch((sql) -> sql.startsWith("CREATE TABLE \"_retort_new_tasks\""));
		assertThat(table("tasks").column("estimate")).isEmpty();
		assertThat(table("tasks").indexes()).extracting(Index::name).containsExactly("ix_tasks_title");
		assertThat(queryList("SELECT title FROM tasks ORDER BY id")).containsExactly("write spec", "ship", "port");
	}

	@Test
	void aSchemaSourceThatDoesNotKnowTheTriggersCannotLoseThem() throws Exception {
		execute("CREATE TRIGGER tasks_touch AFTER UPDATE OF title ON tasks BEGIN "
				+ "UPDATE tasks SET updated = updated + 1 WHERE id = NEW.id; END");
		Schema live = schema();
		SchemaSource tablesOnly = live::table;

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> apply(tablesOnly, new AddConstraint("tasks", Constraint.check("ck", "id > 0"))))
			.withMessageContaining("would lose indexes, triggers");

		assertThat(queryList("SELECT name FROM sqlite_master WHERE type = 'trigger'")).containsExactly("tasks_touch");
		assertThat(table("tasks").checks()).isEmpty();
	}

	@Test
	void withoutTheListOfTablesTheForeignKeyCheckCoversTheWholeDatabase() throws Exception {
		execute("PRAGMA foreign_keys=OFF");
		execute("INSERT INTO comments (id, task_id, body) VALUES (4, 42, 'orphan')");
		execute("PRAGMA foreign_keys=ON");
		SchemaSource tablesOnly = schema()::table;
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> apply(tablesOnly, new AddConstraint("tasks", Constraint.check("ck", "id > 0"))))
			.withMessageContaining("rebuilding tasks leaves rows that break foreign keys");
	}

	@Test
	void autoincrementIdsAreNotReusedAfterARebuild() throws Exception {
		execute("DELETE FROM tasks WHERE id = 3");

		apply(new AddConstraint("tasks", Constraint.check("ck_title", "length(title) > 0")));
		execute("INSERT INTO tasks (project_id, title) VALUES (1, 'next')");

		assertThat(queryList("SELECT id FROM tasks WHERE title = 'next'")).containsExactly("4");
	}

	@Test
	void preparingAConnectionTurnsEnforcementOffOnlyWhereItWasOn() throws Exception {
		List<String> restore = this.dialect.prepareOutsideTransaction(this.connection);
		assertThat(queryList("PRAGMA foreign_keys")).containsExactly("0");
		execute(String.join(";", restore));
		assertThat(queryList("PRAGMA foreign_keys")).containsExactly("1");

		execute("PRAGMA foreign_keys=OFF");
		assertThat(this.dialect.prepareOutsideTransaction(this.connection)).isEmpty();
		assertThat(queryList("PRAGMA foreign_keys")).containsExactly("0");
	}

	@Test
	void aTableWithGeneratedColumnsIsNotRebuiltWithoutThem() throws Exception {
		execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, net NUMERIC, gross NUMERIC AS (net * 1.2))");
		execute("INSERT INTO invoices (id, net) VALUES (1, 100)");

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> apply(new AddConstraint("invoices", Constraint.check("ck_net", "net >= 0"))))
			.withMessageContaining("generated columns");

		assertThat(queryList("SELECT gross FROM invoices")).containsExactly("120");
	}

	@Test
	void aStrictTableIsNotRebuiltIntoALooseOne() throws Exception {
		execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, value REAL) STRICT");

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> apply(new AddConstraint("readings", Constraint.check("ck_value", "value >= 0"))))
			.withMessageContaining("STRICT");
	}

}
