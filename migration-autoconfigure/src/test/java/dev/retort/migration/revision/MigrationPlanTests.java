package dev.retort.migration.revision;

import java.util.List;
import java.util.Set;

import dev.retort.migration.operation.IrreversibleOperationException;
import dev.retort.migration.operation.Operations;
import org.junit.jupiter.api.Test;

import static dev.retort.migration.revision.RevisionBuilder.graph;
import static dev.retort.migration.revision.RevisionBuilder.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationPlanTests {

	private final RevisionGraph linear = graph(revision("a"), revision("b").revises("a"), revision("c").revises("b"));

	/** root -> b1 (billing) -> b2, root -> c1 (crm) -> c2. */
	private final RevisionGraph branched = graph(revision("root"), revision("b1").revises("root").labels("billing"),
			revision("b2").revises("b1"), revision("c1").revises("root").labels("crm"), revision("c2").revises("c1"));

	/** The branched graph merged: m revises b2 and c2, d follows. */
	private final RevisionGraph merged = graph(revision("root"), revision("b1").revises("root").labels("billing"),
			revision("b2").revises("b1"), revision("c1").revises("root").labels("crm"), revision("c2").revises("c1"),
			revision("m").revises("b2", "c2"), revision("d").revises("m"));

	@Test
	void upgradeHeadFromAnEmptyDatabaseAppliesEveryRevisionInOrder() {
		MigrationPlan plan = this.linear.planUpgrade(Set.of(), "head");

		assertThat(plan.direction()).isEqualTo(Direction.UPGRADE);
		assertThat(ids(plan)).containsExactly("a", "b", "c");
		assertThat(plan.steps().get(0).headsBefore()).isEmpty();
		assertThat(plan.steps().get(0).headsAfter()).containsExactly("a");
		assertThat(plan.steps().get(1).headsBefore()).containsExactly("a");
		assertThat(plan.steps().get(1).headsAfter()).containsExactly("b");
		assertThat(plan.headsAfter()).containsExactly("c");
	}

	@Test
	void upgradeToWhereTheDatabaseIsIsEmpty() {
		assertThat(this.linear.planUpgrade(Set.of("c"), "head").isEmpty()).isTrue();
		assertThat(this.linear.planUpgrade(Set.of("c"), "heads").isEmpty()).isTrue();
		assertThat(this.linear.planUpgrade(Set.of(), "base").isEmpty()).isTrue();
	}

	@Test
	void upgradeToARevisionBelowTheCurrentOneSaysToDowngrade() {
		assertThatExceptionOfType(WrongDirectionException.class)
			.isThrownBy(() -> this.linear.planUpgrade(Set.of("c"), "a"))
			.withMessageContaining("below the current revisions (c)")
			.withMessageContaining("run downgrade a");
		assertThatExceptionOfType(WrongDirectionException.class)
			.isThrownBy(() -> this.linear.planUpgrade(Set.of("c"), "-1"))
			.withMessageContaining("run downgrade -1");
		assertThatExceptionOfType(WrongDirectionException.class)
			.isThrownBy(() -> this.linear.planUpgrade(Set.of("c"), "base"))
			.withMessageContaining("run downgrade base");
	}

	@Test
	void upgradeRelativeAppliesExactlyNRevisions() {
		assertThat(ids(this.linear.planUpgrade(Set.of("a"), "+1"))).containsExactly("b");
		assertThat(ids(this.linear.planUpgrade(Set.of(), "+2"))).containsExactly("a", "b");
	}

	@Test
	void upgradeHeadsUpgradesEveryBranch() {
		MigrationPlan plan = this.branched.planUpgrade(Set.of("b1"), "heads");

		assertThat(ids(plan)).containsExactly("b2", "c1", "c2");
		assertThat(plan.steps().get(1).headsBefore()).containsExactly("b2");
		assertThat(plan.steps().get(1).headsAfter()).containsExactlyInAnyOrder("b2", "c1");
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b2", "c2");
	}

	@Test
	void upgradeOneBranchLeavesTheOtherAlone() {
		MigrationPlan plan = this.branched.planUpgrade(Set.of(), "crm@head");

		assertThat(ids(plan)).containsExactly("root", "c1", "c2");
		assertThat(plan.headsAfter()).containsExactly("c2");
		assertThat(ids(this.branched.planUpgrade(Set.of("c2"), "billing@+1"))).containsExactly("b1");
	}

	@Test
	void upgradeToAMergeAppliesBothBranchesFirst() {
		MigrationPlan plan = this.merged.planUpgrade(Set.of("b1"), "head");

		assertThat(ids(plan)).containsExactly("b2", "c1", "c2", "m", "d");
		MigrationPlan.Step merge = plan.steps().get(3);
		assertThat(merge.headsBefore()).containsExactlyInAnyOrder("b2", "c2");
		assertThat(merge.headsAfter()).containsExactly("m");
	}

	@Test
	void downgradeRelativeRemovesTheTopRevisions() {
		MigrationPlan plan = this.linear.planDowngrade(Set.of("c"), "-1");

		assertThat(plan.direction()).isEqualTo(Direction.DOWNGRADE);
		assertThat(ids(plan)).containsExactly("c");
		assertThat(plan.steps().get(0).direction()).isEqualTo(Direction.DOWNGRADE);
		assertThat(plan.steps().get(0).headsBefore()).containsExactly("c");
		assertThat(plan.headsAfter()).containsExactly("b");
	}

	@Test
	void downgradeToBaseRemovesEverythingChildrenFirst() {
		MigrationPlan plan = this.merged.planDowngrade(Set.of("d"), "base");

		assertThat(ids(plan)).containsExactly("d", "m", "c2", "c1", "b2", "b1", "root");
		assertThat(plan.headsAfter()).isEmpty();
	}

	@Test
	void downgradeToARevisionRemovesItsDescendantsOnly() {
		MigrationPlan plan = this.branched.planDowngrade(Set.of("b2", "c2"), "b1");

		assertThat(ids(plan)).containsExactly("b2");
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b1", "c2");
	}

	@Test
	void downgradeOneBranchWithLabelAtBase() {
		MigrationPlan plan = this.branched.planDowngrade(Set.of("b2", "c2"), "billing@base");

		assertThat(ids(plan)).containsExactly("b2", "b1");
		assertThat(plan.headsAfter()).containsExactly("c2");
	}

	@Test
	void downgradeToABranchPointRemovesEveryBranchUnlessALabelNamesOne() {
		assertThat(ids(this.branched.planDowngrade(Set.of("b2", "c2"), "root"))).containsExactly("c2", "c1", "b2",
				"b1");

		MigrationPlan billingOnly = this.branched.planDowngrade(Set.of("b2", "c2"), "billing@root");

		assertThat(ids(billingOnly)).containsExactly("b2", "b1");
		assertThat(billingOnly.headsAfter()).containsExactly("c2");
	}

	@Test
	void downgradeToARevisionAnotherBranchDependsOnLeavesThatBranchAlone() {
		RevisionGraph graph = graph(revision("a1"), revision("a2").revises("a1"), revision("a3").revises("a2"),
				revision("b1"), revision("b2").revises("b1").dependsOn("a2"));

		MigrationPlan toDependency = graph.planDowngrade(Set.of("a3", "b2"), "a2");
		assertThat(ids(toDependency)).containsExactly("a3");
		assertThat(toDependency.headsAfter()).containsExactly("b2");

		MigrationPlan belowDependency = graph.planDowngrade(Set.of("a3", "b2"), "a1");
		assertThat(ids(belowDependency)).containsExactly("b2", "a3", "a2");
		assertThat(belowDependency.headsAfter()).containsExactlyInAnyOrder("a1", "b1");
	}

	@Test
	void downgradeOneStepOnABranch() {
		MigrationPlan plan = this.branched.planDowngrade(Set.of("b2", "c2"), "crm@-1");

		assertThat(ids(plan)).containsExactly("c2");
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b2", "c1");
	}

	@Test
	void downgradePastAMergeRestoresBothBranchHeads() {
		MigrationPlan twoSteps = this.merged.planDowngrade(Set.of("d"), "-2");

		assertThat(ids(twoSteps)).containsExactly("d", "m");
		assertThat(twoSteps.steps().get(1).headsBefore()).containsExactly("m");
		assertThat(twoSteps.headsAfter()).containsExactlyInAnyOrder("b2", "c2");

		MigrationPlan toBranch = this.merged.planDowngrade(Set.of("d"), "b1");

		assertThat(ids(toBranch)).containsExactly("d", "m", "b2");
		assertThat(toBranch.headsAfter()).containsExactlyInAnyOrder("b1", "c2");
	}

	@Test
	void downgradeRelativeWithSeveralHeadsIsAmbiguous() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.merged.planDowngrade(Set.of("d"), "-3"))
			.withMessageContaining("'-3' is ambiguous: 2 step(s) down, below the merge m, the branches it joined have "
					+ "several heads (b2, c2) to step down from");
	}

	@Test
	void downgradeMinusOneWithSeveralHeadsListsTheHeadsAndTheCommandsThatWork() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.planDowngrade(Set.of("b2", "c2"), "-1"))
			.withMessageContaining("several heads (b2, c2)")
			.withMessageContaining("Alembic warns and takes the first")
			.withMessageContaining("downgrade b2-1")
			.withMessageContaining("downgrade billing@-1")
			.withMessageContaining("downgrade c2-1")
			.withMessageContaining("downgrade crm@-1");
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.merged.planDowngrade(Set.of("d"), "-3"))
			.withMessageContaining("downgrade b2-1")
			.withMessageContaining("downgrade billing@-3");
		assertThat(ids(this.merged.planDowngrade(Set.of("d"), "b2-1"))).containsExactly("d", "m", "b2");
		assertThat(ids(this.merged.planDowngrade(Set.of("d"), "billing@-3"))).containsExactly("d", "m", "b2");
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.planDowngrade(Set.of("b1", "c2"), "-1"))
			.withMessageContaining("downgrade b1@-1")
			.withMessageNotContaining("downgrade b1-1")
			.withMessageContaining("downgrade c2-1");
		assertThat(ids(this.branched.planDowngrade(Set.of("b1", "c2"), "b1@-1"))).containsExactly("b1");
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.stampHeads(Set.of("b2", "c2"), "-1", false))
			.withMessageContaining("stamp b2-1");
	}

	@Test
	void downgradeUpwardsSaysToUpgrade() {
		assertThatExceptionOfType(WrongDirectionException.class)
			.isThrownBy(() -> this.linear.planDowngrade(Set.of("a"), "c"))
			.withMessageContaining("c")
			.withMessageContaining("run upgrade c");
		assertThatExceptionOfType(WrongDirectionException.class)
			.isThrownBy(() -> this.linear.planDowngrade(Set.of("a"), "+1"))
			.withMessageContaining("run upgrade +1");
		assertThatExceptionOfType(WrongDirectionException.class)
			.isThrownBy(() -> this.branched.planDowngrade(Set.of("b2"), "c1"))
			.withMessageContaining("beside");
	}

	@Test
	void downgradeToTheCurrentRevisionIsEmpty() {
		assertThat(this.linear.planDowngrade(Set.of("b"), "b").isEmpty()).isTrue();
		assertThat(this.linear.planDowngrade(Set.of(), "base").isEmpty()).isTrue();
	}

	@Test
	void dependsOnPullsTheDependencyIntoAnUpgradeAndItsDependentsIntoADowngrade() {
		RevisionGraph graph = graph(revision("root"), revision("b1").revises("root").labels("billing"),
				revision("b2").revises("b1"), revision("c1").revises("root").labels("crm"),
				revision("c2").revises("c1").dependsOn("b1"));

		MigrationPlan upgrade = graph.planUpgrade(Set.of("root"), "crm@head");
		assertThat(ids(upgrade)).containsExactly("b1", "c1", "c2");
		assertThat(upgrade.headsAfter()).containsExactly("c2");

		MigrationPlan downgrade = graph.planDowngrade(Set.of("b2", "c2"), "billing@base");
		assertThat(ids(downgrade)).containsExactly("c2", "b2", "b1");
		assertThat(downgrade.headsAfter()).containsExactly("c1");
	}

	@Test
	void upgradeToARevisionOnlyADependencyKeepsFromBeingAHeadIsEmpty() {
		RevisionGraph graph = graph(revision("b1").labels("billing"), revision("c1").labels("crm").dependsOn("b1"));

		assertThat(graph.planUpgrade(Set.of("c1"), "billing@head").isEmpty()).isTrue();
	}

	@Test
	void projectWithoutRevisionsUpgradesToHeadWithoutSteps() {
		RevisionGraph empty = RevisionGraph.of(List.of());

		assertThat(empty.planUpgrade(Set.of(), "head").isEmpty()).isTrue();
		assertThat(empty.planDowngrade(Set.of(), "base").isEmpty()).isTrue();
	}

	@Test
	void redundantVersionRowsAreReplacedByTheFirstStep() {
		MigrationPlan plan = this.linear.planUpgrade(Set.of("a", "b"), "head");

		assertThat(ids(plan)).containsExactly("c");
		assertThat(plan.steps().get(0).headsBefore()).containsExactlyInAnyOrder("a", "b");
		assertThat(plan.steps().get(0).headsAfter()).containsExactly("c");
	}

	@Test
	void databaseAtAnUnknownRevisionPlansNothing() {
		assertThatExceptionOfType(UnknownAppliedRevisionException.class)
			.isThrownBy(() -> this.linear.planUpgrade(Set.of("f00d"), "head"))
			.withMessageContaining("f00d");
	}

	@Test
	void irreversibleRevisionOnTheWayFailsTheWholeDowngradeBeforeItRuns() {
		RevisionGraph graph = graph(revision("a"),
				revision("b").revises("a").source("db.migrations.DropLegacy").migration(new Migration() {

					@Override
					public void upgrade(Operations op) {
						op.dropTable("legacy");
					}

					@Override
					public void downgrade(Operations op) {
						op.irreversible("the legacy rows are gone");
					}

				}), revision("c").revises("b"));

		assertThat(ids(graph.planDowngrade(Set.of("c"), "b", "sqlite"))).containsExactly("c");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> graph.planDowngrade(Set.of("c"), "base", "sqlite"))
			.withMessageContaining("db.migrations.DropLegacy")
			.withMessageContaining("the legacy rows are gone")
			.withMessageContaining("Nothing was changed");
	}

	@Test
	void stampMovesTheHeadsWithoutPlanningSteps() {
		assertThat(this.linear.stampHeads(Set.of(), "head", false)).containsExactly("c");
		assertThat(this.linear.stampHeads(Set.of("c"), "a", false)).containsExactly("a");
		assertThat(this.linear.stampHeads(Set.of("c"), "-1", false)).containsExactly("b");
		assertThat(this.linear.stampHeads(Set.of("c"), "base", false)).isEmpty();
		assertThat(this.branched.stampHeads(Set.of("b2"), "c1", false)).containsExactlyInAnyOrder("b2", "c1");
		assertThat(this.branched.stampHeads(Set.of("b2", "c2"), "billing@base", false)).containsExactly("c2");
	}

	@Test
	void stampDownAcrossAMergeOrADependencyLeavesOnlyTheNamedRevision() {
		assertThat(this.merged.stampHeads(Set.of("m"), "b1", false)).containsExactly("b1");
		assertThat(this.merged.stampHeads(Set.of("d"), "c2", false)).containsExactly("c2");
		RevisionGraph graph = graph(revision("a1"), revision("a2").revises("a1"), revision("a3").revises("a2"),
				revision("b1"), revision("b2").revises("b1").dependsOn("a2"));
		assertThat(graph.stampHeads(Set.of("b2"), "b1", false)).containsExactly("b1");
		assertThat(graph.stampHeads(Set.of("a3", "b2"), "b1", false)).containsExactlyInAnyOrder("a3", "b1");
	}

	@Test
	void stampRelativeAndOnOneBranch() {
		assertThat(this.linear.stampHeads(Set.of("a"), "+2", false)).containsExactly("c");
		assertThat(this.branched.stampHeads(Set.of("b1", "c2"), "billing@+1", false)).containsExactlyInAnyOrder("b2",
				"c2");
		assertThat(this.branched.stampHeads(Set.of("b2", "c2"), "crm@-2", false)).containsExactly("b2");
	}

	@Test
	void downgradeToSeveralRevisionsAtOnce() {
		MigrationPlan plan = this.branched.planDowngrade(Set.of("b2", "c2"), "b1,c1");

		assertThat(ids(plan)).containsExactly("c2", "b2");
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b1", "c1");
	}

	@Test
	void stampWithPurgeIgnoresWhatTheVersionTableHeld() {
		assertThat(this.branched.stampHeads(Set.of("b2", "unknown1"), "c1", true)).containsExactly("c1");
	}

	private static List<String> ids(MigrationPlan plan) {
		return plan.steps().stream().map((step) -> step.revision().id()).toList();
	}

}
