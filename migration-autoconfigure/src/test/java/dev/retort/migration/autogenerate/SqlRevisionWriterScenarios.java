package dev.retort.migration.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.IrreversibleOperationException;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An SQL revision written for the database in front of it, read back as Retort reads
 * revision files, and run up and down on that database: the upgrade makes the changes and
 * keeps the rows, the downgrade puts the schema back as it was.
 */
abstract class SqlRevisionWriterScenarios {

	private static final Instant CREATED = Instant.parse("2026-11-21T12:05:00Z");

	private static final Column TITLE = Column.of("title", Type.TEXT).notNull();

	private static final Column LEGACY = Column.of("legacy_owner", Type.varchar(100));

	@TempDir
	Path directory;

	abstract TestDatabase database();

	abstract DataSource dataSource();

	@BeforeEach
	void givenProjectsAndTasksWithARow() throws SQLException {
		database().reset();
		try (Connection connection = database().connect()) {
			Dialect dialect = Dialects.of(connection);
			List<Operation> setup = List.of(
					new CreateTable(Table.of("projects", Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
							Column.of("name", Type.TEXT).notNull())),
					new CreateTable(Table.of("tasks", Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
							Column.of("project_id", Type.BIGINT).notNull(), TITLE, LEGACY,
							Constraint.foreignKey("fk_tasks_project", "project_id", "projects", "id"))));
			try (Statement statement = connection.createStatement()) {
				for (String sql : dialect.render(setup, SchemaSource.EMPTY)) {
					statement.execute(sql);
				}
				statement.execute("INSERT INTO projects (id, name) VALUES (1, 'retort')");
				statement
					.execute("INSERT INTO tasks (id, project_id, title, legacy_owner) VALUES (1, 1, 'ship', 'bob')");
			}
		}
	}

	@Test
	void aGeneratedSqlRevisionUpgradesAndDowngradesTheDatabase() throws Exception {
		Table tasksBefore = reflect("tasks");
		List<Operation> operations = List.of(
				new CreateTable(Table.of("assignments", Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
						Column.of("task_id", Type.BIGINT).notNull(), Column.of("note", Type.TEXT),
						Constraint.foreignKey("fk_assignments_task", "task_id", "tasks", "id")
							.onDelete(ForeignKey.Action.CASCADE))),
				new CreateIndex(Index.of("ix_assignments_task", "assignments", "task_id"), false),
				new AddColumn("tasks", Column.of("priority", Type.INTEGER).notNull().serverDefault("0")),
				AlterColumn.of("tasks", "title", (c) -> c.type(Type.varchar(200)).existing(TITLE)),
				new DropColumn("tasks", "legacy_owner", LEGACY));
		List<Step> upgrade = new ArrayList<>();
		List<Step> downgrade = new ArrayList<>();
		for (Operation operation : operations) {
			upgrade.add((operation instanceof DropColumn) ? Step.destructive(operation, "drops tasks.legacy_owner")
					: Step.of(operation));
			downgrade.add(0, Step.of(operation.inverse()));
		}
		upgrade.add(Step.todo("check the new priorities"));
		RevisionDraft draft = new RevisionDraft("5e6f7a8b9c0d", List.of(), "add task assignments!", List.of("work"),
				CREATED, upgrade, downgrade);

		Path file = write(draft);

		String dialect = dialectName();
		assertThat(file.getFileName())
			.hasToString("20261121_1205_5e6f7a8b9c0d_add_task_assignments." + dialect + ".sql");
		assertThat(Files.readString(file)).startsWith("""
				-- revision: 5e6f7a8b9c0d
				-- revises:
				-- message: add task assignments!
				-- branch-labels: work
				-- created: 2026-11-21T12:05:00Z
				-- dialect: %s
				-- +upgrade
				""".formatted(dialect))
			.containsSubsequence("-- drops tasks.legacy_owner\n", "-- TODO check the new priorities\n",
					"-- +downgrade\n");
		RevisionScript revision = RevisionGraph
			.load(List.of("filesystem:" + this.directory), getClass().getClassLoader())
			.get("5e6f7a8b9c0d");
		assertThat(revision.message()).isEqualTo("add task assignments!");
		assertThat(revision.branchLabels()).containsExactly("work");
		assertThat(revision.created()).isEqualTo(CREATED);
		assertThat(revision.dialects()).containsExactly(dialect);

		migrator().upgrade("heads");
		assertThat(reflect("tasks").column("priority")).isPresent();
		assertThat(reflect("tasks").column("legacy_owner")).isEmpty();
		assertThat(reflect("tasks").column("title").get().type()).isEqualTo(Type.varchar(200));
		assertThat(reflect("assignments").foreignKeys()).singleElement()
			.satisfies((key) -> assertThat(key.onDelete()).isEqualTo(ForeignKey.Action.CASCADE));
		assertThat(rows("SELECT title, priority FROM tasks")).containsExactly("ship|0");

		migrator().downgrade("base");
		assertThat(tableExists("assignments")).isFalse();
		assertThat(reflect("tasks")).isEqualTo(tasksBefore);
		assertThat(rows("SELECT title, legacy_owner FROM tasks")).containsExactly("ship|null");
	}

