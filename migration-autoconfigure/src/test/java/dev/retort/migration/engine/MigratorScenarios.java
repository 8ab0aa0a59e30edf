package dev.retort.migration.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.retort.migration.MigrationException;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.LockTimeoutException;
import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.operation.IrreversibleOperationException;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionLocationException;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.revision.UnknownAppliedRevisionException;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.retort.migration.engine.TestRevisions.createsTable;
import static dev.retort.migration.engine.TestRevisions.labelled;
import static dev.retort.migration.engine.TestRevisions.migration;
import static dev.retort.migration.engine.TestRevisions.revision;
import static dev.retort.migration.engine.TestRevisions.table;
import static dev.retort.migration.engine.TestRevisions.tableOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrator's scenarios, written once and run against each database.
 */
abstract class MigratorScenarios {

	static final String ORCHESTRATOR = "classpath:dev/retort/migration/engine/orchestrator";

	static final String INITIAL = "a1b2c3d4e5f6";

	static final String PRIORITY = "3f2a9c1b7d4e";

	static final String INDEXES = "7c9e2d4b1a08";

	/** A data source opening a new connection to this scenario's empty database. */
	protected abstract DataSource dataSource();

	/**
	 * Takes the migration lock from outside the migrator, as another process would, until
	 * closed.
	 */
	protected abstract AutoCloseable holdMigrationLock() throws Exception;

	MigratorConfig config() {
		return MigratorConfig.defaults().withLocations(ORCHESTRATOR).withLockTimeout(Duration.ofMinutes(2));
	}

	Migrator orchestrator() {
		return new Migrator(dataSource(), config());
	}

