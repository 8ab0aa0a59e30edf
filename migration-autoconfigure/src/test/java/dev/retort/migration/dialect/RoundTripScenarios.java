package dev.retort.migration.dialect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each operation autogenerate emits, applied to a table with rows: the table read back is
 * exactly the model the operation describes, the rows are still there, and the inverse
 * gives back exactly the table read before. On SQLite most of these run as a table
 * rebuild. Written once, run on SQLite and PostgreSQL.
 */
abstract class RoundTripScenarios extends DatabaseScenario {

	private static final Table PROJECTS = Table.of("projects", List.of(Column.of("id", Type.INTEGER).primaryKey(),
			Column.of("name", Type.varchar(100)).notNull(), new PrimaryKey("pk_projects", List.of("id"))));

	private static final Table TASKS = Table.of("tasks",
			List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("project_id", Type.INTEGER),
					Column.of("title", Type.varchar(200)).notNull(),
					Column.of("points", Type.INTEGER).serverDefault("1"), Column.of("state", Type.varchar(20)),
					new PrimaryKey("pk_tasks", List.of("id")), new UniqueConstraint("uq_tasks_title", List.of("title")),
					new CheckConstraint("ck_tasks_points", "points >= 0")));

	private List<String> rows;

	@BeforeEach
	void givenProjectsAndTasksWithRows() throws Exception {
		apply(new CreateTable(PROJECTS), new CreateTable(TASKS));
		execute("INSERT INTO projects (id, name) VALUES (1, 'retort'), (2, 'orchestrator')");
		execute("INSERT INTO tasks (id, project_id, title, points, state) VALUES "
				+ "(1, 1, 'write spec', 3, 'open'), (2, 1, 'ship it', 5, 'done'), (3, 2, 'plan', 0, NULL)");
		this.rows = rows();
	}

	@Test
	void createTableReadsBackAsItsDefinition() throws Exception {
		Table everything = new Table("everything",
				List.of(Column.of("id", Type.BIGINT).primaryKey(), Column.of("code", Type.varchar(40)).notNull(),
						Column.of("body", Type.TEXT).comment("the text"),
						Column.of("done", Type.BOOLEAN).notNull().serverDefault("false"),
						Column.of("price", Type.numeric(10, 2)).serverDefault("0"), Column.of("ratio", Type.DOUBLE),
						Column.of("due", Type.DATE),
						Column.of("created_at", Type.timestamp(6)).serverDefault("CURRENT_TIMESTAMP"),
						Column.of("seen_at", Type.timestampWithTimeZone(6)),
						Column.of("status", Type.varchar(20)).serverDefault("'open'"),
						Column.of("project_id", Type.INTEGER), Column.of("rank", Type.SMALLINT)),
				new PrimaryKey("pk_everything", List.of("id")),
				List.of(new UniqueConstraint("uq_everything_code", List.of("code", "status"))),
				List.of(new ForeignKey("fk_everything_project", List.of("project_id"), "projects", List.of("id"),
						ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)),
				List.of(new CheckConstraint("ck_everything_rank", "rank > 0")),
				List.of(new Index("ix_everything_due", "everything", List.of("due", "id"), false, null),
						new Index("ix_everything_open", "everything", List.of("rank"), true, "rank > 1")),
				"what there is");

		Table counters = Table.of("counters",
				List.of(Column.of("id", Type.INTEGER).primaryKey().autoIncrement(),
						Column.of("value", Type.BIGINT).notNull().serverDefault("0"),
						new PrimaryKey("pk_counters", List.of("id"))));

		apply(new CreateTable(everything), new CreateTable(counters));

		assertThat(sorted(table("everything"))).isEqualTo(sorted(asThisDatabaseKeepsIt(everything)));
		assertThat(table("counters")).isEqualTo(counters);
	}

	@Test
	void addColumnWithDefault() throws Exception {
		Column column = Column.of("estimate", Type.BIGINT).notNull().serverDefault("8");
		assertRoundTrip(new AddColumn("tasks", column), (table) -> withColumn(table, column));
	}

	@Test
	void dropColumn() throws Exception {
		Column scratch = Column.of("scratch", Type.varchar(30)).serverDefault("'none'");
		apply(new AddColumn("tasks", scratch));
		assertRoundTrip(new DropColumn("tasks", "scratch", scratch), (table) -> table
			.withColumns(table.columns().stream().filter((c) -> !c.name().equals("scratch")).toList()));
	}

	@Test
	void alterColumnType() throws Exception {
		Column points = TASKS.column("points").get();
		assertRoundTrip(alter("tasks", "points", (c) -> c.type(Type.BIGINT).existing(points)),
				(table) -> replaced(table, "points", (c) -> c.type(Type.BIGINT)));
	}

	@Test
	void alterColumnNullability() throws Exception {
		Column state = TASKS.column("state").get();
		execute("UPDATE tasks SET state = 'new' WHERE state IS NULL");
		this.rows = rows();
		assertRoundTrip(alter("tasks", "state", (c) -> c.notNull().existing(state)),
				(table) -> replaced(table, "state", Column::notNull));
	}

	@Test
	void alterColumnDefaultSetChangedAndDropped() throws Exception {
		Column state = TASKS.column("state").get();
		assertRoundTrip(alter("tasks", "state", (c) -> c.serverDefault("'open'").existing(state)),
				(table) -> replaced(table, "state", (c) -> c.serverDefault("'open'")));
		Column points = TASKS.column("points").get();
		assertRoundTrip(alter("tasks", "points", (c) -> c.serverDefault("2").existing(points)),
				(table) -> replaced(table, "points", (c) -> c.serverDefault("2")));
		assertRoundTrip(alter("tasks", "points", (c) -> c.dropServerDefault().existing(points)),
				(table) -> replaced(table, "points", (c) -> c.serverDefault(null)));
	}

	@Test
	void addAndDropUniqueConstraint() throws Exception {
		UniqueConstraint unique = new UniqueConstraint("uq_tasks_project_state", List.of("state", "project_id"));
		assertRoundTrip(new AddConstraint("tasks", unique),
				(table) -> table.withUniqueConstraints(with(table.uniqueConstraints(), unique)));
		UniqueConstraint title = TASKS.uniqueConstraints().get(0);
		assertRoundTrip(new DropConstraint("tasks", title.name(), null, title),
				(table) -> table.withUniqueConstraints(List.of()));
	}

	@Test
	void addAndDropCheckConstraint() throws Exception {
		CheckConstraint check = new CheckConstraint("ck_tasks_id", "id < 1000");
		assertRoundTrip(new AddConstraint("tasks", check), (table) -> table.withChecks(with(table.checks(), check)));
		CheckConstraint points = TASKS.checks().get(0);
		assertRoundTrip(new DropConstraint("tasks", points.name(), null, points),
				(table) -> table.withChecks(List.of()));
	}

	@Test
	void addAndDropForeignKey() throws Exception {
		ForeignKey key = new ForeignKey("fk_tasks_project", List.of("project_id"), "projects", List.of("id"),
				ForeignKey.Action.SET_NULL, ForeignKey.Action.RESTRICT);
		AddConstraint add = new AddConstraint("tasks", key);
		apply(add);
		assertThat(sorted(table("tasks")))
			.isEqualTo(sorted(asThisDatabaseKeepsIt(TASKS.withForeignKeys(List.of(key)))));
		assertThat(rows()).isEqualTo(this.rows);

		assertRoundTrip(new DropConstraint("tasks", key.name(), null, key),
				(table) -> table.withForeignKeys(List.of()));
	}

	@Test
	void changePrimaryKey() throws Exception {
		PrimaryKey wider = new PrimaryKey("pk_tasks_id_title", List.of("id", "title"));
		assertRoundTrip(
				List.of(new DropConstraint("tasks", "pk_tasks", null, TASKS.primaryKey()),
						new AddConstraint("tasks", wider)),
				(table) -> replaced(table, "title", Column::primaryKey).withPrimaryKey(wider));
	}

	@Test
	void createAndDropIndexes() throws Exception {
		Index partial = new Index("ix_tasks_open", "tasks", List.of("points", "id"), true, "points > 1");
		assertRoundTrip(new CreateIndex(partial, false), (table) -> table.withIndexes(with(table.indexes(), partial)));
		Index recent = Index.of("ix_tasks_recent", "tasks", "project_id", "id").descending("id");
		assertRoundTrip(new CreateIndex(recent, false), (table) -> table.withIndexes(with(table.indexes(), recent)));
		Index plain = Index.of("ix_tasks_state", "tasks", "state", "project_id");
		apply(new CreateIndex(plain, false));
		Table before = table("tasks");
		assertRoundTrip(new DropIndex("ix_tasks_state", "tasks", plain, false), (table) -> table
			.withIndexes(table.indexes().stream().filter((index) -> !index.name().equals("ix_tasks_state")).toList()));
		assertThat(table("tasks")).isEqualTo(before);
	}

	@Test
	void severalChangesToOneTable() throws Exception {
		Column estimate = Column.of("estimate", Type.INTEGER);
		Column state = TASKS.column("state").get();
		UniqueConstraint unique = new UniqueConstraint("uq_tasks_estimate", List.of("estimate"));
		assertRoundTrip(
				List.of(new AddColumn("tasks", estimate),
						alter("tasks", "state", (c) -> c.type(Type.TEXT).serverDefault("'new'").existing(state)),
						new AddConstraint("tasks", unique),
						new CreateIndex(Index.of("ix_tasks_estimate", "tasks", "estimate"), false)),
				(table) -> withColumn(replaced(table, "state", (c) -> c.type(Type.TEXT).serverDefault("'new'")),
						estimate)
					.withUniqueConstraints(with(table.uniqueConstraints(), unique))
					.withIndexes(List.of(Index.of("ix_tasks_estimate", "tasks", "estimate"))));
	}

	private void assertRoundTrip(Operation operation, UnaryOperator<Table> expected) throws Exception {
		assertRoundTrip(List.of(operation), expected);
	}

	/**
	 * Applies the operations, checks the table against the expected model and the rows,
	 * then applies the inverses and checks that the table is as it was.
	 */
	private void assertRoundTrip(List<Operation> operations, UnaryOperator<Table> expected) throws Exception {
		Table before = table("tasks");
		apply(operations.toArray(Operation[]::new));
		assertThat(sorted(table("tasks"))).isEqualTo(sorted(expected.apply(before)));
		assertThat(rows()).isEqualTo(this.rows);
		applyInverse(operations.toArray(Operation[]::new));
		assertThat(sorted(table("tasks"))).isEqualTo(sorted(before));
		assertThat(rows()).isEqualTo(this.rows);
	}

	/** The tasks' rows, every column that all the scenarios keep. */
	private List<String> rows() throws SQLException {
		return queryList("SELECT id || '|' || project_id || '|' || title || '|' || points || '|' || "
				+ "coalesce(state, '-') FROM tasks ORDER BY id");
	}

	/** The table as this database stores it: SQLite keeps no comments. */
	private Table asThisDatabaseKeepsIt(Table table) {
		if (!this.dialect.name().equals("sqlite")) {
			return table;
		}
		return table.withComment(null).withColumns(table.columns().stream().map((c) -> c.comment(null)).toList());
	}

	private static Table sorted(Table table) {
		return new Table(table.name(), table.columns(), table.primaryKey(), sort(table.uniqueConstraints()),
				sort(table.foreignKeys()), sort(table.checks()), sort(table.indexes()), table.comment());
	}

	private static <T> List<T> sort(List<T> list) {
		return list.stream().sorted(Comparator.comparing(Object::toString)).toList();
	}

	private static <T> List<T> with(List<T> list, T element) {
		List<T> result = new ArrayList<>(list);
		result.add(element);
		return result;
	}

	private static Table withColumn(Table table, Column column) {
		return table.withColumns(with(table.columns(), column));
	}

	private static Table replaced(Table table, String name, UnaryOperator<Column> change) {
		return table
			.withColumns(table.columns().stream().map((c) -> c.name().equals(name) ? change.apply(c) : c).toList());
	}

}
