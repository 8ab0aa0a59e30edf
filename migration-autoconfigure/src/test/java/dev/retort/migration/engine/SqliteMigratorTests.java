package dev.retort.migration.engine;

import java.nio.file.Path;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Type;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static dev.retort.migration.engine.TestRevisions.migration;
import static dev.retort.migration.engine.TestRevisions.revision;
import static dev.retort.migration.engine.TestRevisions.table;
import static dev.retort.migration.engine.TestRevisions.tableOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migrator's scenarios on a SQLite file of its own per test.
 */
class SqliteMigratorTests extends MigratorScenarios {

	@TempDir
	Path directory;

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() {
		this.dataSource = new SimpleDriverDataSource(new org.sqlite.JDBC(),
				"jdbc:sqlite:" + this.directory.resolve("retort.db"));
	}

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	protected AutoCloseable holdMigrationLock() throws Exception {
		Connection connection = this.dataSource.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
		}
		return connection::close;
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRunThatWaitsForTheWriteLockSaysSoWhileItWaits(CapturedOutput output) throws Exception {
		Migrator migrator = migrator(table("a10000000001"));
		migrator.current();
		String url = "jdbc:sqlite:" + this.directory.resolve("retort.db");
		CompletableFuture<MigrationResult> upgrade;
		try (Connection tool = this.dataSource.getConnection(); Statement statement = tool.createStatement()) {
			// a database tool's open write transaction
			statement.execute("BEGIN IMMEDIATE");
			upgrade = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
			Awaitility.await("the warning while the migrator waits")
				.atMost(Duration.ofSeconds(30))
				.until(() -> output.getOut().contains("for the write lock on " + url));
			assertThat(upgrade).isNotDone();
			statement.execute("ROLLBACK");
		}
		assertThat(upgrade.get(60, TimeUnit.SECONDS).current()).containsExactly("a10000000001");
		assertThat(output.getOut())
			.contains("Waiting up to 2m (migrations.lock-timeout) for the write lock on " + url
					+ ": another process is migrating or writing to this database, or keeps a write transaction open")
			.contains("This run goes on once it is released.")
			.containsPattern("Got the write lock on " + Pattern.quote(url) + " after \\d+(ms|s|m)\\.");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRunThatDoesNotWaitSaysNothingOfTheLock(CapturedOutput output) {
		Migrator migrator = migrator(table("a10000000001"), table("b20000000002", "a10000000001"));

		migrator.upgrade("heads");

		assertThat(output.getOut()).doesNotContain("write lock");
	}

	@Test
	void anotherProcessApplyingTheNextRevisionBetweenStepsIsNotAppliedTwice() {
		// SQLite takes the write lock per step, so another process can move the database
		// between two steps of a run
		RevisionGraph graph = RevisionGraph.of(List.of(table("a10000000001"), table("b20000000002", "a10000000001"),
				table("c30000000003", "b20000000002")));
		Migrator other = new Migrator(dataSource(), config(), graph);
		Migrator migrator = new Migrator(dataSource(), config(), graph).addListener(new MigrationListener() {

			@Override
			public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
				if (step.revision().id().equals("a10000000001")) {
					other.upgrade("+1");
				}
			}

		});

		MigrationResult result = migrator.upgrade("heads");

		assertThat(result.steps()).extracting((step) -> step.revision().id())
			.containsExactly("a10000000001", "c30000000003");
		assertThat(migrator.current()).containsExactly("c30000000003");
		assertThat(migrator.history()).extracting(HistoryEntry::revision)
			.containsExactly("a10000000001", "b20000000002", "c30000000003");
		assertThat(tables()).hasSize(3);
	}

	@Test
	void aChangeToAColumnTheTableDoesNotHaveSaysWhichInPlainWords() {
		Migrator migrator = migrator(table("a10000000001"), revision("b20000000002", List.of("a10000000001"), Set.of(),
				true, migration((op) -> op.alterColumn(tableOf("a10000000001"), "nmae", (c) -> c.notNull()), (op) -> {
				})));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining(
					"error: Column \"nmae\" does not exist in table \"" + tableOf("a10000000001") + "\".")
			.withMessageNotContaining("Exception");
		assertThat(migrator.current()).containsExactly("a10000000001");
	}

	@Test
	void tableRebuildOnAConnectionEnforcingForeignKeysKeepsChildRowsAndEnforcement() throws Exception {
		SingleConnectionDataSource enforcing = new SingleConnectionDataSource(
				"jdbc:sqlite:" + this.directory.resolve("enforcing.db") + "?foreign_keys=true", true);
		try {
			RevisionGraph graph = RevisionGraph
				.of(List.of(revision("a10000000001", List.of(), Set.of(), true, migration((op) -> {
					op.createTable("parent", Column.of("id", Type.INTEGER).primaryKey(),
							Column.of("name", Type.varchar(50)));
					op.createTable("child", Column.of("id", Type.INTEGER).primaryKey(),
							Column.of("parent_id", Type.INTEGER).notNull(), new ForeignKey("fk_child_parent",
									List.of("parent_id"), "parent", List.of("id"), ForeignKey.Action.CASCADE, null));
				}, (op) -> {
					op.dropTable("child");
					op.dropTable("parent");
				})), revision("b20000000002", List.of("a10000000001"), Set.of(), true,
						migration((op) -> op.alterColumn("parent", "name", (change) -> change.notNull()),
								(op) -> op.alterColumn("parent", "name", (change) -> change.nullable())))));
			Migrator migrator = new Migrator(enforcing, config(), graph);
			migrator.upgrade("+1");
			JdbcTemplate jdbc = new JdbcTemplate(enforcing);
			jdbc.update("INSERT INTO parent (id, name) VALUES (1, 'p')");
			jdbc.update("INSERT INTO child (id, parent_id) VALUES (10, 1)");

			migrator.upgrade("heads");

			assertThat(migrator.current()).containsExactly("b20000000002");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM child", Integer.class)).isOne();
			assertThat(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class)).isOne();
		}
		finally {
			enforcing.destroy();
		}
	}

	@Override
	protected String applicationSessionSetup() {
		return "PRAGMA busy_timeout = 1234";
	}

	@Override
	protected Map<String, String> sessionSettings(Connection connection) throws SQLException {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		return Map.of("busy_timeout", jdbc.queryForObject("PRAGMA busy_timeout", String.class), "foreign_keys",
				jdbc.queryForObject("PRAGMA foreign_keys", String.class));
	}

	@Override
	protected boolean migrationLockIsFree() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = 0");
			try {
				statement.execute("BEGIN IMMEDIATE");
			}
			catch (SQLException ex) {
				return false;
			}
			statement.execute("ROLLBACK");
			return true;
		}
	}

}
