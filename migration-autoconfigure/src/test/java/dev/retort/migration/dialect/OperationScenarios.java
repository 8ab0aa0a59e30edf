package dev.retort.migration.dialect;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.BulkInsert;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
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
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every operation, applied through a dialect to a real database: the live schema read
 * back and checked, then the inverse applied and the schema as it was at the start. Each
 * scenario is written once and runs on SQLite and PostgreSQL.
 */
abstract class OperationScenarios extends DatabaseScenario {

	// ---- the operations, one by one

	@Test
	void createTableWithEveryPortableTypeAndInlineConstraints() throws Exception {
		Schema start = schema();
		Table parent = Table.of("projects",
				List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("name", Type.TEXT).notNull()));
		Table tasks = Table.of("tasks", List.of(Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
				Column.of("project_id", Type.INTEGER).notNull(), Column.of("title", Type.varchar(200)).notNull(),
				Column.of("done", Type.BOOLEAN).notNull().serverDefault("false"), Column.of("rank", Type.SMALLINT),
				Column.of("body", Type.TEXT), Column.of("price", Type.numeric(10, 2)), Column.of("ratio", Type.FLOAT),
				Column.of("score", Type.DOUBLE), Column.of("due", Type.DATE), Column.of("at", Type.TIME),
				Column.of("created_at", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"),
				Column.of("seen_at", Type.TIMESTAMP_TZ), Column.of("token", Type.UUID), Column.of("data", Type.BINARY),
				Column.of("meta", Type.JSON), Column.of("status", Type.varchar(20)).serverDefault("'open'"),
				new UniqueConstraint("uq_tasks_title", List.of("project_id", "title")),
				new ForeignKey("fk_tasks_project", List.of("project_id"), "projects", List.of("id"),
						ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION),
				new CheckConstraint("ck_tasks_price", "price >= 0")));
		if (this.dialect.name().equals("sqlite")) {
			// SQLite's AUTOINCREMENT is for INTEGER keys only
			tasks = tasks.withColumns(
					tasks.columns().stream().map((c) -> c.name().equals("id") ? c.type(Type.INTEGER) : c).toList());
		}

		apply(new CreateTable(parent), new CreateTable(tasks));

		Table created = table("tasks");
		assertThat(created.columns()).extracting(Column::name)
			.containsExactly("id", "project_id", "title", "done", "rank", "body", "price", "ratio", "score", "due",
					"at", "created_at", "seen_at", "token", "data", "meta", "status");
		assertThat(created.columns()).extracting(Column::type)
			.containsExactlyElementsOf(tasks.columns().stream().map(Column::type).toList());
		assertThat(created.column("id").get().isAutoIncrement()).isTrue();
		assertThat(created.column("title").get().isNullable()).isFalse();
		assertThat(created.column("status").get().serverDefault()).isEqualTo("'open'");
		assertThat(created.primaryKey().columns()).containsExactly("id");
		assertThat(created.uniqueConstraints()).containsExactly(tasks.uniqueConstraints().get(0));
		assertThat(created.foreignKeys()).containsExactly(tasks.foreignKeys().get(0));
		assertThat(created.checks()).extracting(CheckConstraint::name).containsExactly("ck_tasks_price");

		execute("INSERT INTO projects (id, name) VALUES (1, 'retort')");
		execute("INSERT INTO tasks (project_id, title, price) VALUES (1, 'first', 2.50)");
		assertThat(queryString("SELECT status FROM tasks")).isEqualTo("open");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO tasks (project_id, title, price) VALUES (1, 'second', -1)"));

		applyInverse(new CreateTable(parent), new CreateTable(tasks));
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void renameTable() throws Exception {
		apply(new CreateTable(Table.of("agents", List.of(Column.of("id", Type.INTEGER).primaryKey()))));
		execute("INSERT INTO agents (id) VALUES (7)");
		Schema start = schema();

		RenameTable rename = new RenameTable("agents", "workers");
		apply(rename);
		assertThat(schema().table("agents")).isEmpty();
		assertThat(queryString("SELECT id FROM workers")).isEqualTo("7");

		applyInverse(rename);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void addColumnWithServerDefaultAndTwoColumnIndex() throws Exception {
		givenTasksWithRows();
		Schema start = schema();

		AddColumn priority = new AddColumn("tasks", Column.of("priority", Type.INTEGER).notNull().serverDefault("0"));
		CreateIndex index = new CreateIndex(Index.of("ix_tasks_priority", "tasks", "priority", "created_at"), false);
		apply(priority, index);

		Table tasks = table("tasks");
		assertThat(tasks.column("priority")).get()
			.satisfies((c) -> assertThat(c.isNullable()).isFalse())
			.satisfies((c) -> assertThat(c.serverDefault()).isEqualTo("0"));
		assertThat(tasks.indexes()).containsExactly(Index.of("ix_tasks_priority", "tasks", "priority", "created_at"));
		assertThat(queryList("SELECT priority FROM tasks ORDER BY id")).containsExactly("0", "0");

		applyInverse(priority, index);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void dropColumnWithItsDefinitionIsReversible() throws Exception {
		givenTasksWithRows();
		apply(new AddColumn("tasks", Column.of("notes", Type.TEXT).serverDefault("'none'")));
		Schema start = schema();

		DropColumn drop = new DropColumn("tasks", "notes", table("tasks").column("notes").get());
		apply(drop);
		assertThat(table("tasks").column("notes")).isEmpty();

		applyInverse(drop);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void dropIndexedColumn() throws Exception {
		givenTasksWithRows();
		apply(new AddColumn("tasks", Column.of("owner", Type.varchar(40))),
				new CreateIndex(Index.of("ix_tasks_owner", "tasks", "owner"), false));
		execute("UPDATE tasks SET owner = 'ann'");

		apply(new DropColumn("tasks", "owner", null));

		Table tasks = table("tasks");
		assertThat(tasks.column("owner")).isEmpty();
		assertThat(tasks.indexes()).isEmpty();
		assertThat(queryList("SELECT title FROM tasks ORDER BY id")).containsExactly("write spec", "ship it");
	}

	@Test
	void alterColumnTypeNullabilityDefaultNameAndCommentInOneOperation() throws Exception {
		apply(new CreateTable(Table.of("tasks",
				List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("estimate", Type.TEXT)))));
		execute("INSERT INTO tasks (id, estimate) VALUES (1, '3'), (2, '15')");
		Schema start = schema();

		Column existing = table("tasks").column("estimate").get();
		AlterColumn alter = alter("tasks", "estimate",
				(c) -> c.rename("estimate_hours")
					.type(Type.INTEGER)
					.notNull()
					.serverDefault("1")
					.comment("hours of work")
					.existing(existing));
		apply(alter);

		Column changed = table("tasks").column("estimate_hours").get();
		assertThat(changed.type()).isEqualTo(Type.INTEGER);
		assertThat(changed.isNullable()).isFalse();
		assertThat(changed.serverDefault()).isEqualTo("1");
		if (this.dialect.name().equals("postgresql")) {
			assertThat(changed.comment()).isEqualTo("hours of work");
		}
		assertThat(queryList("SELECT estimate_hours + 1 FROM tasks ORDER BY id")).containsExactly("4", "16");

		applyInverse(alter);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
		assertThat(queryList("SELECT estimate FROM tasks ORDER BY id")).containsExactly("3", "15");
	}

	@Test
	void renameColumnKeepsData() throws Exception {
		givenTasksWithRows();
		Schema start = schema();

		AlterColumn rename = alter("tasks", "title", (c) -> c.rename("summary"));
		apply(rename);
		assertThat(queryList("SELECT summary FROM tasks ORDER BY id")).containsExactly("write spec", "ship it");

		applyInverse(rename);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void addNotNullColumnToTableWithRowsViaNullableUpdateSetNotNull() throws Exception {
		givenTasksWithRows();
		Schema start = schema();

		AddColumn add = new AddColumn("tasks", Column.of("owner", Type.varchar(40)));
		apply(add);
		execute("UPDATE tasks SET owner = 'ann'");
		AlterColumn notNull = alter("tasks", "owner",
				(c) -> c.notNull().existing(Column.of("owner", Type.varchar(40))));
		apply(notNull);

		assertThat(table("tasks").column("owner").get().isNullable()).isFalse();
		assertThat(queryList("SELECT owner FROM tasks")).containsExactly("ann", "ann");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO tasks (id, title) VALUES (3, 'no owner')"));

		applyInverse(add, notNull);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void notNullColumnWithoutDefaultNeedsAnEmptyTable() throws Exception {
		givenTasksWithRows();
		Schema start = schema();
		AddColumn owner = new AddColumn("tasks", Column.of("owner", Type.TEXT).notNull());

		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> apply(owner));
		assertThat(canonical(schema())).isEqualTo(canonical(start));

		execute("DELETE FROM tasks");
		apply(owner);
		assertThat(table("tasks").column("owner").get().isNullable()).isFalse();
	}

	@Test
	void dropColumnThatIsPartOfAForeignKeyAndAUniqueConstraint() throws Exception {
		givenTasksWithRows();
		apply(new CreateTable(Table
			.of("assignments", List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("task_id", Type.INTEGER),
					Column.of("role", Type.TEXT), new UniqueConstraint("uq_assignment", List.of("task_id", "role")),
					new ForeignKey("fk_assignment_task", List.of("task_id"), "tasks", List.of("id"), null, null)))));
		execute("INSERT INTO assignments (id, task_id, role) VALUES (1, 1, 'owner')");

		apply(new DropColumn("assignments", "task_id", null));

		Table assignments = table("assignments");
		assertThat(assignments.columns()).extracting(Column::name).containsExactly("id", "role");
		assertThat(assignments.foreignKeys()).isEmpty();
		assertThat(assignments.uniqueConstraints()).isEmpty();
		assertThat(queryList("SELECT role FROM assignments")).containsExactly("owner");
	}

	@Test
	void setNotNullFailsOnExistingNulls() throws Exception {
		givenTasksWithRows();
		apply(new AddColumn("tasks", Column.of("owner", Type.TEXT)));

		assertThatExceptionOfType(SQLException.class).isThrownBy(
				() -> apply(alter("tasks", "owner", (c) -> c.notNull().existing(Column.of("owner", Type.TEXT)))));

		assertThat(table("tasks").column("owner").get().isNullable()).isTrue();
		assertThat(queryList("SELECT title FROM tasks ORDER BY id")).containsExactly("write spec", "ship it");
	}

	@Test
	void createAndDropUniqueConstraint() throws Exception {
		givenTasksWithRows();
		Schema start = schema();

		AddConstraint unique = new AddConstraint("tasks", Constraint.unique("uq_tasks_title", "title"));
		apply(unique);
		assertThat(table("tasks").uniqueConstraints())
			.containsExactly(new UniqueConstraint("uq_tasks_title", List.of("title")));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO tasks (id, title) VALUES (3, 'ship it')"));

		applyInverse(unique);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void aConstraintAddedUnderANameTheTableHasIsRefusedInsteadOfKeptTwice() throws Exception {
		givenTasksWithRows();
		apply(new AddConstraint("tasks", Constraint.unique("uq_tasks_title", "title")));
		Schema before = schema();

		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> apply(new AddConstraint("tasks", Constraint.check("uq_tasks_title", "id > 0"))))
			.satisfies((refused) -> assertThat(messages(refused)).containsIgnoringCase("uq_tasks_title")
				.containsIgnoringCase("already"));

		assertThat(canonical(schema())).isEqualTo(canonical(before));
		assertThat(table("tasks").uniqueConstraints())
			.containsExactly(new UniqueConstraint("uq_tasks_title", List.of("title")));
		assertThat(table("tasks").checks()).isEmpty();
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Test
	void createAndDropForeignKeyWithActions() throws Exception {
		givenTasksWithRows();
		apply(new CreateTable(Table.of("comments", List.of(Column.of("id", Type.INTEGER).primaryKey(),
				Column.of("task_id", Type.INTEGER), Column.of("body", Type.TEXT)))));
		execute("INSERT INTO comments (id, task_id, body) VALUES (1, 1, 'looks good'), (2, 2, 'ok')");
		Schema start = schema();

		ForeignKey key = new ForeignKey("fk_comments_task", List.of("task_id"), "tasks", List.of("id"),
				ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT);
		AddConstraint add = new AddConstraint("comments", key);
		apply(add);

		assertThat(table("comments").foreignKeys()).containsExactly(key);
		execute("DELETE FROM tasks WHERE id = 1");
		assertThat(queryList("SELECT id FROM comments")).containsExactly("2");

		applyInverse(add);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
		assertThat(queryList("SELECT body FROM comments")).containsExactly("ok");
	}

	@Test
	void createAndDropCheckConstraint() throws Exception {
		givenTasksWithRows();
		Schema start = schema();

		AddConstraint check = new AddConstraint("tasks", Constraint.check("ck_tasks_id_positive", "id > 0"));
		apply(check);
		assertThat(table("tasks").checks()).extracting(CheckConstraint::name).containsExactly("ck_tasks_id_positive");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO tasks (id, title) VALUES (-1, 'negative')"));

		applyInverse(check);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void createAndDropPrimaryKey() throws Exception {
		apply(new CreateTable(Table.of("labels",
				List.of(Column.of("code", Type.varchar(10)).notNull(), Column.of("name", Type.TEXT)))));
		execute("INSERT INTO labels (code, name) VALUES ('bug', 'Bug')");
		Schema start = schema();

		AddConstraint key = new AddConstraint("labels", Constraint.primaryKey("pk_labels", "code"));
		apply(key);
		assertThat(table("labels").primaryKey()).isEqualTo(new PrimaryKey("pk_labels", List.of("code")));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO labels (code, name) VALUES ('bug', 'again')"));

		applyInverse(key);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void uniquePartialMultiColumnIndex() throws Exception {
		givenTasksWithRows();
		apply(new AddColumn("tasks", Column.of("done", Type.BOOLEAN).notNull().serverDefault("false")));
		Schema start = schema();

		Index index = new Index("ix_open_titles", "tasks", List.of("title", "id"), true, "done = false");
		CreateIndex create = new CreateIndex(index, false);
		apply(create);

		Index read = table("tasks").indexes().get(0);
		assertThat(read.name()).isEqualTo("ix_open_titles");
		assertThat(read.unique()).isTrue();
		assertThat(read.columns()).containsExactly("title", "id");
		assertThat(read.where()).containsIgnoringCase("done");

		applyInverse(create);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void tableAndColumnComments() throws Exception {
		givenTasksWithRows();
		Schema start = schema();

		SetTableComment tableComment = new SetTableComment("tasks", "work to do, it's important", Optional.empty());
		Column title = table("tasks").column("title").get();
		AlterColumn columnComment = alter("tasks", "title", (c) -> c.comment("what to do").existing(title));
		apply(tableComment, columnComment);

		if (this.dialect.name().equals("postgresql")) {
			assertThat(table("tasks").comment()).isEqualTo("work to do, it's important");
			assertThat(table("tasks").column("title").get().comment()).isEqualTo("what to do");
		}
		else {
			assertThat(canonical(schema())).isEqualTo(canonical(start));
		}

		applyInverse(tableComment, columnComment);
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	@Test
	void bulkInsertEscapesValues() throws Exception {
		givenTasksWithRows();
		Map<String, Object> tricky = new LinkedHashMap<>();
		tricky.put("id", 3);
		tricky.put("title", "O'Brien's \"quoted\" task; DROP TABLE tasks; --");
		Map<String, Object> empty = new LinkedHashMap<>();
		empty.put("id", 4);
		empty.put("title", null);

		apply(new BulkInsert("tasks", List.of(tricky, empty)));

		assertThat(queryList("SELECT title FROM tasks WHERE id >= 3 ORDER BY id"))
			.containsExactly("O'Brien's \"quoted\" task; DROP TABLE tasks; --", null);
	}

	// ---- identifiers that need quoting

	@Test
	void reservedWordsAndMixedCaseIdentifiers() throws Exception {
		Schema start = schema();
		Table order = Table.of("Order", List.of(Column.of("select", Type.INTEGER).primaryKey(),
				Column.of("From", Type.TEXT).notNull(), Column.of("group", Type.INTEGER)));
		List<Operation> upgrade = List.of(new CreateTable(order),
				new CreateIndex(Index.of("Index On Group", "Order", "group", "From"), false),
				new AddColumn("Order", Column.of("Where", Type.varchar(10)).serverDefault("'x'")),
				alter("Order", "group",
						(c) -> c.rename("Group By")
							.notNull()
							.serverDefault("0")
							.existing(Column.of("group", Type.INTEGER))),
				new AddConstraint("Order", Constraint.check("Check", "\"select\" > 0")),
				new AddConstraint("Order", Constraint.unique("Unique Name", "From")), new RenameTable("Order", "User"));
		apply(upgrade.toArray(Operation[]::new));
		execute("INSERT INTO \"User\" (\"select\", \"From\") VALUES (1, 'a')");

		Table user = table("User");
		assertThat(user.columns()).extracting(Column::name).containsExactly("select", "From", "Group By", "Where");
		assertThat(user.indexes()).extracting(Index::name).containsExactly("Index On Group");
		assertThat(user.indexes().get(0).columns()).containsExactly("Group By", "From");
		assertThat(queryString("SELECT \"Group By\" FROM \"User\"")).isEqualTo("0");

		execute("DELETE FROM \"User\"");
		applyInverse(upgrade.toArray(Operation[]::new));
		assertThat(canonical(schema())).isEqualTo(canonical(start));
	}

	// ---- the seed's examples

	@Test
	void seedCreateTableWithCascadingForeignKeysAndNamedUniqueConstraint() throws Exception {
		apply(new CreateTable(Table.of("users",
				List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(200)).notNull()))),
				new CreateTable(Table.of("projects",
						List.of(Column.of("id", Type.INTEGER).primaryKey(),
								Column.of("owner_id", Type.INTEGER).notNull(), Column.of("name", Type.TEXT).notNull(),
								new UniqueConstraint("uq_projects_owner_name", List.of("owner_id", "name")),
								new ForeignKey("fk_projects_owner", List.of("owner_id"), "users", List.of("id"),
										ForeignKey.Action.CASCADE, null)))));
		execute("INSERT INTO users (id, email) VALUES (1, 'a@example.com'), (2, 'b@example.com')");
		execute("INSERT INTO projects (id, owner_id, name) VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'x')");

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO projects (id, owner_id, name) VALUES (4, 1, 'x')"));
		execute("DELETE FROM users WHERE id = 1");

		assertThat(queryList("SELECT id FROM projects")).containsExactly("3");
		assertThat(table("projects").uniqueConstraints()).extracting(UniqueConstraint::name)
			.containsExactly("uq_projects_owner_name");
	}

}
