package dev.retort.migration.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.retort.migration.revision.InvalidRangeException;
import dev.retort.migration.revision.InvalidTargetException;
import dev.retort.migration.revision.MultipleHeadsException;
import dev.retort.migration.revision.OverlappingTargetsException;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.revision.TargetOutOfRangeException;
import org.junit.jupiter.api.Test;

import static dev.retort.migration.engine.TestRevisions.createsTable;
import static dev.retort.migration.engine.TestRevisions.tableOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Graph-shaped scenarios where Retort follows Alembic's semantics (or says where it
 * deliberately does not), run through the {@link Migrator} against each database. Each
 * revision creates a table named after itself, so the tables show what ran.
 */
abstract class RevisionGraphScenarios {

	/** A data source opening a new connection to this scenario's empty database. */
	protected abstract DataSource dataSource();

	Migrator migrator(RevisionScript... revisions) {
		MigratorConfig config = MigratorConfig.defaults().withLockTimeout(Duration.ofMinutes(2));
		return new Migrator(dataSource(), config, RevisionGraph.of(List.of(revisions)));
	}

	static Revision revision(String id) {
		return new Revision(id);
	}

	/**
	 * root, then billing (bb1, bb2) and crm (cc1, cc2) branching from it, merged by mm.
	 */
	static RevisionScript[] merged() {
		return new RevisionScript[] { revision("root000000aa").build(),
				revision("bb0000000001").revises("root000000aa").labels("billing").build(),
				revision("bb0000000002").revises("bb0000000001").build(),
				revision("cc0000000001").revises("root000000aa").labels("crm").build(),
				revision("cc0000000002").revises("cc0000000001").build(),
				revision("mm0000000001").revises("bb0000000002", "cc0000000002").build() };
	}

	// -- stamp

	@Test
	void stampDownAcrossAMergeLeavesOnlyTheNamedRevision() {
		Migrator migrator = migrator(merged());
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("mm0000000001");

		MigrationResult stamp = migrator.stamp("bb0000000001", false);

		assertThat(stamp.current()).containsExactly("bb0000000001");
		assertThat(migrator.current()).containsExactly("bb0000000001");
		assertThat(tables()).as("stamp runs nothing").hasSize(6);
	}

	@Test
	void stampDownAcrossADependencyLeavesOnlyTheNamedRevision() {
		Migrator migrator = migrator(revision("aa0000000001").build(),
				revision("aa0000000002").revises("aa0000000001").build(),
				revision("aa0000000003").revises("aa0000000002").build(), revision("bb0000000001").build(),
				revision("bb0000000002").revises("bb0000000001").dependsOn("aa0000000002").build());
		migrator.upgrade("bb0000000002");
		assertThat(migrator.current()).containsExactly("bb0000000002");

		migrator.stamp("bb0000000001", false);

		assertThat(migrator.current()).containsExactly("bb0000000001");
		assertThat(tables()).contains(tableOf("aa0000000002"), tableOf("bb0000000002"));
	}

	@Test
	void stampOnOneBranchLeavesTheOtherBranchesRow() {
		Migrator migrator = migrator(merged());
		migrator.upgrade("bb0000000002,cc0000000002");

		migrator.stamp("cc0000000001", false);

		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000001");
	}

	// -- several targets at once

	@Test
	void overlappingTargetsAreRefusedNamingBothAndNothingRuns() {
		Migrator migrator = migrator(merged());

		assertThatExceptionOfType(OverlappingTargetsException.class)
			.isThrownBy(() -> migrator.upgrade("bb0000000001,bb0000000002"))
			.withMessageContaining("bb0000000001 lies under bb0000000002");
		assertThat(tables()).isEmpty();
		assertThat(migrator.current()).isEmpty();

		migrator.upgrade("bb0000000002,cc0000000001");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000001");
	}

	// -- target forms

