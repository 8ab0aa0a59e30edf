package dev.retort.migration.test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.cli.widgets.WidgetApplications;
import dev.retort.migration.dialect.ScratchDatabase;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test kit's checks against revisions with known faults, written once and run against
 * each database: each fault fails its check with a message naming the revision and what
 * differs, and sound revisions pass.
 */
abstract class MigrationTestKitScenarios {

	static final String TASKS = "a10000000001";

	static final String TITLE_INDEX = "b20000000002";

	static final String PROJECTS = "c30000000003";

	static final String ARCHIVE = "d40000000004";

	static final String NOTES = "e50000000005";

	/** A new empty database of this scenario's kind. */
	abstract ScratchDatabase scratch();

	/** The database the widget applications run on. */
	abstract TestDatabase database();

	/** The Hibernate dialect the widget applications use on this database. */
	abstract String hibernateDialect();

	MigrationTestKit kit(List<String> heads, String minimum, RevisionScript... revisions) {
		return new MigrationTestKit(RevisionGraph.of(List.of(revisions)), MigratorConfig.defaults(), dialectName(),
				this::scratch, Optional::empty, heads, minimum);
	}

	MigrationTestKit kit(RevisionScript... revisions) {
		return kit(List.of(), null, revisions);
	}

	abstract String dialectName();

	// -- sound revisions

	@Test
	void soundRevisionsPassEveryCheck() {
		try (MigrationTestKit kit = kit(tasks(), titleIndex(true), projects())) {
			kit.assertHeads();
			kit.assertUpgradeFromEmpty();
			kit.assertUpDownConsistency();
			assertThat(kit.downgradable()).extracting(RevisionScript::id).containsExactly(TASKS, TITLE_INDEX, PROJECTS);
			for (RevisionScript revision : kit.downgradable()) {
				kit.assertDowngradeLeavesNoTrace(revision.id());
			}
			kit.assertDataSurvives(RevisionData.before(TITLE_INDEX)
				.seed((jdbc) -> jdbc.update("INSERT INTO tasks (id, title) VALUES (1, 'ship')"))
				.verify((jdbc) -> assertThat(jdbc.queryForObject("SELECT title FROM tasks WHERE id = 1", String.class))
					.isEqualTo("ship")));
		}
	}

	// -- downgrade leaves a trace

