package dev.retort.migration.revision;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.retort.migration.revision.RevisionBuilder.graph;
import static dev.retort.migration.revision.RevisionBuilder.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetResolutionTests {

	/** a1b2 <- c3d4 <- e5f6 <- a7b8. */
	private final RevisionGraph linear = graph(revision("a1b2c3d4e5f6"),
			revision("c3d4e5f6a7b8").revises("a1b2c3d4e5f6"), revision("e5f6a7b8c9d0").revises("c3d4e5f6a7b8"),
			revision("a7b8c9d0e1f2").revises("e5f6a7b8c9d0"));

	/**
	 * root -> b1 (billing) -> b2, root -> c1 (crm) -> c2, and an independent branch x1
	 * (audit) -> x2.
	 */
	private final RevisionGraph branched = graph(revision("root"), revision("b1").revises("root").labels("billing"),
			revision("b2").revises("b1"), revision("c1").revises("root").labels("crm"), revision("c2").revises("c1"),
			revision("x1").labels("audit"), revision("x2").revises("x1"));

	/**
	 * c1 -> a2 -> a3 -> t4 on the trunk, billing's own base b1 (billing) -> b2, and s1
	 * revising a3 and depending on b1.
	 */
	private final RevisionGraph dependent = graph(revision("c1"), revision("a2").revises("c1"),
			revision("a3").revises("a2"), revision("t4").revises("a3"), revision("b1").labels("billing"),
			revision("b2").revises("b1"), revision("s1").revises("a3").dependsOn("b1"));

	@Test
	void headIsTheOnlyHead() {
		assertThat(this.linear.resolve("head", Set.of())).containsExactly("a7b8c9d0e1f2");
	}

	@Test
	void headWithSeveralHeadsNamesThemAndSuggestsHeadsALabelOrAMerge() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.resolve("head", Set.of()))
			.withMessageStartingWith("Target 'head' names one revision, but there are 3 heads: b2, c2, x2. Use "
					+ "'heads' to move to all of them, a branch label (")
			.withMessageContaining("billing@head")
			.withMessageEndingWith(") or a head's id to pick one, or create a merge revision that joins them.");
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.resolve("head-1", Set.of()))
			.withMessageStartingWith(
					"Target 'head-1' counts from 'head', which names one revision, but there are 3 heads: b2, c2, x2.");
	}

	@Test
	void headsAndBase() {
		assertThat(this.branched.resolve("heads", Set.of())).containsExactly("b2", "c2", "x2");
		assertThat(this.branched.resolve("base", Set.of("b2"))).isEmpty();
	}

	@Test
	void fullIdAndUniquePrefix() {
		assertThat(this.linear.resolve("c3d4e5f6a7b8", Set.of())).containsExactly("c3d4e5f6a7b8");
		assertThat(this.linear.resolve("e5f", Set.of())).containsExactly("e5f6a7b8c9d0");
	}

	@Test
	void ambiguousPrefixListsTheCandidates() {
		assertThatExceptionOfType(AmbiguousRevisionException.class).isThrownBy(() -> this.linear.resolve("a", Set.of()))
			.withMessageContaining("a1b2c3d4e5f6")
			.withMessageContaining("a7b8c9d0e1f2");
	}

	@Test
	void unknownRevisionOrLabel() {
		assertThatExceptionOfType(UnknownTargetException.class).isThrownBy(() -> this.linear.resolve("ffff", Set.of()))
			.withMessageContaining("'ffff'");
		assertThatExceptionOfType(UnknownTargetException.class)
			.isThrownBy(() -> this.branched.resolve("shipping@head", Set.of()))
			.withMessageContaining("'shipping'")
			.withMessageContaining("audit, billing, crm");
	}

	@Test
	void plusNCountsUpFromTheCurrentHead() {
		assertThat(this.linear.resolve("+2", Set.of("c3d4e5f6a7b8"))).containsExactly("a7b8c9d0e1f2");
		assertThat(this.linear.resolve("+1", Set.of())).containsExactly("a1b2c3d4e5f6");
	}

	@Test
	void plusNBeyondTheHeadSaysHowManyRemain() {
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.linear.resolve("+3", Set.of("c3d4e5f6a7b8")))
			.withMessageContaining("only 2 revision(s) lie above (c3d4e5f6a7b8)");
	}

	@Test
	void minusNCountsDownFromTheCurrentHead() {
		assertThat(this.linear.resolve("-2", Set.of("a7b8c9d0e1f2"))).containsExactly("c3d4e5f6a7b8");
		assertThat(this.linear.resolve("-4", Set.of("a7b8c9d0e1f2"))).isEmpty();
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.linear.resolve("-4", Set.of("e5f6a7b8c9d0")))
			.withMessageContaining("only 3 revision(s) are applied");
	}

	@Test
	void relativeStepsFromSeveralCurrentHeadsAreAmbiguous() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.resolve("+1", Set.of("b1", "c1")))
			.withMessageContaining("(b1, c1)")
			.withMessageContaining("label@+N");
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.resolve("-1", Set.of("b2", "c2")))
			.withMessageContaining("(b2, c2)")
			.withMessageContaining("label@-N");
	}

	@Test
	void plusOneAtABranchPointIsAmbiguous() {
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> this.branched.resolve("+1", Set.of("root")))
			.withMessageContaining("root has several revisions above it: (b1, c1)");
	}

	@Test
	void plusOneFromOneOfSeveralHeadsWhenOnlyOneCanMove() {
		assertThat(this.branched.resolve("+1", Set.of("b1", "c2"))).containsExactly("b2");
	}

	@Test
	void plusOneFromTheHeadsOfAMergeIsTheMerge() {
		RevisionGraph graph = graph(revision("a"), revision("b").revises("a"), revision("c").revises("a"),
				revision("m").revises("b", "c"));

		assertThat(graph.resolve("+1", Set.of("b", "c"))).containsExactly("m");
	}

	@Test
	void revisionPlusAndMinusN() {
		assertThat(this.linear.resolve("a1b2+2", Set.of())).containsExactly("e5f6a7b8c9d0");
		assertThat(this.linear.resolve("e5f6-1", Set.of())).containsExactly("c3d4e5f6a7b8");
		assertThat(this.linear.resolve("e5f6-2", Set.of())).containsExactly("a1b2c3d4e5f6");
		assertThat(this.linear.resolve("e5f6-3", Set.of())).isEmpty();
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.linear.resolve("e5f6-4", Set.of()))
			.withMessageContaining("only 2 revision(s) lie below e5f6a7b8c9d0");
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.linear.resolve("c3d4+3", Set.of()))
			.withMessageContaining("only 2 revision(s) lie above (c3d4e5f6a7b8)");
	}

	@Test
	void headMinusN() {
		assertThat(this.linear.resolve("head-1", Set.of())).containsExactly("e5f6a7b8c9d0");
		assertThat(this.linear.resolve("head-4", Set.of())).isEmpty();
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.linear.resolve("head-5", Set.of()))
			.withMessageContaining("only 3 revision(s) lie below a7b8c9d0e1f2");
		assertThat(this.branched.resolve("billing@head-1", Set.of())).containsExactly("b1");
	}

	@Test
	void minusOneBelowAMergeIsAmbiguous() {
		RevisionGraph graph = graph(revision("a"), revision("b").revises("a"), revision("c").revises("a"),
				revision("m").revises("b", "c"));

		assertThatExceptionOfType(AmbiguousRevisionException.class).isThrownBy(() -> graph.resolve("m-2", Set.of()))
			.withMessageContaining("m is a merge of b and c");
	}

	@Test
	void branchLabelForms() {
		assertThat(this.branched.resolve("billing@head", Set.of())).containsExactly("b2");
		assertThat(this.branched.resolve("billing", Set.of())).containsExactly("b1");
		assertThat(this.branched.resolve("crm@c2", Set.of())).containsExactly("c2");
		assertThat(this.branched.resolve("billing@base", Set.of("b2", "c2"))).containsExactly("c2");
		assertThat(this.branched.resolve("audit@base", Set.of("b2", "x2"))).containsExactly("b2");
		assertThatExceptionOfType(UnknownTargetException.class)
			.isThrownBy(() -> this.branched.resolve("crm@b2", Set.of()))
			.withMessageContaining("revision b2 is neither on branch 'crm'");
		assertThat(this.branched.resolve("crm@root", Set.of())).containsExactly("root");
	}

	@Test
	void branchRelativeSteps() {
		assertThat(this.branched.resolve("billing@+1", Set.of("root", "c2"))).containsExactly("b1");
		assertThat(this.branched.resolve("billing@+2", Set.of("c2"))).containsExactly("b2");
		assertThat(this.branched.resolve("crm@+1", Set.of("b2", "c1"))).containsExactly("c2");
		assertThat(this.branched.resolve("audit@+2", Set.of("b2"))).containsExactly("x2");
		assertThat(this.branched.resolve("crm@-1", Set.of("b2", "c2"))).containsExactly("b2", "c1");
		assertThat(this.branched.resolve("crm@-2", Set.of("b2", "c2"))).containsExactly("b2");
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.branched.resolve("crm@-3", Set.of("b2", "c2")))
			.withMessageContaining("only 2 revision(s) of branch 'crm' are applied");
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.branched.resolve("billing@+1", Set.of("b2")))
			.withMessageContaining("on branch 'billing'");
	}

	@Test
	void plusNCountsFromARevisionAppliedOnlyBecauseAnotherDependsOnIt() {
		// b1 is applied (s1 depends on it) without a row of its own; b2 is pending
		Set<String> rows = Set.of("t4", "s1");
		assertThat(this.dependent.headsOf(this.dependent.applied(Set.of("t4", "s1", "b1")))).isEqualTo(rows);

		assertThat(this.dependent.resolve("+1", rows)).containsExactly("b2");
		assertThat(this.dependent.resolve("billing@+1", rows)).containsExactly("b2");
		assertThat(this.dependent.planUpgrade(rows, "billing@+1").steps()).extracting((step) -> step.revision().id())
			.containsExactly("b2");
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.dependent.resolve("billing@+2", rows))
			.withMessageContaining("only 1 revision(s) lie above (b1) on branch 'billing'");
	}

	@Test
	void revisionNamedIsTheOneRevisionATargetNamesFromTheGraphAlone() {
		assertThat(this.dependent.revisionNamed("billing@head").id()).isEqualTo("b2");
		assertThat(this.dependent.revisionNamed("billing").id()).isEqualTo("b1");
		assertThat(this.dependent.revisionNamed("b2-1").id()).isEqualTo("b1");
		assertThat(this.dependent.revisionNamed("billing@base+2").id()).isEqualTo("b2");
		assertThat(this.linear.revisionNamed("head").id()).isEqualTo("a7b8c9d0e1f2");
		assertThat(this.linear.revisionNamed("heads").id()).isEqualTo("a7b8c9d0e1f2");
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> this.dependent.revisionNamed("heads"))
			.withMessageContaining("names several revisions (b2, s1, t4)");
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> this.dependent.revisionNamed("head"))
			.withMessageContaining("billing@head");
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> this.dependent.revisionNamed("+1"))
			.withMessageContaining("does not name one revision by itself");
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.dependent.revisionNamed("billing@base"))
			.withMessageContaining("does not name one revision by itself");
	}

	@Test
	void countingUpFromBase() {
		assertThat(this.linear.resolve("base+2", Set.of("a7b8c9d0e1f2"))).containsExactly("c3d4e5f6a7b8");
		assertThat(this.branched.resolve("billing@+2", Set.of())).containsExactly("b2");
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> this.branched.resolve("+1", Set.of()))
			.withMessageContaining("base has several revisions above it: (root, x1)");
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.linear.resolve("base-1", Set.of()))
			.withMessageContaining("nothing lies below base");
	}

	@Test
	void labelAtHeadWithSeveralHeadsOnTheBranchIsAmbiguous() {
		RevisionGraph graph = graph(revision("a").labels("main"), revision("b").revises("a"),
				revision("c").revises("a"));

		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.resolve("main@head", Set.of()))
			.withMessageStartingWith("Target 'main@head' names one revision, but branch 'main' has 2 heads: b, c. Use "
					+ "'main@heads' to move to all of them, ");
	}

	@Test
	void severalRevisionsAtOnce() {
		assertThat(this.branched.resolve("b1,c2", Set.of())).containsExactly("b1", "c2");
		assertThat(this.branched.resolve("billing@head x1", Set.of())).containsExactly("b2", "x1");
	}

	@Test
	void severalRevisionsWhereOneLiesUnderAnotherAreRefused() {
		assertThatExceptionOfType(OverlappingTargetsException.class)
			.isThrownBy(() -> this.branched.resolve("b2,b1", Set.of()))
			.withMessageContaining("names b1 and b2")
			.withMessageContaining("b1 lies under b2");
		assertThatExceptionOfType(OverlappingTargetsException.class)
			.isThrownBy(() -> this.branched.resolve("root crm@head", Set.of()))
			.withMessageContaining("root lies under c2");
		RevisionGraph dependent = graph(revision("a1"), revision("b1").dependsOn("a1"));
		assertThatExceptionOfType(OverlappingTargetsException.class)
			.isThrownBy(() -> dependent.planUpgrade(Set.of(), "a1,b1"))
			.withMessageContaining("a1 lies under b1");
	}

	@Test
	void labelAtHeadsIsEveryHeadOfTheBranch() {
		RevisionGraph graph = graph(revision("a").labels("main"), revision("b").revises("a"),
				revision("c").revises("a"), revision("x").labels("other"));

		assertThat(graph.resolve("main@heads", Set.of())).containsExactly("b", "c");
		assertThat(this.branched.resolve("billing@heads", Set.of())).containsExactly("b2");
		assertThat(this.branched.resolve("billing@heads,x1", Set.of())).containsExactly("b2", "x1");
	}

	@Test
	void labelAtBasePlusNCountsAlongTheBranchFromItsStart() {
		assertThat(this.branched.resolve("billing@base+1", Set.of("c2"))).containsExactly("b1");
		assertThat(this.branched.resolve("billing@base+2", Set.of("b2", "c2"))).containsExactly("b2");
		assertThat(this.branched.resolve("audit@base+1", Set.of())).containsExactly("x1");
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.branched.resolve("billing@base+3", Set.of()))
			.withMessageContaining("on branch 'billing'");
	}

	@Test
	void labelAtBaseMinusNGoesBelowBaseAndSaysWhatAlembicWouldDo() {
		assertThatExceptionOfType(TargetOutOfRangeException.class)
			.isThrownBy(() -> this.branched.resolve("billing@base-1", Set.of("b2", "c2")))
			.withMessageContaining("nothing lies below billing@base")
			.withMessageContaining("Alembic")
			.withMessageContaining("billing@-1");
	}

	@Test
	void aRevisionIdInTheBranchPartNamesTheBranchThatRevisionIsOn() {
		assertThat(this.branched.resolve("b1@head", Set.of())).containsExactly("b2");
		assertThat(this.branched.resolve("c1@heads", Set.of())).containsExactly("c2");
		assertThat(this.branched.resolve("b1@+1", Set.of("b1", "c2"))).containsExactly("b2");
		assertThat(this.branched.resolve("c2@-1", Set.of("b2", "c2"))).containsExactly("b2", "c1");
		assertThat(this.branched.resolve("c1@base", Set.of("b2", "c2"))).containsExactly("b2");
		assertThat(this.branched.resolve("x1@base+2", Set.of())).containsExactly("x2");
		assertThat(this.branched.resolve("root@heads", Set.of())).containsExactly("b2", "c2");
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.branched.resolve("root@head", Set.of()))
			.withMessageContaining("but branch 'root' has 2 heads: b2, c2.");
		assertThatExceptionOfType(UnknownTargetException.class)
			.isThrownBy(() -> this.branched.resolve("b1@c2", Set.of()))
			.withMessageContaining("revision c2 is neither on branch 'b1'");
	}

	@Test
	void malformedTargetsSayWhatIsAccepted() {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> this.linear.resolve("", Set.of()))
			.withMessageContaining("head, heads, base");
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> this.linear.resolve("a1b2!", Set.of()))
			.withMessageContaining("not understood");
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> this.linear.resolve("+0", Set.of()))
			.withMessageContaining("moves 0 steps");
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> this.linear.resolve("@head", Set.of()))
			.withMessageContaining("branch label");
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.resolve("heads-1", Set.of()))
			.withMessageContaining("'heads'");
	}

}