	Migrator migrator(RevisionScript... revisions) {
		return new Migrator(dataSource(), config(), RevisionGraph.of(List.of(revisions)));
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource());
	}

	// -- locations

	@Test
	void aLocationNotOnTheClassPathStopsEveryCommandInsteadOfReadingAsNoRevisions() {
		orchestrator().upgrade("heads");
		Migrator misspelt = new Migrator(dataSource(),
				config().withLocations("classpath:dev/retort/migration/engine/orchestra"));

		for (Runnable command : List.<Runnable>of(misspelt::status, () -> misspelt.upgrade("heads"),
				() -> misspelt.downgrade("base"), misspelt::graph)) {
			assertThatExceptionOfType(RevisionLocationException.class).isThrownBy(command::run)
				.withMessageStartingWith("Migration location 'classpath:dev/retort/migration/engine/orchestra' is not "
						+ "on the class path: no class path entry has a folder dev/retort/migration/engine/orchestra")
				.withMessageContaining("nothing was run")
				.withMessageContaining("Correct migrations.locations");
		}
		assertThat(orchestrator().current()).containsExactly(INDEXES);
		assertThat(tables()).containsExactlyInAnyOrder("users", "projects", "agents", "tasks");
		// for the first revision of a new location
		assertThat(misspelt.graphAsFound().revisions()).isEmpty();
		assertThat(misspelt.graphAsFound().locationsNotFound())
			.containsExactly("classpath:dev/retort/migration/engine/orchestra");
	}

	@Test
	void theDefaultLocationMayBeMissingInAnApplicationWithoutRevisions() {
		Migrator fresh = new Migrator(dataSource(), MigratorConfig.defaults());

		assertThat(fresh.graph().revisions()).isEmpty();
		assertThat(fresh.status().upToDate()).isTrue();
		assertThat(fresh.upgrade("heads").steps()).isEmpty();
	}

	// -- the orchestrator schema

	@Test
	void orchestratorSchemaSurvivesDowngradeAndUpgradeWithItsData() {
		Migrator migrator = orchestrator();
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting((step) -> step.revision().id())
			.containsExactly(INITIAL, PRIORITY, INDEXES);
		assertThat(tables()).containsExactlyInAnyOrder("users", "projects", "agents", "tasks");
		assertThat(columns("tasks")).contains("priority");
		assertThat(indexes("tasks")).contains("ix_tasks_priority", "ix_tasks_project");
		assertThat(migrator.current()).containsExactly(INDEXES);

		JdbcTemplate jdbc = jdbc();
		jdbc.update("INSERT INTO users (id, name, email) VALUES ('u1', 'Ada', 'ada@example.com')");
		jdbc.update("INSERT INTO projects (id, name, owner_id) VALUES ('p1', 'Retort', 'u1')");
		jdbc.update("INSERT INTO agents (id, name, model) VALUES ('a1', 'planner', 'large')");
		jdbc.update("INSERT INTO tasks (id, project_id, title, assigned_agent, priority) "
				+ "VALUES ('t1', 'p1', 'write the engine', 'a1', 3)");
		jdbc.update("INSERT INTO tasks (id, project_id, title) VALUES ('t2', 'p1', 'write the tests')");

		migrator.downgrade("-1");
		assertThat(migrator.current()).containsExactly(PRIORITY);
		assertThat(indexes("tasks")).doesNotContain("ix_tasks_priority", "ix_tasks_project");

		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly(INDEXES);
		assertThat(indexes("tasks")).contains("ix_tasks_priority", "ix_tasks_project");
		assertThat(jdbc.queryForList("SELECT id, priority FROM tasks ORDER BY id")).extracting((row) -> row.get("id"))
			.containsExactly("t1", "t2");
		assertThat(jdbc.queryForObject("SELECT priority FROM tasks WHERE id = 't2'", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT priority FROM tasks WHERE id = 't1'", Integer.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM users", Integer.class)).isOne();
	}

	@Test
	void historyRecordsEveryStepWithItsChecksum() {
		Migrator migrator = orchestrator();
		migrator.upgrade("heads");
		migrator.downgrade("-1");
		List<HistoryEntry> history = migrator.history();
		assertThat(history).extracting(HistoryEntry::revision, HistoryEntry::direction, HistoryEntry::success)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(INITIAL, Direction.UPGRADE, true),
					org.assertj.core.groups.Tuple.tuple(PRIORITY, Direction.UPGRADE, true),
					org.assertj.core.groups.Tuple.tuple(INDEXES, Direction.UPGRADE, true),
					org.assertj.core.groups.Tuple.tuple(INDEXES, Direction.DOWNGRADE, true));
		assertThat(history).allSatisfy((entry) -> {
			assertThat(entry.checksum()).isNotBlank();
			assertThat(entry.appliedAt()).isNotNull();
			assertThat(entry.appliedBy()).isEqualTo(config().appliedBy());
			assertThat(entry.duration().isNegative()).isFalse();
		});
		String dialect = migrator.dialect();
		assertThat(history.get(1).checksum()).isEqualTo(migrator.graph().get(PRIORITY).checksum(dialect));
	}

	@Test
	void aRunOnBehalfOfSomeoneIsRecordedWithTheirNameWithinTheHistoryColumn() {
		Migrator migrator = new Migrator(dataSource(), config().withAppliedBy("deploy"));
		String longName = "CN=" + "x".repeat(300);

		migrator.onBehalfOf("ops over HTTP", () -> migrator.upgrade(INITIAL));
		migrator.onBehalfOf(longName, () -> migrator.upgrade(PRIORITY));
		migrator.upgrade("heads");

		assertThat(migrator.history()).extracting(HistoryEntry::appliedBy)
			.containsExactly("deploy (for ops over HTTP)", ("deploy (for " + longName).substring(0, 252) + "...",
					"deploy");
	}

	@Test
	void statusShowsPendingRevisionsInOrderAndRevisionStates() {
		Migrator migrator = orchestrator();
		MigrationStatus before = migrator.status();
		assertThat(before.current()).isEmpty();
		assertThat(before.pending()).extracting(RevisionScript::id).containsExactly(INITIAL, PRIORITY, INDEXES);
		assertThat(before.upToDate()).isFalse();

		migrator.upgrade(PRIORITY);
		MigrationStatus after = migrator.status();
		assertThat(after.current()).containsExactly(PRIORITY);
		assertThat(after.heads()).containsExactly(INDEXES);
		assertThat(after.pending()).extracting(RevisionScript::id).containsExactly(INDEXES);
		assertThat(migrator.revisionStates()).extracting(RevisionState::id, RevisionState::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(INITIAL, RevisionState.State.APPLIED),
					org.assertj.core.groups.Tuple.tuple(PRIORITY, RevisionState.State.APPLIED),
					org.assertj.core.groups.Tuple.tuple(INDEXES, RevisionState.State.PENDING));
		assertThat(migrator.revisionStates().get(0).appliedAt()).isNotNull();
		assertThat(migrator.revisionStates()).noneMatch(RevisionState::checksumMismatch);
		MigrationReport report = migrator.report();
		assertThat(report.status()).as("one read gives the same status").isEqualTo(after);
		assertThat(report.revisions()).isEqualTo(migrator.revisionStates());

		migrator.upgrade("heads");
		assertThat(migrator.status().upToDate()).isTrue();
	}

	@Test
	void dataMigrationSeesTheOperationsRecordedBeforeItOnTheSameTransaction() {
		Migrator migrator = migrator(revision("a10000000001", List.of(), Set.of(), true, migration((op) -> {
			op.createTable("tasks", Column.of("id", Type.INTEGER).primaryKey(), Column.of("title", Type.varchar(50)));
			op.bulkInsert("tasks", List.of(Map.of("id", 1, "title", "urgent: fix"), Map.of("id", 2, "title", "later")));
		}, (op) -> op.dropTable("tasks"))),
				revision("b20000000002", List.of("a10000000001"), Set.of(), true, migration((op) -> {
					op.addColumn("tasks", Column.of("priority", Type.INTEGER).notNull().serverDefault("0"));
					op.jdbc().update("UPDATE tasks SET priority = 9 WHERE title LIKE 'urgent%'");
				}, (op) -> op.dropColumn("tasks", "priority"))));
		migrator.upgrade("heads");
		assertThat(jdbc().queryForList("SELECT id, priority FROM tasks ORDER BY id"))
			.extracting((row) -> row.get("id"), (row) -> ((Number) row.get("priority")).intValue())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 9), org.assertj.core.groups.Tuple.tuple(2, 0));
	}

	@Test
	void revisionEditedAfterItRanShowsAChecksumMismatch() {
		migrator(table("a10000000001")).upgrade("heads");
		Migrator edited = migrator(revision("a10000000001", List.of(), Set.of(), true,
				migration((op) -> op.createTable(tableOf("a10000000001"), Column.of("id", Type.BIGINT).primaryKey()),
						(op) -> op.dropTable(tableOf("a10000000001")))));
		assertThat(edited.revisionStates()).singleElement().satisfies((state) -> {
			assertThat(state.state()).isEqualTo(RevisionState.State.APPLIED);
			assertThat(state.checksumMismatch()).isTrue();
		});
	}

	@Test
	void aRevisionEditedUnderOneTheCodeDoesNotKnowStillShowsItsChecksumMismatch() {
		migrator(table("a10000000001"), table("b20000000002", "a10000000001")).upgrade("heads");
		// an older build, whose a10000000001 differs from what ran, against the newer
		// database
		Migrator older = migrator(revision("a10000000001", List.of(), Set.of(), true,
				migration((op) -> op.createTable(tableOf("a10000000001"), Column.of("id", Type.BIGINT).primaryKey()),
						(op) -> op.dropTable(tableOf("a10000000001")))));
		assertThat(older.revisionStates())
			.extracting(RevisionState::id, RevisionState::state, RevisionState::checksumMismatch)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a10000000001", RevisionState.State.APPLIED, true),
					org.assertj.core.groups.Tuple.tuple("b20000000002", RevisionState.State.UNKNOWN_TO_CODE, false));
	}

	@Test
	void listenersHearEveryStep() {
		List<String> heard = new CopyOnWriteArrayList<>();
		Migrator migrator = orchestrator().addListener(new MigrationListener() {

			@Override
			public void beforeStep(MigrationPlan.Step step, int index, int total) {
				heard.add("before " + step.revision().id() + " " + index + "/" + total);
			}

			@Override
			public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
				heard.add("after " + step.revision().id());
			}

		});
		migrator.upgrade("+2");
		assertThat(heard).containsExactly("before " + INITIAL + " 1/2", "after " + INITIAL,
				"before " + PRIORITY + " 2/2", "after " + PRIORITY);
	}

	@Test
	void aRemovedListenerHearsNoMoreSteps() {
		List<String> heard = new CopyOnWriteArrayList<>();
		MigrationListener listener = new MigrationListener() {

			@Override
			public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
				heard.add(step.revision().id());
			}

		};
		Migrator migrator = orchestrator().addListener(listener);
		migrator.upgrade("+1");

		migrator.removeListener(listener).upgrade("+1");

		assertThat(heard).containsExactly(INITIAL);
		assertThat(migrator.current()).containsExactly(PRIORITY);
	}

	@Test
	void dryRunProvesRevisionsWorkAndKeepsNothing() {
		Migrator migrator = orchestrator();
		MigrationResult result = migrator.upgrade("heads", true);
		assertThat(result.steps()).hasSize(3);
		assertThat(tables()).isEmpty();
		assertThat(migrator.current()).isEmpty();
	}

	// -- targets

	private Migrator linear() {
		return migrator(labelled("a10000000001", Set.of("core")), table("b20000000002", "a10000000001"),
				table("c30000000003", "b20000000002"), table("d40000000004", "c30000000003"));
	}

	@Test
	void upgradeToHeadAppliesEveryRevision() {
		Migrator migrator = linear();
		migrator.upgrade("head");
		assertThat(migrator.current()).containsExactly("d40000000004");
		assertThat(tables()).containsExactlyInAnyOrder(tableOf("a10000000001"), tableOf("b20000000002"),
				tableOf("c30000000003"), tableOf("d40000000004"));
	}

	@Test
	void relativeTargetsMoveFromTheCurrentRevision() {
		Migrator migrator = linear();
		migrator.upgrade("+2");
		assertThat(migrator.current()).containsExactly("b20000000002");
		migrator.upgrade("+1");
		assertThat(migrator.current()).containsExactly("c30000000003");
		migrator.downgrade("-2");
		assertThat(migrator.current()).containsExactly("a10000000001");
		assertThat(tables()).containsExactly(tableOf("a10000000001"));
	}

	@Test
	void uniquePrefixAndRevisionPlusN() {
		Migrator migrator = linear();
		migrator.upgrade("b2");
		assertThat(migrator.current()).containsExactly("b20000000002");
		migrator.upgrade("b2+2");
		assertThat(migrator.current()).containsExactly("d40000000004");
		migrator.downgrade("a1");
		assertThat(migrator.current()).containsExactly("a10000000001");
	}

	@Test
	void headMinusN() {
		Migrator migrator = linear();
		migrator.upgrade("head-1");
		assertThat(migrator.current()).containsExactly("c30000000003");
	}

	@Test
	void labelTargets() {
		Migrator migrator = linear();
		migrator.upgrade("core@+1");
		assertThat(migrator.current()).containsExactly("a10000000001");
		migrator.upgrade("core@head");
		assertThat(migrator.current()).containsExactly("d40000000004");
		migrator.downgrade("core@base");
		assertThat(migrator.current()).isEmpty();
		assertThat(tables()).isEmpty();
	}

	@Test
	void downgradeToBaseUndoesEverything() {
		Migrator migrator = linear();
		migrator.upgrade("heads");
		MigrationResult result = migrator.downgrade("base");
		assertThat(result.steps()).extracting((step) -> step.revision().id())
			.containsExactly("d40000000004", "c30000000003", "b20000000002", "a10000000001");
		assertThat(migrator.current()).isEmpty();
		assertThat(tables()).isEmpty();
	}

	// -- branches and merges

	private RevisionScript[] branched() {
		return new RevisionScript[] { table("aa0000000001"), table("aa0000000002", "aa0000000001"),
				labelled("bb0000000001", Set.of("billing"), "aa0000000002"), table("bb0000000002", "bb0000000001"),
				labelled("cc0000000001", Set.of("search"), "aa0000000002"), table("cc0000000002", "cc0000000001") };
	}

	@Test
	void headIsAmbiguousWithTwoBranchesAndNothingRuns() {
		Migrator migrator = migrator(branched());
		assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class)
			.hasMessageContaining("bb0000000002")
			.hasMessageContaining("cc0000000002")
			.hasMessageContaining("heads");
		assertThat(tables()).isEmpty();
	}

	@Test
	void upgradeToHeadsAppliesEveryBranchAndKeepsOneRowPerHead() {
		Migrator migrator = migrator(branched());
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");
		assertThat(tables()).hasSize(6);
		assertThat(migrator.status().upToDate()).isTrue();
	}

	@Test
	void branchLabelUpgradesOneBranchOnly() {
		Migrator migrator = migrator(branched());
		migrator.upgrade("billing@head");
		assertThat(migrator.current()).containsExactly("bb0000000002");
		assertThat(tables()).doesNotContain(tableOf("cc0000000001"));
		migrator.upgrade("search@head");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");
	}

	@Test
	void mergeRevisionJoinsBranchesIntoOneRow() {
		List<RevisionScript> revisions = new ArrayList<>(List.of(branched()));
		revisions.add(table("dd0000000001", "bb0000000002", "cc0000000002"));
		Migrator migrator = migrator(revisions.toArray(RevisionScript[]::new));
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("dd0000000001");
		migrator.downgrade("-1");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");
		assertThat(tables()).doesNotContain(tableOf("dd0000000001")).hasSize(6);
	}

	// -- stamp

	@Test
	void stampRecordsRevisionsWithoutRunningThem() {
		Migrator migrator = linear();
		MigrationResult result = migrator.stamp("c3", false);
		assertThat(result.current()).containsExactly("c30000000003");
		assertThat(migrator.current()).containsExactly("c30000000003");
		assertThat(tables()).isEmpty();
		assertThat(migrator.history()).extracting(HistoryEntry::revision, HistoryEntry::direction)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("c30000000003", Direction.STAMP));
		migrator.upgrade("heads");
		assertThat(tables()).containsExactly(tableOf("d40000000004"));
	}

	@Test
	void stampWithPurgeReplacesEvenUnknownRevisions() {
		migrator(table("a10000000001"), table("b20000000002", "a10000000001"), table("e50000000005", "b20000000002"))
			.upgrade("heads");
		Migrator older = linear();
		assertThatExceptionOfType(UnknownAppliedRevisionException.class).isThrownBy(() -> older.stamp("b2", false));
		older.stamp("b2", true);
		assertThat(older.current()).containsExactly("b20000000002");
		assertThat(older.status().unknown()).isEmpty();
	}

	@Test
	void stampBaseWithPurgeEmptiesTheVersionTable() {
		Migrator migrator = migrator(branched());
		migrator.upgrade("heads");
		migrator.stamp("base", true);
		assertThat(migrator.current()).isEmpty();
	}

	// -- validation: errors name the file and nothing runs, not even the version table

	@TempDir
	Path revisionDirectory;

	private Migrator fromDirectory(Map<String, String> files) throws IOException {
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(this.revisionDirectory.resolve(file.getKey()), file.getValue());
		}
		return new Migrator(dataSource(), config().withLocations("filesystem:" + this.revisionDirectory));
	}

	private static String sqlRevision(String id, String revises) {
		return "-- revision: " + id + "\n" + ((revises != null) ? "-- revises: " + revises + "\n" : "")
				+ "-- message: table " + id + "\n-- +upgrade\nCREATE TABLE t_" + id + " (id INTEGER);\n"
				+ "-- +downgrade\nDROP TABLE t_" + id + ";\n";
	}

	private void assertNothingRan(Migrator migrator, String... mentioned) {
		assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigrationException.class)
			.hasMessageContainingAll(mentioned);
		assertThat(allTables()).isEmpty();
	}

	@Test
	void duplicateRevisionIdIsRefused() throws IOException {
		assertNothingRan(
				fromDirectory(Map.of("20261121_1200_aa0000000001_one.sql", sqlRevision("aa0000000001", null),
						"20261121_1300_aa0000000001_two.sql", sqlRevision("aa0000000001", null))),
				"aa0000000001", "20261121_1200_aa0000000001_one.sql", "20261121_1300_aa0000000001_two.sql");
	}

	@Test
	void missingParentIsRefused() throws IOException {
		assertNothingRan(
				fromDirectory(Map.of("20261121_1200_aa0000000001_one.sql", sqlRevision("aa0000000001", null),
						"20261121_1300_bb0000000002_two.sql", sqlRevision("bb0000000002", "cc0000000009"))),
				"cc0000000009", "20261121_1300_bb0000000002_two.sql");
	}

	@Test
	void cycleIsRefused() throws IOException {
		assertNothingRan(
				fromDirectory(Map.of("20261121_1200_aa0000000001_one.sql", sqlRevision("aa0000000001", null),
						"20261121_1300_bb0000000002_two.sql", sqlRevision("bb0000000002", "cc0000000003"),
						"20261121_1400_cc0000000003_three.sql", sqlRevision("cc0000000003", "bb0000000002"))),
				"bb0000000002", "cc0000000003");
	}

	@Test
	void unparsableFileIsRefused() throws IOException {
		assertNothingRan(
				fromDirectory(Map.of("20261121_1200_aa0000000001_one.sql", sqlRevision("aa0000000001", null),
						"20261121_1300_bb0000000002_broken.sql", "CREATE TABLE no_header (id INTEGER);\n")),
				"20261121_1300_bb0000000002_broken.sql");
	}

	@Test
	void unknownDependsOnIsRefused() {
		Migrator migrator = new Migrator(dataSource(),
				config().withLocations("classpath:dev/retort/migration/engine/invalid"));
		assertNothingRan(migrator, "ffffffffffff", "de0000000001");
	}

	// -- failures

	@Test
	void failingRevisionRollsBackAndLeavesThePreviousState() {
		Migrator migrator = migrator(table("a10000000001"),
				revision("b20000000002", List.of("a10000000001"), Set.of(), true, migration((op) -> {
					op.createTable("half_done", Column.of("id", Type.INTEGER));
					op.execute("INSERT INTO no_such_table VALUES (1)");
				}, (op) -> op.dropTable("half_done"))));
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.revision()).isEqualTo("b20000000002");
				assertThat(ex.statement()).contains("no_such_table");
				assertThat(ex.getMessage()).contains("b20000000002", "test revision b20000000002",
						"INSERT INTO no_such_table", "rolled back", "a10000000001");
			});
		assertThat(migrator.current()).containsExactly("a10000000001");
		assertThat(tables()).containsExactly(tableOf("a10000000001"));
		List<HistoryRecord> history = migrator.historyRecords();
		assertThat(history).extracting(HistoryRecord::revision, HistoryRecord::success)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a10000000001", true),
					org.assertj.core.groups.Tuple.tuple("b20000000002", false));
		assertThat(history.get(1).error()).contains("no_such_table");
	}

	@Test
	void failingNonTransactionalRevisionSaysItMayBePartlyApplied() {
		Migrator migrator = migrator(table("a10000000001"),
				revision("b20000000002", List.of("a10000000001"), Set.of(), false, migration((op) -> {
					op.createTable("half_done", Column.of("id", Type.INTEGER));
					op.execute("INSERT INTO no_such_table VALUES (1)");
				}, (op) -> op.dropTable("half_done"))));
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("partly applied")
			.withMessageContaining("stamp b20000000002");
		assertThat(migrator.current()).containsExactly("a10000000001");
		assertThat(tables()).contains("half_done");
	}

	@Test
	void versionTableMovedByAnotherProcessDuringAStepIsReportedAsAConcurrentChange() {
		// a non-transactional revision runs outside the step's transaction: someone
		// stamps the database back to base meanwhile
		Migrator migrator = migrator(table("a10000000001"), revision("b20000000002", List.of("a10000000001"), Set.of(),
				false, migration((op) -> jdbc().update("DELETE FROM migrations_version"), (op) -> {
				})));
		migrator.upgrade("+1");

		assertThatExceptionOfType(ConcurrentMigrationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("Another process changed the version table migrations_version")
			.withMessageContaining("expected at a10000000001 but is at base")
			.withMessageContaining("status");
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.historyRecords()).extracting(HistoryRecord::revision).containsExactly("a10000000001");
	}

	@Test
	void nonTransactionalRevisionIsAppliedAndRecorded() {
		Migrator migrator = migrator(table("a10000000001"),
				revision("b20000000002", List.of("a10000000001"), Set.of(), false, createsTable("b20000000002")));
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("b20000000002");
		assertThat(tables()).contains(tableOf("b20000000002"));
	}

	@Test
	void aDryRunOfAPlanWithANonTransactionalRevisionIsRefusedBeforeAnythingRuns() {
		Migrator migrator = migrator(table("a10000000001"),
				revision("b20000000002", List.of("a10000000001"), Set.of(), false, createsTable("b20000000002")),
				table("c30000000003", "b20000000002"));
		assertThatExceptionOfType(DryRunNotPossibleException.class).isThrownBy(() -> migrator.upgrade("heads", true))
			.withMessageContaining("revision b20000000002")
			.withMessageContaining("is transactional = false")
			.withMessageContaining("Nothing was run")
			.withMessageContaining("`upgrade a10000000001 --dry-run`");
		assertThat(tables()).as("nothing ran, not even the first step").doesNotContain(tableOf("a10000000001"));
		assertThat(migrator.current()).isEmpty();

		// the steps before it can be tried; with it first, there is nothing before it
		assertThat(migrator.upgrade("a10000000001", true).steps()).hasSize(1);
		migrator.upgrade("a10000000001");
		assertThatExceptionOfType(DryRunNotPossibleException.class).isThrownBy(() -> migrator.upgrade("heads", true))
			.withMessageContaining("It is the first step, so there is nothing before it to try; read what it runs "
					+ "with `upgrade --sql`.");
		assertThat(migrator.current()).containsExactly("a10000000001");

		// a downgrade through it is refused the same way
		migrator.upgrade("heads");
		assertThatExceptionOfType(DryRunNotPossibleException.class).isThrownBy(() -> migrator.downgrade("base", true))
			.withMessageContaining("`downgrade b20000000002 --dry-run`");
		assertThat(migrator.current()).containsExactly("c30000000003");
		assertThat(tables()).contains(tableOf("c30000000003"));
	}

	@Test
	void databaseAheadOfTheCodeIsReportedAndNothingRuns() {
		migrator(table("a10000000001"), table("b20000000002", "a10000000001")).upgrade("heads");
		Migrator older = migrator(table("a10000000001"), table("c30000000003", "a10000000001"));
		assertThatExceptionOfType(UnknownAppliedRevisionException.class).isThrownBy(() -> older.upgrade("heads"))
			.withMessageContaining("b20000000002")
			.withMessageContaining("ahead of the code")
			.withMessageContaining("stamp");
		assertThat(tables()).doesNotContain(tableOf("c30000000003"));
		MigrationStatus status = older.status();
		assertThat(status.unknown()).containsExactly("b20000000002");
		assertThat(status.upToDate()).isFalse();
		assertThat(older.revisionStates()).extracting(RevisionState::id, RevisionState::state)
			.contains(org.assertj.core.groups.Tuple.tuple("b20000000002", RevisionState.State.UNKNOWN_TO_CODE));
	}

	@Test
	void irreversibleDowngradeIsRefusedBeforeAnythingRuns() {
		Migrator migrator = migrator(table("a10000000001"),
				revision("b20000000002", List.of("a10000000001"), Set.of(), true,
						migration((op) -> op.createTable("archive", Column.of("id", Type.INTEGER)),
								(op) -> op.irreversible("archived rows cannot be restored"))),
				table("c30000000003", "b20000000002"));
		migrator.upgrade("heads");
		assertThatExceptionOfType(IrreversibleOperationException.class).isThrownBy(() -> migrator.downgrade("base"))
			.withMessageContaining("b20000000002")
			.withMessageContaining("archived rows cannot be restored");
		assertThat(migrator.current()).containsExactly("c30000000003");
		assertThat(tables()).contains(tableOf("c30000000003"), "archive");
		migrator.downgrade("-1");
		assertThat(migrator.current()).containsExactly("b20000000002");
	}

	// -- concurrency

	@Test
	void eightConcurrentMigratorsApplyEachRevisionExactlyOnce() throws Exception {
		List<RevisionScript> revisions = new ArrayList<>();
		revisions.add(table("c00000000000"));
		for (int i = 1; i < 12; i++) {
			revisions.add(table(String.format(Locale.ROOT, "c%011d", i), String.format(Locale.ROOT, "c%011d", i - 1)));
		}
		RevisionGraph graph = RevisionGraph.of(revisions);
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<MigrationResult>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					Migrator migrator = new Migrator(dataSource(), config(), graph);
					start.await(1, TimeUnit.MINUTES);
					return migrator.upgrade("heads");
				}));
			}
			int applied = 0;
			for (Future<MigrationResult> result : results) {
				applied += result.get(3, TimeUnit.MINUTES).steps().size();
			}
			assertThat(applied).isEqualTo(revisions.size());
		}
		finally {
			executor.shutdownNow();
		}
		Migrator migrator = new Migrator(dataSource(), config(), graph);
		assertThat(migrator.current()).containsExactly("c00000000011");
		List<HistoryEntry> history = migrator.history();
		assertThat(history).allMatch(HistoryEntry::success);
		assertThat(history).extracting(HistoryEntry::revision)
			.containsExactlyElementsOf(revisions.stream().map(RevisionScript::id).toList());
		assertThat(tables()).hasSize(revisions.size());
	}

	@Test
	void lockHeldByAnotherProcessTimesOutWithoutRunningAnything() throws Exception {
		Migrator migrator = new Migrator(dataSource(), config().withLockTimeout(Duration.ofMillis(300)),
				RevisionGraph.of(List.of(table("a10000000001"))));
		migrator.current();
		AutoCloseable lock = holdMigrationLock();
		try {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageStartingWith("Timed out after 300ms waiting for the ")
				.withMessageContaining("another process")
				.withMessageContaining("raise migrations.lock-timeout");
		}
		finally {
			lock.close();
		}
		assertThat(tables()).isEmpty();
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("a10000000001");
	}

	// -- the connection the migrator gives back

	@Test
	void everyCommandGivesThePooledConnectionBackAsItWas() throws Exception {
		try (HikariDataSource pool = pool()) {
			Map<String, String> before = applicationSettings(pool);
			Migrator migrator = new Migrator(pool, config(),
					RevisionGraph.of(List.of(table("a10000000001"), table("b20000000002", "a10000000001"))));

			migrator.upgrade("+1");
			assertThat(applicationSettings(pool)).isEqualTo(before);
			migrator.status();
			migrator.report();
			migrator.historyRecords();
			assertThat(applicationSettings(pool)).isEqualTo(before);
			migrator.upgrade("heads", true);
			assertThat(applicationSettings(pool)).isEqualTo(before);
			migrator.stamp("a10000000001", false);
			migrator.upgrade("heads");
			migrator.downgrade("-1");
			assertThat(applicationSettings(pool)).isEqualTo(before);
			assertThat(migrationLockIsFree()).isTrue();
		}
	}

	@Test
	void revisionThrowingAnErrorIsRolledBackRecordedAndLeavesNoLockOnThePooledConnection() throws Exception {
		try (HikariDataSource pool = pool()) {
			Map<String, String> before = applicationSettings(pool);
			Migrator migrator = new Migrator(pool, config(), RevisionGraph.of(List.of(table("a10000000001"),
					revision("b20000000002", List.of("a10000000001"), Set.of(), true, migration((op) -> {
						op.createTable("half_done", Column.of("id", Type.INTEGER));
						op.jdbc().execute("INSERT INTO half_done VALUES (1)");
						throw new AssertionError("a bug in the revision");
					}, (op) -> op.dropTable("half_done"))))));

			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("b20000000002")
				.withMessageContaining("rolled back")
				.withMessageContaining("a bug in the revision");

			assertThat(migrationLockIsFree()).isTrue();
			assertThat(applicationSettings(pool)).isEqualTo(before);
			assertThat(tables()).containsExactly(tableOf("a10000000001"));
			assertThat(migrator.current()).containsExactly("a10000000001");
			assertThat(migrator.historyRecords()).extracting(HistoryRecord::revision, HistoryRecord::success)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("a10000000001", true),
						org.assertj.core.groups.Tuple.tuple("b20000000002", false));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "commit()", "rollback()", "setAutoCommit(true)", "COMMIT", "BEGIN", "batch COMMIT",
			"prepared COMMIT" })
	void aTransactionalRevisionCannotEndItsTransactionThroughJdbc(String how) throws Exception {
		Migrator migrator = new Migrator(dataSource(), config(), RevisionGraph.of(List.of(table("a10000000001"),
				revision("b20000000002", List.of("a10000000001"), Set.of(), true, migration((op) -> {
					op.createTable("half_done", Column.of("id", Type.INTEGER));
					op.jdbc().execute("INSERT INTO half_done VALUES (1)");
					switch (how) {
						case "commit()" -> op.jdbc().execute((ConnectionCallback<Void>) (connection) -> {
							connection.commit();
							return null;
						});
						case "rollback()" -> op.jdbc().execute((ConnectionCallback<Void>) (connection) -> {
							connection.rollback();
							return null;
						});
						case "setAutoCommit(true)" -> op.jdbc().execute((ConnectionCallback<Void>) (connection) -> {
							connection.setAutoCommit(true);
							return null;
						});
						case "batch COMMIT" -> op.jdbc().batchUpdate("INSERT INTO half_done VALUES (2)", "COMMIT");
						case "prepared COMMIT" -> op.jdbc().update("COMMIT", new Object[0]);
						default -> op.jdbc().execute(how);
					}
					op.jdbc().execute("INSERT INTO half_done VALUES (3)");
				}, (op) -> op.dropTable("half_done"))))));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("Upgrade of revision b20000000002")
			.withMessageContaining("failed and was rolled back; the database stays at a10000000001")
			.withMessageContaining(
					"which ends or starts a transaction, but every revision runs in a transaction " + "of its own")
			.withMessageContaining("@Revision(transactional = false)");

		assertThat(tables()).as("nothing of the revision was committed").containsExactly(tableOf("a10000000001"));
		assertThat(migrator.current()).containsExactly("a10000000001");
		assertThat(migrationLockIsFree()).isTrue();
	}

	@Test
	void aNonTransactionalRevisionCommitsThroughJdbcAsItChooses() throws Exception {
		Migrator migrator = new Migrator(dataSource(), config(), RevisionGraph.of(List.of(table("a10000000001"),
				revision("b20000000002", List.of("a10000000001"), Set.of(), false, migration((op) -> {
					op.createTable("batches", Column.of("id", Type.INTEGER));
					op.jdbc().execute((ConnectionCallback<Void>) (connection) -> {
						boolean autoCommit = connection.getAutoCommit();
						connection.setAutoCommit(false);
						try (Statement statement = connection.createStatement()) {
							statement.execute("INSERT INTO batches VALUES (1)");
						}
						connection.commit();
						connection.setAutoCommit(autoCommit);
						return null;
					});
				}, (op) -> op.dropTable("batches"))))));

		migrator.upgrade("heads");

		assertThat(migrator.current()).containsExactly("b20000000002");
		assertThat(tables()).contains("batches");
	}

	@Test
	void aConnectionThatCannotBePreparedGoesBackToThePoolAsItCame() throws Exception {
		try (HikariDataSource pool = pool()) {
			// an application whose connections are not in auto-commit, which the
			// migrator changes for its own work
			pool.setAutoCommit(false);
			applicationSettings(pool);
			// read once the pool has settled: with auto-commit off, the set-up
			// statement's
			// uncommitted settings go with the first transaction's rollback
			Map<String, String> before = applicationSettings(pool);
			String actual;
			try (Connection connection = pool.getConnection()) {
				actual = Dialects.of(connection).name();
			}
			// migrations.dialect set to the other database: preparing the session (on
			// PostgreSQL) or taking the run's lock (on SQLite) fails
			String configured = actual.equals("sqlite") ? "postgresql" : "sqlite";
			Migrator migrator = new Migrator(pool, config().withDialect(configured));

			assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageMatching("(?s)Could not (prepare a connection|upgrade to heads) on the database: .*"
						+ "Nothing further was run; check the connection and run `status`\\.");

			// the pool's only connection is back, as the application had it
			assertThat(applicationSettings(pool)).isEqualTo(before);
			assertThat(migrationLockIsFree()).isTrue();
			assertThat(tables()).isEmpty();
		}
	}

	@Test
	void virtualMachineErrorInARevisionPropagatesAndStillLeavesNothingBehind() throws Exception {
		try (HikariDataSource pool = pool()) {
			Map<String, String> before = applicationSettings(pool);
			OutOfMemoryError error = new OutOfMemoryError("simulated");
			Migrator migrator = new Migrator(pool, config(),
					RevisionGraph.of(List.of(revision("a10000000001", List.of(), Set.of(), true, migration((op) -> {
						op.createTable("half_done", Column.of("id", Type.INTEGER));
						op.jdbc().execute("INSERT INTO half_done VALUES (1)");
						throw error;
					}, (op) -> op.dropTable("half_done"))))));

			assertThatThrownBy(() -> migrator.upgrade("heads")).isSameAs(error);

			assertThat(migrationLockIsFree()).isTrue();
			assertThat(applicationSettings(pool)).isEqualTo(before);
			assertThat(tables()).isEmpty();
			assertThat(migrator.current()).isEmpty();
		}
	}

	/**
	 * A pool of one connection, as an application has: whatever the migrator leaves on
	 * it, the application gets next.
	 */
	private HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setDataSource(dataSource());
		pool.setMaximumPoolSize(1);
		pool.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
		pool.setConnectionInitSql(applicationSessionSetup());
		return pool;
	}

	/** The connection's session settings as the application sees them. */
	private Map<String, String> applicationSettings(DataSource pool) throws SQLException {
		try (Connection connection = pool.getConnection()) {
			Map<String, String> settings = new TreeMap<>(sessionSettings(connection));
			settings.put("autoCommit", String.valueOf(connection.getAutoCommit()));
			return settings;
		}
	}

	/**
	 * A statement setting the session settings an application might have chosen on its
	 * connections, to values the migrator would not choose itself.
	 */
	protected abstract String applicationSessionSetup();

	/**
	 * The session settings the migrator might change for its own work, and whether a
	 * transaction is open.
	 */
	protected abstract Map<String, String> sessionSettings(Connection connection) throws SQLException;

	/** Whether another process could take the migration lock right now. */
	protected abstract boolean migrationLockIsFree() throws SQLException;

	// -- inspecting the database, as a user would

	Set<String> tables() {
		return withMetaData((metaData, schema) -> {
			Set<String> names = new TreeSet<>();
			try (ResultSet rows = metaData.getTables(null, schema, "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					String name = rows.getString("TABLE_NAME");
					if (!name.startsWith("migrations_") && !name.startsWith("sqlite_")) {
						names.add(name);
					}
				}
			}
			return names;
		});
	}

	Set<String> allTables() {
		return withMetaData((metaData, schema) -> {
			Set<String> names = new TreeSet<>();
			try (ResultSet rows = metaData.getTables(null, schema, "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					if (!rows.getString("TABLE_NAME").startsWith("sqlite_")) {
						names.add(rows.getString("TABLE_NAME"));
					}
				}
			}
			return names;
		});
	}

	Set<String> columns(String table) {
		return withMetaData((metaData, schema) -> {
			Set<String> names = new TreeSet<>();
			try (ResultSet rows = metaData.getColumns(null, schema, table, "%")) {
				while (rows.next()) {
					names.add(rows.getString("COLUMN_NAME"));
				}
			}
			return names;
		});
	}

	Set<String> indexes(String table) {
		return withMetaData((metaData, schema) -> {
			Set<String> names = new TreeSet<>();
			try (ResultSet rows = metaData.getIndexInfo(null, schema, table, false, false)) {
				while (rows.next()) {
					if (rows.getString("INDEX_NAME") != null) {
						names.add(rows.getString("INDEX_NAME"));
					}
				}
			}
			return Collections.unmodifiableSet(names);
		});
	}

	private <T> T withMetaData(MetaDataQuery<T> query) {
		try (Connection connection = dataSource().getConnection()) {
			return query.run(connection.getMetaData(), connection.getSchema());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface MetaDataQuery<T> {

		T run(DatabaseMetaData metaData, String schema) throws SQLException;

	}

}
