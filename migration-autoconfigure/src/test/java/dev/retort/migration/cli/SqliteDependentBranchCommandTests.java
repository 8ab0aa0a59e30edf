package dev.retort.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Alembic user's graph at the terminal: the trunk c1 -> a2 -> a3 -> t4, a billing
 * branch with its own base b1 (billing) -> b2, and s1 (shipping) revising the branch
 * point a3 and depending on b1.
 */
class SqliteDependentBranchCommandTests {

	@TempDir
	Path directory;

	private String locations;

	private TestDatabase database;

	@BeforeEach
	void writeRevisions() throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		write(revisions, "c1", null, null, null, "trunk one", "2026-01-01T00:00:00Z");
		write(revisions, "a2", "c1", null, null, "trunk two", "2026-01-02T00:00:00Z");
		write(revisions, "a3", "a2", null, null, "trunk three", "2026-01-03T00:00:00Z");
		write(revisions, "t4", "a3", null, null, "trunk four", "2026-01-04T00:00:00Z");
		write(revisions, "b1", null, "billing", null, "billing accounts", "2026-01-05T00:00:00Z");
		write(revisions, "b2", "b1", null, null, "billing invoices", "2026-01-06T00:00:00Z");
		write(revisions, "s1", "a3", "shipping", "b1", "shipping orders", "2026-01-07T00:00:00Z");
		this.locations = "filesystem:" + revisions;
		this.database = new SqliteTestDatabase(this.directory.resolve("app.db"));
	}

	@Test
	void plusOneAppliesTheBranchRevisionWhoseParentIsAppliedOnlyThroughADependency() {
		// b1 stays applied (s1 depends on it) without a row of its own; b2 is pending
		atHeadsWithoutB2();

		Run plusOne = migrate("upgrade", "+1");

		assertThat(plusOne.exitCode()).as(plusOne.err()).isZero();
		assertThat(plusOne.out()).contains("upgrade b1 -> b2");
		assertThat(migrate("status").out()).contains("Pending:    0");

		atHeadsWithoutB2();

		Run branch = migrate("upgrade", "billing@+1");

		assertThat(branch.exitCode()).as(branch.err()).isZero();
		assertThat(branch.out()).contains("upgrade b1 -> b2");
	}

	@Test
	void historyFromLabelAtBaseListsTheBranchWhereverTheDatabaseIs() {
		Run upgrade = migrate("upgrade", "a3");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();

		Run branch = migrate("history", "-r", "billing@base:billing@head");

		assertThat(branch.exitCode()).as(branch.err()).isZero();
		assertThat(branch.out().lines()).hasSize(2)
			.satisfiesExactly((line) -> assertThat(line).startsWith("b1 -> b2"),
					(line) -> assertThat(line).startsWith("<base> -> b1"));

		Run open = migrate("history", "-r", "billing@base:");

		assertThat(open.exitCode()).as(open.err()).isZero();
		assertThat(open.out()).contains("<base> -> c1").contains("<base> -> b1").contains("b1 -> b2");
	}

	@Test
	void headsAndHistoryShowTheLabelOfTheBranchEachRevisionIsOnAsAlembicDoes() {
		Run heads = migrate("heads");

		assertThat(heads.exitCode()).as(heads.err()).isZero();
		assertThat(heads.out().lines()).containsExactly("t4 (head), trunk four",
				"b2 (billing) (head), billing invoices", "s1 (shipping) (head), shipping orders");

		Run history = migrate("history");

		assertThat(history.exitCode()).as(history.err()).isZero();
		assertThat(history.out().lines()).contains("b1 -> b2 (billing) (head), billing invoices",
				"<base> -> b1 (billing), billing accounts", "a2 -> a3 (branchpoint), trunk three",
				"a3 -> t4 (head), trunk four");
	}

	@Test
	void branchesWithTwoBasesAndNoBranchPointYetNamesTheBases() throws IOException {
		// before s1: the trunk and billing side by side, nothing forks
		Files.delete(this.directory.resolve("revisions/s1.sql"));

		Run branches = migrate("branches");

		assertThat(branches.exitCode()).as(branches.err()).isZero();
		assertThat(branches.out().lines()).containsExactly(
				"No branch points, but 2 bases, each starting a line of its own:", "  c1 (base), trunk one",
				"  b1 (billing) (base), billing accounts");
	}

	@Test
	void showTakesATargetThatNamesOneRevision() {
		Run branchHead = migrate("show", "billing@head");

		assertThat(branchHead.exitCode()).as(branchHead.err()).isZero();
		assertThat(branchHead.out()).containsSubsequence("Rev: b2 (billing) (head)", "Parent: b1", "State: pending",
				"    billing invoices", "CREATE TABLE t_b2");

		Run heads = migrate("show", "heads");

		assertThat(heads.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(heads.err()).contains("names several revisions (t4, b2, s1)").doesNotContain("\tat ");
		assertThat(heads.out()).isEmpty();
	}

	private void atHeadsWithoutB2() {
		Run heads = migrate("upgrade", "heads");
		assertThat(heads.exitCode()).as(heads.err()).isZero();
		Run down = migrate("downgrade", "billing@-1");
		assertThat(down.exitCode()).as(down.err()).isZero();
		assertThat(down.out()).contains("downgrade b2 -> b1");
		Run current = migrate("current");
		assertThat(current.out()).contains("t4").contains("s1").doesNotContain("b1").doesNotContain("b2");
	}

	Run migrate(String... command) {
		Map<String, Object> properties = new LinkedHashMap<>(this.database.dataSourceProperties());
		properties.put("migrations.locations", this.locations);
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(properties, args);
	}

	private static void write(Path directory, String id, String revises, String label, String dependsOn, String message,
			String created) throws IOException {
		String header = "-- revision: " + id + "\n" + ((revises != null) ? "-- revises: " + revises + "\n" : "")
				+ ((label != null) ? "-- branch-labels: " + label + "\n" : "")
				+ ((dependsOn != null) ? "-- depends-on: " + dependsOn + "\n" : "") + "-- created: " + created + "\n"
				+ "-- message: " + message + "\n";
		Files.writeString(directory.resolve(id + ".sql"), header + "-- +upgrade\nCREATE TABLE t_" + id
				+ " (id INTEGER);\n-- +downgrade\nDROP TABLE t_" + id + ";\n");
	}

}