	@Test
	void downgradeThatForgetsAnIndexFailsNamingTheRevisionAndTheIndex() {
		try (MigrationTestKit kit = kit(tasks(), titleIndex(false), projects())) {
			kit.assertDowngradeLeavesNoTrace(TASKS);
			assertThatThrownBy(() -> kit.assertDowngradeLeavesNoTrace(TITLE_INDEX)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("Downgrading revision " + TITLE_INDEX + " (index task titles)")
				.hasMessageContaining("leaves a trace")
				.hasMessageContaining("index on tasks: ix_tasks_title [title] is there, and was not before");
			assertThatNoException().as("the next revision is checked from a sound database")
				.isThrownBy(() -> kit.assertDowngradeLeavesNoTrace(PROJECTS));
		}
	}

	@Test
	void downgradeThatForgetsAColumnAndAConstraintNamesThemAsARevisionWouldDeclareThem() {
		RevisionScript flags = revision(TITLE_INDEX, "flag tasks", migration((op) -> {
			op.addColumn("tasks", Column.of("code", Type.varchar(64)).notNull().serverDefault("'none'"));
			op.createUniqueConstraint("uq_tasks_title", "tasks", "title");
		}, (op) -> {
		}), TASKS);
		try (MigrationTestKit kit = kit(tasks(), flags)) {
			assertThatThrownBy(() -> kit.assertDowngradeLeavesNoTrace(TITLE_INDEX)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("Downgrading revision " + TITLE_INDEX + " (flag tasks)")
				.hasMessageContaining(
						"column tasks.code VARCHAR(64) NOT NULL DEFAULT 'none' is there, and was not before")
				.hasMessageContaining("unique constraint uq_tasks_title on tasks (title) is there, and was not before")
				.hasMessageNotContaining("Column[")
				.hasMessageNotContaining("UniqueConstraint[");
		}
	}

	@Test
	void aDowngradeThatAddsADroppedColumnBackLastLeavesNoTrace() {
		RevisionScript dropsTitle = revision(TITLE_INDEX, "drop task titles",
				migration((op) -> op.dropColumn("tasks", "title"),
						(op) -> op.addColumn("tasks", Column.of("title", Type.varchar(100)))),
				TASKS);
		RevisionScript tasks = revision(TASKS, "create tasks",
				migration(
						(op) -> op.createTable("tasks", Column.of("id", Type.INTEGER).primaryKey(),
								Column.of("title", Type.varchar(100)), Column.of("done", Type.BOOLEAN)),
						(op) -> op.dropTable("tasks")));
		try (MigrationTestKit kit = kit(tasks, dropsTitle)) {
			assertThatNoException().as("where a column lands is nothing the revisions can choose on PostgreSQL")
				.isThrownBy(() -> kit.assertDowngradeLeavesNoTrace(TITLE_INDEX));
		}
	}

	@Test
	void upDownConsistencyFailsWhenARevisionCannotBeUpgradedAgainAfterItsDowngrade() {
		RevisionScript keepsProjects = revision(PROJECTS, "create projects",
				migration((op) -> op.createTable("projects", Column.of("id", Type.INTEGER).primaryKey()), (op) -> {
				}), TASKS);
		try (MigrationTestKit kit = kit(tasks(), keepsProjects)) {
			assertThatThrownBy(kit::assertUpDownConsistency).isInstanceOf(AssertionError.class)
				.hasMessageContaining("Upgrading revision " + PROJECTS + " (create projects)")
				.hasMessageContaining("upgrading one at a time again after downgrading")
				.hasMessageContaining("projects");
			assertThatThrownBy(() -> kit.assertDowngradeLeavesNoTrace(PROJECTS)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("table projects (1 columns) is there, and was not before");
		}
	}

	// -- heads

	@Test
	void twoHeadsFailNamingBoth() {
		try (MigrationTestKit kit = kit(tasks(), titleIndex(true),
				revision(PROJECTS, "create projects", createsProjects(), TASKS))) {
			assertThatThrownBy(kit::assertHeads).isInstanceOf(AssertionError.class)
				.hasMessageContaining("The revisions have 2 heads, and one was expected")
				.hasMessageContaining(TITLE_INDEX + " (index task titles)")
				.hasMessageContaining(PROJECTS + " (create projects)")
				.hasMessageContaining("migrate merge heads");
		}
	}

	@Test
	void declaredHeadsPassAndAnUndeclaredHeadFailsNamingIt() {
		RevisionScript[] revisions = { tasks(), titleIndex(true),
				revision(PROJECTS, "create projects", createsProjects(), TASKS) };
		try (MigrationTestKit declared = kit(List.of(TITLE_INDEX, "c300"), null, revisions)) {
			declared.assertHeads();
			declared.assertUpDownConsistency();
			for (RevisionScript revision : declared.downgradable()) {
				declared.assertDowngradeLeavesNoTrace(revision.id());
			}
		}
		try (MigrationTestKit one = kit(List.of(TITLE_INDEX), null, revisions)) {
			assertThatThrownBy(one::assertHeads).isInstanceOf(AssertionError.class)
				.hasMessageContaining("not declared: " + PROJECTS + " (create projects)");
		}
	}

	// -- minimum revision

	@Test
	void theMinimumRevisionAndItsAncestorsAreNeverDowngraded() {
		// were they downgraded, both would fail: the first cannot, the minimum leaves a
		// trace
		RevisionScript tasks = revision(TASKS, "create tasks",
				migration(MigrationTestKitScenarios::createTasks, (op) -> op.dropTable("no_such_table")));
		try (MigrationTestKit kit = kit(List.of(), "b200", tasks, titleIndex(false), projects())) {
			kit.assertUpDownConsistency();
			assertThat(kit.downgradable()).extracting(RevisionScript::id).containsExactly(PROJECTS);
			assertThatThrownBy(() -> kit.assertDowngradeLeavesNoTrace(TITLE_INDEX))
				.isInstanceOf(TestAbortedException.class)
				.hasMessageEndingWith(
						"Revision " + TITLE_INDEX + " is @MigrationTest(minimumRevision = \"b200\"): it and its "
								+ "ancestors are never downgraded.");
			assertThatThrownBy(() -> kit.assertDowngradeLeavesNoTrace(TASKS)).isInstanceOf(TestAbortedException.class)
				.hasMessageEndingWith(
						"Revision " + TASKS + " is an ancestor of @MigrationTest(minimumRevision = \"b200\") "
								+ TITLE_INDEX + ": it and its ancestors are never downgraded.");
			kit.assertDowngradeLeavesNoTrace(PROJECTS);
		}
	}

	@Test
	void aRevisionDeclaredIrreversibleIsKeptByTheWalkWhileEveryOtherDowngradeIsChecked() {
		RevisionScript irreversible = revision(TITLE_INDEX, "index task titles for good",
				migration((op) -> op.createIndex("ix_tasks_title", "tasks", "title"),
						(op) -> op.irreversible("reports depend on the index")),
				TASKS);
		// a second head beside it, on the same parent: its line steps down alone
		RevisionScript beside = revision(PROJECTS, "create projects", createsProjects(), TASKS);
		try (MigrationTestKit kit = kit(List.of(TITLE_INDEX, PROJECTS), null, tasks(), irreversible, beside)) {
			kit.assertUpDownConsistency();
			assertThat(kit.irreversibleReason(irreversible)).contains("reports depend on the index");
			assertThat(kit.downgradable()).extracting(RevisionScript::id).containsExactly(TASKS, PROJECTS);
			for (RevisionScript revision : kit.downgradable()) {
				kit.assertDowngradeLeavesNoTrace(revision.id());
			}
		}
		// and a downgrade that leaves a trace beside it is still caught
		RevisionScript sloppy = revision(PROJECTS, "create projects",
				migration((op) -> createsProjects().upgrade(op), (op) -> {
				}), TASKS);
		try (MigrationTestKit kit = kit(List.of(TITLE_INDEX, PROJECTS), null, tasks(), irreversible, sloppy)) {
			assertThatThrownBy(() -> kit.assertDowngradeLeavesNoTrace(PROJECTS)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("Downgrading revision " + PROJECTS)
				.hasMessageContaining("leaves a trace");
		}
	}

	// -- data

	@Test
	void rowsLostByARevisionFailNamingIt() {
		RevisionScript recreates = revision(TITLE_INDEX, "recreate tasks", migration((op) -> {
			op.dropTable("tasks");
			createTasks(op);
		}, (op) -> {
		}), TASKS);
		try (MigrationTestKit kit = kit(tasks(), recreates)) {
			assertThatThrownBy(() -> kit.assertDataSurvives(RevisionData.before(TITLE_INDEX)
				.seed((jdbc) -> jdbc.update("INSERT INTO tasks (id, title) VALUES (1, 'ship')"))
				.verify((jdbc) -> assertThat(jdbc.queryForList("SELECT id FROM tasks")).as("tasks").hasSize(1))))
				.isInstanceOf(AssertionError.class)
				.hasMessageContaining("The rows seeded before revision " + TITLE_INDEX + " (recreate tasks)")
				.hasMessageContaining("did not survive revision " + TITLE_INDEX + " (recreate tasks)")
				.hasMessageContaining("the check held just after the seeding and failed after " + TITLE_INDEX)
				.hasMessageContaining("[tasks]");
		}
	}

	@Test
	void rowsLostByALaterRevisionFailNamingThatRevisionAndTheLastStepTheCheckHeldAfter() {
		RevisionScript archives = revision(ARCHIVE, "archive finished tasks",
				migration((op) -> op.execute("DELETE FROM tasks"), (op) -> {
				}), PROJECTS);
		RevisionScript afterIt = revision(NOTES, "create notes",
				migration((op) -> op.createTable("notes", Column.of("id", Type.INTEGER).primaryKey()),
						(op) -> op.dropTable("notes")),
				ARCHIVE);
		try (MigrationTestKit kit = kit(tasks(), titleIndex(true), projects(), archives, afterIt)) {
			// the check reads a column revision c3 adds: it cannot hold before it
			assertThatThrownBy(() -> kit.assertDataSurvives(RevisionData.before(TITLE_INDEX)
				.seed((jdbc) -> jdbc.update("INSERT INTO tasks (id, title) VALUES (1, 'ship')"))
				.verify((jdbc) -> assertThat(jdbc.queryForList("SELECT project_id FROM tasks")).as("tasks")
					.hasSize(1))))
				.isInstanceOf(AssertionError.class)
				.hasMessageStartingWith("The rows seeded before revision " + TITLE_INDEX + " (index task titles) ["
						+ "test revision " + TITLE_INDEX + "] did not survive revision " + ARCHIVE
						+ " (archive finished tasks) [test revision " + ARCHIVE + "]: upgrading one revision at a time "
						+ "from the seeding to heads, the check held after revision " + PROJECTS
						+ " (create projects) and failed after " + ARCHIVE + ":")
				.hasMessageContaining("[tasks]")
				.hasMessageContaining("Expected size: 1 but was: 0");
			// a check that holds at no step blames no revision
			assertThatThrownBy(() -> kit.assertDataSurvives(RevisionData.before(TITLE_INDEX)
				.verify((jdbc) -> assertThat(jdbc.queryForList("SELECT id FROM tasks")).as("tasks").hasSize(1))))
				.isInstanceOf(AssertionError.class)
				.hasMessageContaining("The rows seeded before revision " + TITLE_INDEX + " (index task titles)")
				.hasMessageContaining("did not survive the upgrade through it to heads")
				.hasMessageContaining("the check held at no step from the seeding to heads");
		}
	}

	// -- entity model

	@Test
	void entitiesThatDifferFromTheRevisionsFailNamingTheDifference() throws Exception {
		database().reset();
		try (ConfigurableApplicationContext application = widgets(WidgetApplications.V2.class);
				MigrationTestKit kit = new MigrationTestKit(
						RevisionGraph.load(List.of(WidgetApplications.REVISIONS), getClass().getClassLoader()),
						MigratorConfig.defaults(), dialectName(), this::scratch,
						() -> Optional.of(application.getBean(Autogenerator.class).compareWithRevisions()), List.of(),
						null)) {
			assertThatThrownBy(kit::assertModelMatchesRevisions).isInstanceOf(AssertionError.class)
				.hasMessageContaining("The entities and the schema the revisions build")
				.hasMessageContaining("1 difference")
				.hasMessageContaining("add column widgets.colour VARCHAR(20)");
		}
		try (ConfigurableApplicationContext application = widgets(WidgetApplications.V1.class);
				MigrationTestKit kit = new MigrationTestKit(
						RevisionGraph.load(List.of(WidgetApplications.REVISIONS), getClass().getClassLoader()),
						MigratorConfig.defaults(), dialectName(), this::scratch,
						() -> Optional.of(application.getBean(Autogenerator.class).compareWithRevisions()), List.of(),
						null)) {
			kit.assertModelMatchesRevisions();
		}
	}

	private ConfigurableApplicationContext widgets(Class<?> application) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>(database().dataSourceProperties());
		properties.put("migrations.locations", WidgetApplications.REVISIONS);
		properties.put("spring.jpa.database-platform", hibernateDialect());
		properties.put("spring.main.banner-mode", "off");
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).properties(properties).run();
	}

	// -- revisions

	static RevisionScript tasks() {
		return revision(TASKS, "create tasks",
				migration(MigrationTestKitScenarios::createTasks, (op) -> op.dropTable("tasks")));
	}

	static void createTasks(Operations op) {
		op.createTable("tasks", Column.of("id", Type.INTEGER).primaryKey(),
				Column.of("title", Type.varchar(100)).notNull());
	}

	/**
	 * Indexes task titles; with {@code dropsIt} false its downgrade forgets the index.
	 */
	static RevisionScript titleIndex(boolean dropsIt) {
		return revision(TITLE_INDEX, "index task titles",
				migration((op) -> op.createIndex("ix_tasks_title", "tasks", "title"), (op) -> {
					if (dropsIt) {
						op.dropIndex("ix_tasks_title", "tasks");
					}
				}), TASKS);
	}

	static RevisionScript projects() {
		return revision(PROJECTS, "create projects", createsProjects(), TITLE_INDEX);
	}

	static Migration createsProjects() {
		return migration((op) -> {
			op.createTable("projects", Column.of("id", Type.INTEGER).primaryKey(),
					Column.of("name", Type.varchar(100)).notNull());
			op.addColumn("tasks", Column.of("project_id", Type.INTEGER));
			op.createForeignKey("fk_tasks_project", "tasks", List.of("project_id"), "projects", List.of("id"),
					ForeignKey.Action.CASCADE, null);
		}, (op) -> {
			op.dropConstraint("fk_tasks_project", "tasks", Constraint.Kind.FOREIGN_KEY);
			op.dropColumn("tasks", "project_id");
			op.dropTable("projects");
		});
	}

	static RevisionScript revision(String id, String message, Migration migration, String... parents) {
		return new RevisionScript(id, List.of(parents), Set.of(), List.of(), message, null, true, Set.of(),
				"test revision " + id, RevisionScript.Kind.JAVA, migration);
	}

	static Migration migration(Consumer<Operations> upgrade, Consumer<Operations> downgrade) {
		return new Migration() {

			@Override
			public void upgrade(Operations op) {
				upgrade.accept(op);
			}

			@Override
			public void downgrade(Operations op) {
				downgrade.accept(op);
			}

		};
	}

}
