package dev.retort.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
 * The revision graph's Alembic semantics as a user meets them at the terminal, on a graph
 * of SQL revision files: root, then billing and crm branching from it, joined by a merge.
 */
class SqliteRevisionGraphCommandTests {

	@TempDir
	Path directory;

	private String locations;

	private TestDatabase database;

	@BeforeEach
	void writeRevisions() throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		// created so that ordering by time alone would interleave the branches
		write(revisions, "root000000aa", null, null, "2026-01-01T00:00:00Z");
		write(revisions, "bb0000000001", "root000000aa", "billing", "2026-01-02T00:00:00Z");
		write(revisions, "cc0000000001", "root000000aa", "crm", "2026-01-03T00:00:00Z");
		write(revisions, "bb0000000002", "bb0000000001", null, "2026-01-04T00:00:00Z");
		write(revisions, "cc0000000002", "cc0000000001", null, "2026-01-05T00:00:00Z");
		write(revisions, "mm0000000001", "bb0000000002, cc0000000002", null, "2026-01-06T00:00:00Z");
		this.locations = "filesystem:" + revisions;
		this.database = new SqliteTestDatabase(this.directory.resolve("app.db"));
	}

	@Test
	void upgradeRunsOneBranchAtATimeAndStampDownFromTheMergeLeavesOnlyTheNamedRevision() throws SQLException {
		Run upgrade = migrate("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).containsSubsequence("[1/6] upgrade base -> root000000aa",
				"[2/6] upgrade root000000aa -> bb0000000001", "[3/6] upgrade bb0000000001 -> bb0000000002",
				"[4/6] upgrade root000000aa -> cc0000000001", "[5/6] upgrade cc0000000001 -> cc0000000002",
				"[6/6] upgrade bb0000000002,cc0000000002 -> mm0000000001");

		Run stamp = migrate("stamp", "bb0000000001");

		assertThat(stamp.exitCode()).as(stamp.err()).isZero();
		assertThat(migrate("current").out()).contains("bb0000000001").doesNotContain("cc0000000002");
	}

	@Test
	void historyRangeBetweenRevisionsOnDifferentBranchesIsAUsageErrorNamingBoth() {
		Run range = migrate("history", "-r", "bb0000000001:cc0000000002");

		assertThat(range.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(range.err()).contains("revision bb0000000001 is not an ancestor of cc0000000002")
			.doesNotContain("\tat ");
		assertThat(range.out()).isEmpty();

		Run fine = migrate("history", "-r", "bb0000000001:mm0000000001");
		assertThat(fine.exitCode()).as(fine.err()).isZero();
		assertThat(fine.out()).contains("-> mm0000000001")
			.contains("-> bb0000000002")
			.doesNotContain("-> cc0000000001");
	}

	@Test
	void overlappingTargetsAreAUsageErrorAndNothingRuns() {
		Run upgrade = migrate("upgrade", "bb0000000001,bb0000000002");

		assertThat(upgrade.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(upgrade.err()).contains("bb0000000001 lies under bb0000000002");
		assertThat(migrate("current").out()).doesNotContain("bb0000000001");
	}

	@Test
	void branchTargetFormsAndDowngradeMinusOneWithSeveralHeads() {
		Run first = migrate("upgrade", "billing@base+1");
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("upgrade root000000aa -> bb0000000001");

		Run crm = migrate("upgrade", "crm@base+2");
		assertThat(crm.exitCode()).as(crm.err()).isZero();
		assertThat(crm.out()).contains("upgrade cc0000000001 -> cc0000000002");

		Run ambiguous = migrate("downgrade", "-1");
		assertThat(ambiguous.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(ambiguous.err()).contains("several heads (bb0000000001, cc0000000002)")
			.contains("downgrade bb0000000001@-1")
			.contains("downgrade billing@-1")
			.contains("downgrade cc0000000002-1")
			.contains("downgrade crm@-1");

		Run suggested = migrate("downgrade", "crm@-1");
		assertThat(suggested.exitCode()).as(suggested.err()).isZero();
		assertThat(suggested.out()).contains("downgrade cc0000000002 -> cc0000000001");
	}

	Run migrate(String... command) {
		Map<String, Object> properties = new LinkedHashMap<>(this.database.dataSourceProperties());
		properties.put("migrations.locations", this.locations);
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(properties, args);
	}

	private static void write(Path directory, String id, String revises, String label, String created)
			throws IOException {
		String header = "-- revision: " + id + "\n" + ((revises != null) ? "-- revises: " + revises + "\n" : "")
				+ ((label != null) ? "-- branch-labels: " + label + "\n" : "") + "-- created: " + created + "\n"
				+ "-- message: table " + id + "\n";
		Files.writeString(directory.resolve(id + ".sql"), header + "-- +upgrade\nCREATE TABLE t_" + id
				+ " (id INTEGER);\n-- +downgrade\nDROP TABLE t_" + id + ";\n");
	}

}