	@Test
	void commentedChangesToOneTableAreOneRebuildOnSqliteAndEachUnderItsCommentElsewhere() throws Exception {
		Table tasksBefore = reflect("tasks");
		Operation narrow = AlterColumn.of("tasks", "title", (c) -> c.type(Type.varchar(200)).existing(TITLE));
		Operation drop = new DropColumn("tasks", "legacy_owner", LEGACY);
		RevisionDraft draft = new RevisionDraft("6f7a8b9c0d1e", List.of(), "two changes to tasks", List.of(), CREATED,
				List.of(new Step(narrow, List.of("CAUTION: narrows tasks.title"), true),
						Step.destructive(drop, "drops tasks.legacy_owner")),
				List.of(Step.of(drop.inverse()), Step.of(narrow.inverse())));

		String text = Files.readString(write(draft));

		String upgrade = text.substring(text.indexOf("-- +upgrade"), text.indexOf("-- +downgrade"));
		if (dialectName().equals("sqlite")) {
			assertThat(upgrade.split("CREATE TABLE \"_retort_new_tasks\"", -1)).as("one rebuild for both").hasSize(2);
			assertThat(upgrade).containsSubsequence("-- CAUTION: narrows tasks.title\n",
					"-- drops tasks.legacy_owner\n", "CREATE TABLE \"_retort_new_tasks\"");
		}
		else {
			assertThat(upgrade).containsSubsequence("-- CAUTION: narrows tasks.title\n", "ALTER TABLE",
					"-- drops tasks.legacy_owner\n", "DROP COLUMN");
		}
		migrator().upgrade("heads");
		assertThat(reflect("tasks").column("legacy_owner")).isEmpty();
		assertThat(rows("SELECT id, title FROM tasks")).containsExactly("1|ship");
		migrator().downgrade("base");
		assertThat(reflect("tasks")).isEqualTo(tasksBefore);
	}

	@Test
	void anIrreversibleDowngradeIsDeclaredInTheFileAndRefusedBeforeAnythingRuns() throws Exception {
		RevisionDraft draft = new RevisionDraft("0a1b2c3d4e5f", List.of(), "drop legacy owners", List.of(), CREATED,
				List.of(Step.of(new DropColumn("tasks", "legacy_owner", null))),
				List.of(Step.of(new Irreversible("the owners are gone for good"))));

		Path file = write(draft);

		assertThat(Files.readString(file)).endsWith("-- +downgrade irreversible: the owners are gone for good\n");
		migrator().upgrade("heads");
		assertThat(reflect("tasks").column("legacy_owner")).isEmpty();
		assertThatExceptionOfType(IrreversibleOperationException.class).isThrownBy(() -> migrator().downgrade("base"))
			.withMessageContaining("the owners are gone for good");
		assertThat(migrator().current()).containsExactly("0a1b2c3d4e5f");
	}

	private Path write(RevisionDraft draft) throws SQLException {
		try (Connection connection = database().connect()) {
			Dialect dialect = Dialects.of(connection);
			return RevisionFiles.writeSql(draft, dialect, dialect.live(connection), this.directory);
		}
	}

	private Migrator migrator() {
		return new Migrator(dataSource(), MigratorConfig.defaults().withLocations("filesystem:" + this.directory));
	}

	private String dialectName() throws SQLException {
		try (Connection connection = database().connect()) {
			return Dialects.of(connection).name();
		}
	}

	private Table reflect(String table) throws SQLException {
		try (Connection connection = database().connect()) {
			return Dialects.of(connection).reflect(connection).table(table).orElseThrow();
		}
	}

	private boolean tableExists(String table) throws SQLException {
		try (Connection connection = database().connect()) {
			return Dialects.of(connection).reflect(connection).table(table).isPresent();
		}
	}

	private List<String> rows(String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = database().connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			while (result.next()) {
				rows.add(result.getString(1) + "|" + result.getString(2));
			}
		}
		return rows;
	}

}
