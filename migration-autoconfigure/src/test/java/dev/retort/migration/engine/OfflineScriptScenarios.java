package dev.retort.migration.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.operation.NonTransactionalOperationException;
import dev.retort.migration.operation.OfflineModeException;
import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.InvalidTargetException;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Offline scripts run through the database's own command-line client on an empty
 * database, which the migrator then finds at its heads. Written once, run on SQLite and
 * PostgreSQL.
 */
abstract class OfflineScriptScenarios {

	@TempDir
	Path directory;

	/** The dialect the scripts are rendered for. */
	protected abstract String dialect();

	/** An empty database. */
	protected abstract DataSource dataSource();

	/**
	 * Runs a script file through the command-line client; returns its output and exit
	 * code.
	 */
	protected abstract CommandResult runScript(Path script) throws Exception;

	@Test
	void upgradeScriptFromBaseToHeadsLeavesTheDatabaseAtHeads() throws Exception {
		RevisionGraph graph = seedRevisions();
		String script = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults())
			.upgrade("base:heads");

		CommandResult result = run(script);

		assertThat(result.exitCode()).as(result.output()).isZero();
		Migrator migrator = new Migrator(dataSource(), MigratorConfig.defaults(), graph);
		assertThat(migrator.current()).containsExactly("f00000000007");
		assertThat(migrator.status().upToDate()).isTrue();
		assertThat(migrator.history()).hasSize(7);
		assertThat(query("SELECT summary || ':' || status || ':' || priority FROM tasks ORDER BY id"))
			.containsExactly("write spec:open:0", "ship:done:0");
		assertThat(query("SELECT count(*) FROM comments")).containsExactly("0");
	}

	@Test
	void aScriptWithNothingToRunSaysSoAndRuns() throws Exception {
		RevisionGraph graph = seedRevisions();
		OfflineScript offline = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults());
		assertThat(run(offline.upgrade("base:heads")).exitCode()).isZero();
		String heads = String.join(",", graph.heads());

		String script = offline.upgrade(heads + ":heads");

		assertThat(script).contains("-- Nothing to upgrade: no revision lies in " + heads + ":heads.");
		assertThat(run(script).exitCode()).isZero();
	}

	@Test
	void scriptsFromARevisionAndBackDown() throws Exception {
		RevisionGraph graph = seedRevisions();
		OfflineScript offline = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults());
		assertThat(run(offline.upgrade("base:a00000000003")).exitCode()).isZero();

		CommandResult rest = run(offline.upgrade("a00000000003:heads"));
		CommandResult down = run(offline.downgrade("heads:a00000000001"));

		assertThat(rest.exitCode()).as(rest.output()).isZero();
		assertThat(down.exitCode()).as(down.output()).isZero();
		Migrator migrator = new Migrator(dataSource(), MigratorConfig.defaults(), graph);
		assertThat(migrator.current()).containsExactly("a00000000001");
		assertThat(query("SELECT email FROM users ORDER BY id")).containsExactly("ann@example.com", "bob@example.com");
	}

	@Test
	void aFailingStatementStopsTheScriptAndLeavesThePreviousRevision() throws Exception {
		RevisionGraph graph = seedRevisions();
		String script = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults())
			.upgrade("base:heads")
			.replace("'ship'", "NULL");

		CommandResult result = run(script);

		assertThat(result.exitCode()).isNotZero();
		Migrator migrator = new Migrator(dataSource(), MigratorConfig.defaults(), graph);
		assertThat(migrator.current()).containsExactly("a00000000001");
	}

	/**
	 * Whether the client's error names the revisions the database is at (PostgreSQL's
	 * scripts read them; SQLite's error is fixed text).
	 */
	protected abstract boolean errorsNameTheDatabasesRevision();

	@Test
	void everyScriptForAnotherRevisionStopsBeforeAnythingChangesAndSaysWhichToGenerate() throws Exception {
		RevisionGraph graph = seedRevisions();
		OfflineScript offline = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults());
		assertThat(run(offline.upgrade("base:a00000000002")).exitCode()).isZero();
		DatabaseState before = state(graph);
		// from the next revision, whose ALTER TABLE would run here; from heads, with
		// nothing to do; from base, whose tables are there already; and down
		List<WrongScript> scripts = List.of(
				new WrongScript("upgrade", "a00000000003", "heads", offline.upgrade("a00000000003:heads")),
				new WrongScript("upgrade", "f00000000007", "heads", offline.upgrade("f00000000007:heads")),
				new WrongScript("upgrade", "base", "heads", offline.upgrade("base:heads")),
				new WrongScript("downgrade", "f00000000007", "a00000000001", offline.downgrade("heads:a00000000001")));

		for (WrongScript script : scripts) {
			CommandResult result = run(script.sql());

			String command = "migrate " + script.direction() + " ";
			assertThat(result.exitCode()).as("%s:%n%s", script, result.output()).isNotZero();
			assertThat(result.output()).as(script.toString())
				.contains("This script " + script.direction() + "s from " + script.from() + ", but ")
				.contains("Nothing was changed.")
				.contains("Generate the script from the revision the database is at: `" + command + script.to()
						+ " --sql` with the application pointed at this database, or `" + command);
			if (errorsNameTheDatabasesRevision()) {
				assertThat(result.output()).as(script.toString())
					.contains("but the database is at a00000000002. Nothing was changed.")
					.contains("`" + command + "a00000000002:" + script.to() + " --sql`.");
			}
			else {
				assertThat(result.output()).as(script.toString())
					.contains("its version table migrations_version " + (script.from().equals("base")
							? "holds revisions" : "does not hold exactly " + script.from()))
					.contains("`" + command + "FROM:" + script.to()
							+ " --sql`, FROM being what `migrate current` shows for it.");
			}
			assertThat(state(graph)).as(script.toString()).isEqualTo(before);
		}
	}

	/** A script that starts from other revisions than the database is at. */
	private record WrongScript(String direction, String from, String to, String sql) {

		@Override
		public String toString() {
			return this.direction + " " + this.from + ":" + this.to;
		}

	}

	@Test
	void aScriptFromARevisionStopsOnADatabaseWithoutRetortsTablesAndCreatesNone() throws Exception {
		RevisionGraph graph = seedRevisions();
		OfflineScript offline = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults());

		CommandResult result = run(offline.upgrade("a00000000003:heads"));

		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("This script upgrades from a00000000003, but ")
			.contains("Nothing was changed.")
			.doesNotContain("does not exist")
			.doesNotContain("no such table");
		if (errorsNameTheDatabasesRevision()) {
			assertThat(result.output()).contains("but the database is at base.")
				.contains("`migrate upgrade base:heads --sql`.");
		}
		DatabaseState after = state(graph);
		assertThat(after.schema().tables()).isEmpty();
		assertThat(after.versions()).isEmpty();
		assertThat(after.history()).isEmpty();
	}

	@Test
	void aScriptFromSeveralHeadsRunsWhereTheDatabaseHoldsExactlyThose() throws Exception {
		RevisionGraph graph = seedRevisions();
		OfflineScript offline = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults());
		String merge = offline.upgrade("c00000000005,d00000000006:heads");
		assertThat(run(offline.upgrade("base:c00000000005")).exitCode()).isZero();
		DatabaseState oneOfThem = state(graph);

		CommandResult refused = run(merge);

		assertThat(refused.exitCode()).as(refused.output()).isNotZero();
		assertThat(refused.output()).contains("This script upgrades from c00000000005, d00000000006, but ");
		if (errorsNameTheDatabasesRevision()) {
			assertThat(refused.output()).contains("but the database is at c00000000005.");
		}
		assertThat(state(graph)).isEqualTo(oneOfThem);

		assertThat(run(offline.upgrade("c00000000005:d00000000006")).exitCode()).isZero();
		assertThat(new Migrator(dataSource(), MigratorConfig.defaults(), graph).current())
			.containsExactlyInAnyOrder("c00000000005", "d00000000006");
		CommandResult merged = run(merge);
		assertThat(merged.exitCode()).as(merged.output()).isZero();
		assertThat(new Migrator(dataSource(), MigratorConfig.defaults(), graph).current())
			.containsExactly("f00000000007");
	}

	@Test
	void anSqlRevisionsCommentsAreInTheScriptAboveTheirStatements() throws Exception {
		Path folder = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(folder.resolve("20261206_2300_c0c0c0c0c0c1_notes.sql"), """
				-- revision: c0c0c0c0c0c1
				-- message: notes
				-- +upgrade
				CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(20));
				INSERT INTO notes (id, body) VALUES (1, 'kept');
				-- CAUTION: drops notes.body and its values
				ALTER TABLE notes DROP COLUMN body;
				-- +downgrade
				DROP TABLE notes;
				""");
		RevisionGraph graph = RevisionGraph.load(List.of("filesystem:" + folder), getClass().getClassLoader());

		String script = new OfflineScript(graph, Dialects.named(dialect()), MigratorConfig.defaults())
			.upgrade("base:heads");

		assertThat(script).contains("""
				-- CAUTION: drops notes.body and its values
				ALTER TABLE notes DROP COLUMN body;
				""");
		CommandResult result = run(script);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(query("SELECT count(*) FROM notes")).containsExactly("1");
		assertThat(new Migrator(dataSource(), MigratorConfig.defaults(), graph).current())
			.containsExactly("c0c0c0c0c0c1");
	}

	@Test
	void concurrentIndexInATransactionalRevisionIsRefusedBeforeAnythingIsWritten() {
		RevisionScript concurrent = revision("e00000000001", List.of(), "index", true,
				(op) -> op.createIndexConcurrently(Index.of("ix", "t", "c")), (op) -> {
				});
		OfflineScript offline = new OfflineScript(RevisionGraph.of(List.of(concurrent)), Dialects.named(dialect()),
				MigratorConfig.defaults());

		assertThatExceptionOfType(NonTransactionalOperationException.class).isThrownBy(() -> offline.upgrade("heads"))
			.withMessageContaining("e00000000001")
			.withMessageContaining("transactional = false");
	}

	@Test
	void oneRevisionRendersAgainstTheSchemaItsAncestorsLeave() {
		OfflineScript offline = new OfflineScript(seedRevisions(), Dialects.named(dialect()),
				MigratorConfig.defaults());

		List<String> upgrade = offline.statements("b00000000004", Direction.UPGRADE);
		List<String> downgrade = offline.statements("b00000000004", Direction.DOWNGRADE);

		assertThat(upgrade).anyMatch((sql) -> sql.contains("RENAME COLUMN \"title\" TO \"summary\""));
		assertThat(downgrade).anyMatch((sql) -> sql.contains("\"title\""));
		assertThat(upgrade).noneMatch((sql) -> sql.contains("migrations_version"));
	}

	@Test
	void anOfflineDowngradeNamesWhereItStarts() {
		OfflineScript offline = new OfflineScript(seedRevisions(), Dialects.named(dialect()),
				MigratorConfig.defaults());

		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> offline.downgrade("base"))
			.withMessageContaining("heads:base");
	}

	@Test
	void dataMigrationsThroughJdbcCannotBeRenderedOffline() {
		RevisionScript data = revision("e00000000002", List.of(), "data", true,
				(op) -> op.jdbc().update("UPDATE t SET c = 1"), (op) -> {
				});
		OfflineScript offline = new OfflineScript(RevisionGraph.of(List.of(data)), Dialects.named(dialect()),
				MigratorConfig.defaults());

		assertThatExceptionOfType(OfflineModeException.class).isThrownBy(() -> offline.upgrade("base:heads"))
			.withMessageContaining("e00000000002")
			.withMessageContaining("op.jdbc()");
	}

	@Test
	void revisionsAboveADataMigrationRenderAgainstTheSchemaItLeaves() {
		RevisionScript data = revision("e10000000001", List.of(), "create and fill t", true, (op) -> {
			op.createTable("t", Column.of("id", Type.INTEGER).primaryKey(), Column.of("c", Type.INTEGER));
			op.jdbc().update("INSERT INTO t (id, c) VALUES (1, 1)");
		}, (op) -> op.dropTable("t"));
		RevisionScript tighten = revision("e10000000002", List.of("e10000000001"), "c not null", true,
				(op) -> op.alterColumn("t", "c", (c) -> c.notNull().existing(Column.of("c", Type.INTEGER))),
				(op) -> op.alterColumn("t", "c", (c) -> c.nullable().existing(Column.of("c", Type.INTEGER).notNull())));
		OfflineScript offline = new OfflineScript(RevisionGraph.of(List.of(data, tighten)), Dialects.named(dialect()),
				MigratorConfig.defaults());

		assertThat(offline.statements("e10000000002", Direction.UPGRADE)).isNotEmpty()
			.anyMatch((sql) -> sql.contains("\"c\""));
		assertThat(offline.statements("e10000000001", Direction.DOWNGRADE)).singleElement()
			.satisfies((sql) -> assertThat(sql).contains("DROP TABLE"));
		assertThat(offline.upgrade("e10000000001:heads")).contains("e10000000002");
	}

	private CommandResult run(String script) throws Exception {
		Path file = Files.createTempFile(this.directory, "script", ".sql");
		Files.writeString(file, script, StandardCharsets.UTF_8);
		return runScript(file);
	}

	/** The database's schema, version table and history, to compare before and after. */
	private DatabaseState state(RevisionGraph graph) throws Exception {
		Migrator migrator = new Migrator(dataSource(), MigratorConfig.defaults(), graph);
		try (Connection connection = dataSource().getConnection()) {
			return new DatabaseState(Dialects.named(dialect()).reflect(connection), migrator.current(),
					migrator.history());
		}
	}

	private List<String> query(String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	/**
	 * The seed's examples as revisions: tables with cascading foreign keys and a named
	 * unique constraint; rows; priority with a server default and a two-column index; a
	 * rename and a NOT NULL column added in three steps; a branch, a merge, and an index
	 * built outside a transaction.
	 */
	static RevisionGraph seedRevisions() {
		List<RevisionScript> revisions = List
			.of(revision("a00000000001", List.of(), "users and projects", true, (op) -> {
				op.createTable("users", Column.of("id", Type.INTEGER).primaryKey(),
						Column.of("email", Type.varchar(200)).notNull(),
						new UniqueConstraint("uq_users_email", List.of("email")));
				op.createTable("projects", Column.of("id", Type.INTEGER).primaryKey(),
						Column.of("owner_id", Type.INTEGER).notNull(), Column.of("name", Type.TEXT).notNull(),
						new ForeignKey("fk_projects_owner", List.of("owner_id"), "users", List.of("id"),
								ForeignKey.Action.CASCADE, null));
				op.bulkInsert("users", List.of(Map.of("id", 1, "email", "ann@example.com"),
						Map.of("id", 2, "email", "bob@example.com")));
			}, (op) -> {
				op.dropTable("projects");
				op.dropTable("users");
			}), revision("a00000000002", List.of("a00000000001"), "tasks", true, (op) -> {
				op.createTable("tasks", Column.of("id", Type.INTEGER).primaryKey(),
						Column.of("project_id", Type.INTEGER), Column.of("title", Type.TEXT).notNull(),
						Column.of("status", Type.TEXT),
						Column.of("created_at", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"),
						new ForeignKey("fk_tasks_project", List.of("project_id"), "projects", List.of("id"),
								ForeignKey.Action.CASCADE, null));
				op.bulkInsert("tasks", List.of(Map.of("id", 1, "title", "write spec"),
						Map.of("id", 2, "title", "ship", "status", "done")));
			}, (op) -> op.dropTable("tasks")),
					revision("a00000000003", List.of("a00000000002"), "add priority to tasks", true, (op) -> {
						op.addColumn("tasks", Column.of("priority", Type.INTEGER).notNull().serverDefault("0"));
						op.createIndex("ix_tasks_priority", "tasks", "priority", "created_at");
					}, (op) -> {
						op.dropIndex("ix_tasks_priority", "tasks");
						op.dropColumn("tasks", "priority");
					}),
					revision("b00000000004", List.of("a00000000003"), "rename title, status not null", true, (op) -> {
						op.renameColumn("tasks", "title", "summary");
						op.execute(
								"UPDATE tasks SET status = 'open' WHERE status IS NULL; -- backfill before NOT NULL");
						op.alterColumn("tasks", "status",
								(c) -> c.type(Type.varchar(20))
									.notNull()
									.serverDefault("'open'")
									.existing(Column.of("status", Type.TEXT)));
					}, (op) -> {
						op.alterColumn("tasks", "status",
								(c) -> c.type(Type.TEXT)
									.nullable()
									.dropServerDefault()
									.existing(Column.of("status", Type.varchar(20)).notNull().serverDefault("'open'")));
						op.renameColumn("tasks", "summary", "title");
					}), revision("c00000000005", List.of("b00000000004"), "comments", true, (op) -> {
						op.createTable("comments", Column.of("id", Type.INTEGER).primaryKey(),
								Column.of("task_id", Type.INTEGER).notNull(), Column.of("body", Type.TEXT),
								new ForeignKey("fk_comments_task", List.of("task_id"), "tasks", List.of("id"),
										ForeignKey.Action.CASCADE, null));
						op.addConstraint("tasks", Constraint.check("ck_tasks_priority", "priority >= 0"));
					}, (op) -> {
						op.dropConstraint("ck_tasks_priority", "tasks");
						op.dropTable("comments");
					}),
					revision("d00000000006", List.of("b00000000004"), "index projects by name", false,
							(op) -> op.createIndexConcurrently(Index.of("ix_projects_name", "projects", "name")),
							(op) -> op.dropIndexConcurrently(Index.of("ix_projects_name", "projects", "name"))),
					revision("f00000000007", List.of("c00000000005", "d00000000006"), "merge", true, (op) -> {
					}, (op) -> {
					}));
		return RevisionGraph.of(revisions);
	}

	private static RevisionScript revision(String id, List<String> parents, String message, boolean transactional,
			Consumer<Operations> upgrade, Consumer<Operations> downgrade) {
		Migration migration = new Migration() {

			@Override
			public void upgrade(Operations op) {
				upgrade.accept(op);
			}

			@Override
			public void downgrade(Operations op) {
				downgrade.accept(op);
			}

		};
		return new RevisionScript(id, parents, Set.of(), List.of(), message, null, transactional, Set.of(),
				"offline test revision " + id, RevisionScript.Kind.JAVA, migration);
	}

	/** What a database holds: its schema, its version table's rows and its history. */
	record DatabaseState(Schema schema, Set<String> versions, List<HistoryEntry> history) {

	}

	/** What a command-line client printed and how it exited. */
	record CommandResult(int exitCode, String output) {

	}

}
