package dev.retort.migration.reliability;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.retort.migration.engine.HistoryEntry;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight application processes with auto-migrate on, started against one database and let
 * go at the same moment: every revision is applied exactly once and every instance comes
 * up healthy. Written once, run on SQLite and PostgreSQL.
 */
abstract class ConcurrentStartScenarios {

	static final int INSTANCES = 8;

	static final int REVISIONS = 6;

	static final Duration TIMEOUT = Duration.ofMinutes(3);

	@TempDir
	Path directory;

	/** The scenario's database, emptied before each scenario. */
	abstract TestDatabase database();

	/** How many rows each revision writes: enough for the instances to overlap. */
	abstract int rowsPerRevision();

	@BeforeEach
	void emptyDatabase() throws SQLException {
		database().reset();
	}

	@Test
	void applicationsStartingAtOnceApplyEveryRevisionExactlyOnceAndAreAllHealthy() throws Exception {
		SlowRevisions revisions = SlowRevisions.write(this.directory.resolve("revisions"), REVISIONS,
				rowsPerRevision());
		List<SeparateJvm> instances = new ArrayList<>();
		try {
			for (int number = 1; number <= INSTANCES; number++) {
				String name = "app-" + number;
				instances.add(SeparateJvm.start(name, ConcurrentStartApplication.class, arguments(name, revisions)));
			}
			for (SeparateJvm instance : instances) {
				assertThat(instance.awaitLine(ConcurrentStartApplication.READY, TIMEOUT))
					.as("%s at the starting gate: %s", instance.name(), instance.output())
					.isPresent();
			}
			instances.forEach((instance) -> instance.send("open"));
			Map<String, Instant> upgrading = new TreeMap<>();
			List<String> outcomes = new ArrayList<>();
			for (SeparateJvm instance : instances) {
				assertThat(instance.awaitExit(TIMEOUT)).as(instance.output()).contains(0);
				assertThat(instance.lines(ConcurrentStartApplication.HEALTH)).as(instance.output())
					.containsExactly(ConcurrentStartApplication.HEALTH + "UP");
				String line = instance.lines(ConcurrentStartApplication.UPGRADING).get(0);
				upgrading.put(instance.name(), Instant
					.ofEpochMilli(Long.parseLong(line.substring(ConcurrentStartApplication.UPGRADING.length()))));
				instance.lines("")
					.stream()
					.filter((printed) -> printed.contains("Applied ") || printed.contains(" is up to date "))
					.forEach((printed) -> outcomes
						.add(instance.name() + ": " + printed.replaceAll("^.*(Applied|Database)", "$1")));
			}
			RecordedState state = RecordedState.read(database());
			assertThat(state.assertAgreeOnOneRevision(revisions, "after " + INSTANCES + " instances"))
				.isEqualTo(REVISIONS);
			assertContention(revisions, upgrading, outcomes);
		}
		finally {
			for (SeparateJvm instance : instances) {
				instance.close();
			}
		}
	}

	/**
	 * Asserts that instances really competed: more than one began its upgrade before the
	 * last revision was recorded.
	 */
	private void assertContention(SlowRevisions revisions, Map<String, Instant> upgrading, List<String> outcomes) {
		List<HistoryEntry> history = revisions.migrator(database(), TIMEOUT).history();
		Instant last = history.stream().map(HistoryEntry::appliedAt).max(Instant::compareTo).orElseThrow();
		List<String> contenders = upgrading.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isBefore(last))
			.map(Map.Entry::getKey)
			.toList();
		List<String> appliedBy = history.stream()
			.map((entry) -> entry.revision() + " by " + entry.appliedBy())
			.toList();
		String report = "instances upgrading before the last revision was recorded: " + contenders
				+ "; revisions applied: " + appliedBy + "; the instances said: " + outcomes;
		System.out.println("Concurrent start on " + getClass().getSimpleName() + ": " + report);
		assertThat(contenders).as(report).hasSizeGreaterThan(1);
	}

	private List<String> arguments(String name, SlowRevisions revisions) {
		List<String> arguments = new ArrayList<>();
		database().dataSourceProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.addAll(List.of("--migrations.locations=" + revisions.location(), "--migrations.auto-migrate=true",
				"--migrations.applied-by=" + name, "--spring.datasource.hikari.maximum-pool-size=2",
				"--spring.datasource.hikari.minimum-idle=1", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--logging.level.dev.retort=info"));
		return arguments;
	}

}