	@Test
	void branchFormsCountFromBaseNameEveryHeadAndTakeARevisionAsTheBranch() {
		Migrator migrator = migrator(Arrays.copyOf(merged(), 5));

		migrator.upgrade("billing@base+1");
		assertThat(migrator.current()).containsExactly("bb0000000001");
		assertThat(tables()).containsExactlyInAnyOrder(tableOf("root000000aa"), tableOf("bb0000000001"));

		migrator.upgrade("cc0000000001@head");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000001", "cc0000000002");

		migrator.upgrade("bb0000000001@+1");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");

		migrator.downgrade("cc0000000002@base");
		assertThat(migrator.current()).containsExactly("bb0000000002");
		assertThat(tables()).doesNotContain(tableOf("cc0000000001"), tableOf("cc0000000002"));

		migrator.upgrade("crm@heads");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");

		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> migrator.downgrade("billing@base-1"))
			.withMessageContaining("nothing lies below billing@base");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");
		assertThat(tables()).hasSize(5);
	}

	// -- downgrade -N with several heads

	@Test
	void downgradeMinusOneWithSeveralHeadsIsRefusedWithTheCommandsThatWork() {
		Migrator migrator = migrator(Arrays.copyOf(merged(), 5));
		migrator.upgrade("heads");

		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> migrator.downgrade("-1"))
			.withMessageContaining("(bb0000000002, cc0000000002)")
			.withMessageContaining("downgrade bb0000000002-1")
			.withMessageContaining("downgrade billing@-1")
			.withMessageContaining("downgrade cc0000000002-1")
			.withMessageContaining("downgrade crm@-1");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");

		migrator.downgrade("bb0000000002-1");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000001", "cc0000000002");
		migrator.downgrade("crm@-1");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000001", "cc0000000001");
		assertThat(tables()).hasSize(3);
	}

	@Test
	void downgradeFurtherThanAnyBranchWithSeveralHeadsIsOutOfRangeNotAnEmptyChoice() {
		Migrator migrator = migrator(Arrays.copyOf(merged(), 5));
		migrator.upgrade("heads");

		assertThatExceptionOfType(TargetOutOfRangeException.class).isThrownBy(() -> migrator.downgrade("-99"))
			.withMessageContaining("Target '-99' moves 99 step(s) down, but no branch below the heads "
					+ "(bb0000000002, cc0000000002) has that many revisions applied (5 are applied in all)")
			.withMessageContaining("Use a smaller N");
		assertThat(migrator.current()).containsExactlyInAnyOrder("bb0000000002", "cc0000000002");
	}

	@Test
	void aRangeGivenToMigrateSaysThatOnlyAScriptTakesOne() {
		Migrator migrator = migrator(Arrays.copyOf(merged(), 5));

		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> migrator.upgrade("base:heads"))
			.withMessageContaining("Target 'base:heads' is a range, which only a script takes: `upgrade FROM:TO --sql` "
					+ "(e.g. base:heads) or `downgrade FROM:TO --sql` (e.g. heads:base)");
		assertThat(migrator.current()).isEmpty();
	}

	// -- history ranges

	@Test
	void historyRangeBetweenUnrelatedRevisionsIsAnErrorNamingBoth() {
		Migrator migrator = migrator(merged());
		migrator.upgrade("bb0000000002");
		RevisionGraph graph = migrator.graph();

		assertThat(graph.range("root000000aa", "bb0000000002", migrator::current)).extracting(RevisionScript::id)
			.containsExactly("root000000aa", "bb0000000001", "bb0000000002");
		assertThat(graph.range("current", "", migrator::current)).extracting(RevisionScript::id)
			.containsExactly("bb0000000002", "mm0000000001");
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> graph.range("current", "cc0000000002", migrator::current))
			.withMessageContaining("revision bb0000000002 ('current') is not an ancestor of cc0000000002")
			.withMessageContaining("different branches");
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> graph.range("bb0000000002", "bb0000000001", migrator::current))
			.withMessageContaining("bb0000000002 is not an ancestor of bb0000000001")
			.withMessageContaining("history -r bb0000000001:bb0000000002");
	}

	// -- sibling order

	@Test
	void branchesRunOneAtATimeWhateverTheirCreationTimesAndDowngradesRunInReverse() {
		Migrator migrator = migrator(revision("root000000aa").created("2026-01-01T00:00:00Z").build(),
				revision("cc0000000001").revises("root000000aa").created("2026-01-02T00:00:00Z").build(),
				revision("bb0000000001").revises("root000000aa").created("2026-01-03T00:00:00Z").build(),
				revision("cc0000000002").revises("cc0000000001").created("2026-01-04T00:00:00Z").build(),
				revision("bb0000000002").revises("bb0000000001").created("2026-01-05T00:00:00Z").build());

		MigrationResult upgrade = migrator.upgrade("heads");

		assertThat(upgrade.steps()).extracting((step) -> step.revision().id())
			.containsExactly("root000000aa", "cc0000000001", "cc0000000002", "bb0000000001", "bb0000000002");
		assertThat(migrator.history()).extracting(HistoryEntry::revision)
			.containsExactly("root000000aa", "cc0000000001", "cc0000000002", "bb0000000001", "bb0000000002");

		MigrationResult downgrade = migrator.downgrade("base");

		assertThat(downgrade.steps()).extracting((step) -> step.revision().id())
			.containsExactly("bb0000000002", "bb0000000001", "cc0000000002", "cc0000000001", "root000000aa");
		assertThat(tables()).isEmpty();
	}

	List<String> tables() {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource().getConnection();
				ResultSet rows = connection.getMetaData().getTables(null, null, "t_%", new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return tables;
	}

	/** A revision that creates {@code t_<id>}, built up for a graph of its shape. */
	static final class Revision {

		private final String id;

		private final List<String> parents = new ArrayList<>();

		private final List<String> labels = new ArrayList<>();

		private final List<String> dependsOn = new ArrayList<>();

		private Instant created;

		Revision(String id) {
			this.id = id;
		}

		Revision revises(String... parents) {
			this.parents.addAll(List.of(parents));
			return this;
		}

		Revision labels(String... labels) {
			this.labels.addAll(List.of(labels));
			return this;
		}

		Revision dependsOn(String... dependsOn) {
			this.dependsOn.addAll(List.of(dependsOn));
			return this;
		}

		Revision created(String created) {
			this.created = Instant.parse(created);
			return this;
		}

		RevisionScript build() {
			return new RevisionScript(this.id, this.parents, Set.copyOf(this.labels), this.dependsOn,
					"create " + tableOf(this.id), this.created, true, Set.of(), "test revision " + this.id,
					RevisionScript.Kind.JAVA, createsTable(this.id));
		}

	}

}
