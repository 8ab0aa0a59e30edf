package dev.retort.migration.reliability;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade of 30 slow revisions, run in a separate process that is killed with SIGKILL
 * at random moments and started again: after every kill the version table, the history
 * and the schema agree on one revision, and the last run completes to the head. Written
 * once, run on SQLite and PostgreSQL. The seed is printed, and can be given with
 * {@code -Dretort.reliability.seed=…} to replay a run.
 */
abstract class CrashSafetyScenarios {

	static final int REVISIONS = 30;

	static final int KILLS = 10;

	/** Kills land up to this long after the process began its first revision. */
	static final int LONGEST_DELAY_MILLIS = 400;

	static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(2);

	@TempDir
	Path directory;

	/** The scenario's database, emptied before each scenario. */
	abstract TestDatabase database();

	/**
	 * How many rows each revision writes: enough for about 150 ms per revision on this
	 * database on an idle machine, so that even ten kills at the longest delay leave
	 * revisions for the last run.
	 */
	abstract int rowsPerRevision();

	/** The JDBC URL an upgrade process named {@code name} connects with. */
	String upgradeUrl(String name) {
		return database().jdbcUrl();
	}

	/**
	 * Waits until the database no longer serves the connections of the killed process
	 * named {@code name}.
	 */
	void awaitConnectionsClosed(String name) throws Exception {
	}

	@BeforeEach
	void emptyDatabase() throws SQLException {
		database().reset();
	}

	@Test
	void upgradeKilledAtRandomMomentsAlwaysLeavesOneRevisionAndThenCompletes() throws Exception {
		long seed = Long.getLong("retort.reliability.seed", System.nanoTime());
		Random random = new Random(seed);
		SlowRevisions revisions = SlowRevisions.write(this.directory.resolve("revisions"), REVISIONS,
				rowsPerRevision());
		List<String> kills = new ArrayList<>();
		int applied = 0;
		int midRevision = 0;
		for (int kill = 1; kill <= KILLS; kill++) {
			String name = "retort-crash-" + kill;
			int delay = random.nextInt(LONGEST_DELAY_MILLIS);
			String context = "seed " + seed + ", kill " + kill + " after " + delay + " ms";
			try (SeparateJvm upgrade = UpgradeProcess.start(name, revisions.location(), Duration.ofMinutes(1),
					database(), upgradeUrl(name))) {
				assertThat(upgrade.awaitLine(UpgradeProcess.BEGIN, PROCESS_TIMEOUT)).as(upgrade.output()).isPresent();
				assertThat(upgrade.awaitExit(Duration.ofMillis(delay)))
					.as("%s: the upgrade ended before the kill", context)
					.isEmpty();
				upgrade.kill();
				awaitConnectionsClosed(name);
				int begun = upgrade.lines(UpgradeProcess.BEGIN).size();
				int done = upgrade.lines(UpgradeProcess.DONE).size();
				midRevision += (begun > done) ? 1 : 0;
				int before = applied;
				applied = RecordedState.read(database()).assertAgreeOnOneRevision(revisions, context);
				assertThat(applied).as("revisions applied, never undone by a kill; %s", context)
					.isGreaterThanOrEqualTo(before + done);
				kills.add(delay + " ms: " + applied + ((begun > done) ? " (mid-revision)" : ""));
			}
		}
		String summary = "seed " + seed + ", revisions applied after each kill: " + kills;
		System.out.println("Crash safety on " + getClass().getSimpleName() + ": " + summary);
		assertThat(midRevision).as("kills that landed inside a revision, %s", summary).isGreaterThan(KILLS / 2);
		assertThat(applied).as("a kill before the head, %s", summary).isLessThan(REVISIONS);

		try (SeparateJvm upgrade = UpgradeProcess.start("retort-crash-final", revisions.location(),
				Duration.ofMinutes(1), database(), upgradeUrl("retort-crash-final"))) {
			assertThat(upgrade.awaitExit(PROCESS_TIMEOUT)).as(upgrade.output()).contains(0);
			assertThat(upgrade.lines(UpgradeProcess.AT)).as(upgrade.output())
				.containsExactly(UpgradeProcess.AT + revisions.head());
		}
		assertThat(RecordedState.read(database()).assertAgreeOnOneRevision(revisions, summary)).isEqualTo(REVISIONS);
		Migrator migrator = revisions.migrator(database(), Duration.ofMinutes(1));
		assertThat(migrator.status().upToDate()).as(summary).isTrue();
		assertThat(migrator.revisionStates()).as(summary).allSatisfy((state) -> {
			assertThat(state.state()).isEqualTo(RevisionState.State.APPLIED);
			assertThat(state.checksumMismatch()).isFalse();
		});
	}

}
