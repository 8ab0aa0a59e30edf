package dev.retort.migration.revision;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.retort.migration.revision.RevisionBuilder.graph;
import static dev.retort.migration.revision.RevisionBuilder.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionGraphTests {

	@Test
	void linearGraphHasOneHeadOneBaseAndRunsParentsFirst() {
		RevisionGraph graph = graph(revision("c3").revises("b2"), revision("a1"), revision("b2").revises("a1"));

		assertThat(graph.heads()).containsExactly("c3");
		assertThat(graph.bases()).containsExactly("a1");
		assertThat(graph.branchPoints()).isEmpty();
		assertThat(graph.merges()).isEmpty();
		assertThat(graph.revisions()).extracting(RevisionScript::id).containsExactly("a1", "b2", "c3");
	}

	@Test
	void branchedAndMergedGraphKnowsItsBranchPointsAndMerges() {
		RevisionGraph graph = graph(revision("a"), revision("b1").revises("a").labels("billing"),
				revision("b2").revises("b1"), revision("c1").revises("a").labels("crm"), revision("c2").revises("c1"),
				revision("m").revises("b2", "c2"), revision("d").revises("m"));

		assertThat(graph.heads()).containsExactly("d");
		assertThat(graph.bases()).containsExactly("a");
		assertThat(graph.branchPoints()).containsExactly("a");
		assertThat(graph.merges()).containsExactly("m");
		assertThat(graph.revisions()).extracting(RevisionScript::id)
			.containsExactly("a", "b1", "b2", "c1", "c2", "m", "d");
		assertThat(graph.branches().get("billing")).containsExactly("b1", "b2", "m", "d");
	}

	@Test
	void siblingsRunEarliestCreatedFirstAndEachBranchRunsToItsEndBeforeTheNext() {
		RevisionGraph graph = graph(revision("a"), revision("zz").revises("a").created("2026-01-01T00:00:00Z"),
				revision("bb").revises("a").created("2026-02-01T00:00:00Z"), revision("yy").revises("zz"));

		assertThat(graph.revisions()).extracting(RevisionScript::id).containsExactly("a", "zz", "yy", "bb");
		assertThat(graph.heads()).containsExactlyInAnyOrder("bb", "yy");
	}

	@Test
	void branchesDoNotInterleaveByCreationTimeAndSiblingsWithoutDatesGoById() {
		RevisionGraph dated = graph(revision("root"), revision("b1").revises("root").created("2026-01-01T00:00:00Z"),
				revision("c1").revises("root").created("2026-01-02T00:00:00Z"),
				revision("b2").revises("b1").created("2026-01-03T00:00:00Z"),
				revision("c2").revises("c1").created("2026-01-04T00:00:00Z"), revision("m").revises("b2", "c2"));
		assertThat(dated.revisions()).extracting(RevisionScript::id)
			.containsExactly("root", "b1", "b2", "c1", "c2", "m");

		RevisionGraph undated = graph(revision("root"), revision("y1").revises("root"), revision("x1").revises("root"),
				revision("x2").revises("x1"), revision("w1"));
		assertThat(undated.revisions()).extracting(RevisionScript::id).containsExactly("root", "x1", "x2", "y1", "w1");
	}

	@Test
	void dependsOnOrdersTheDependencyFirstAndCountsAsAncestry() {
		RevisionGraph graph = graph(revision("a1"), revision("a2").revises("a1"), revision("b1").dependsOn("a2"),
				revision("b0"));

		assertThat(graph.revisions()).extracting(RevisionScript::id).containsExactly("a1", "a2", "b1", "b0");
		assertThat(graph.heads()).containsExactlyInAnyOrder("b0", "b1");
		assertThat(graph.bases()).containsExactlyInAnyOrder("a1", "b1", "b0");
		assertThat(graph.applied(Set.of("b1"))).containsExactlyInAnyOrder("a1", "a2", "b1");
	}

	@Test
	void dependsOnMayNameABranchLabel() {
		RevisionGraph graph = graph(revision("a1").labels("accounts"), revision("b1").dependsOn("accounts"));

		assertThat(graph.applied(Set.of("b1"))).containsExactlyInAnyOrder("a1", "b1");
	}

	@Test
	void appliedIsTheClosureOfTheHeads() {
		RevisionGraph graph = graph(revision("a"), revision("b").revises("a"), revision("c").revises("a"),
				revision("d").revises("c"));

		assertThat(graph.applied(Set.of("b", "d"))).containsExactlyInAnyOrder("a", "b", "c", "d");
		assertThat(graph.applied(Set.of())).isEmpty();
		assertThat(graph.pending(Set.of("b"))).extracting(RevisionScript::id).containsExactly("c", "d");
	}

	@Test
	void appliedHeadsTheCodeDoesNotKnowAreReported() {
		RevisionGraph graph = graph(revision("a"));

		assertThatExceptionOfType(UnknownAppliedRevisionException.class)
			.isThrownBy(() -> graph.applied(Set.of("a", "f00d")))
			.withMessageContaining("f00d")
			.withMessageContaining("stamp --purge");
	}

	@Test
	void duplicateIdsNameBothSources() {
		assertThatExceptionOfType(DuplicateRevisionException.class)
			.isThrownBy(() -> graph(revision("a").source("db/migrations/one.sql"),
					revision("a").source("db.migrations.Two")))
			.withMessageContaining("db/migrations/one.sql")
			.withMessageContaining("db.migrations.Two")
			.withMessageContaining("give one of them a new id");
	}

	@Test
	void missingParentNamesTheFileAndTheFix() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> graph(revision("a"), revision("b").revises("zzz").source("db.migrations.AddTasks")))
			.withMessageContaining("Revision b in db.migrations.AddTasks revises zzz")
			.withMessageContaining("Correct 'revises' in db.migrations.AddTasks");
	}

	@Test
	void unknownDependsOnNamesTheFileAndTheFix() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> graph(revision("a"), revision("b").dependsOn("nope").source("V_b.sql")))
			.withMessageContaining("Revision b in V_b.sql depends on nope")
			.withMessageContaining("Correct 'dependsOn' in V_b.sql");
	}

	@Test
	void cycleNamesItsRevisionsAndFiles() {
		assertThatExceptionOfType(RevisionCycleException.class)
			.isThrownBy(() -> graph(revision("a"), revision("b").revises("a", "d").source("b.sql"),
					revision("c").revises("b").source("c.sql"), revision("d").revises("c").source("d.sql")))
			.withMessageContaining("b -> c -> d -> b")
			.withMessageContaining("c in c.sql")
			.withMessageContaining("Correct 'revises' or 'dependsOn'");
	}

	@Test
	void revisionThatRevisesItselfIsACycle() {
		assertThatExceptionOfType(RevisionCycleException.class)
			.isThrownBy(() -> graph(revision("a").revises("a").source("a.sql")))
			.withMessageContaining("a -> a");
	}

	@Test
	void cycleThroughDependsOnIsReported() {
		assertThatExceptionOfType(RevisionCycleException.class)
			.isThrownBy(() -> graph(revision("a").dependsOn("b"), revision("b").revises("a")))
			.withMessageContaining("a -> b -> a");
	}

	@Test
	void branchLabelDeclaredTwiceNamesBothRevisions() {
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> graph(revision("a").labels("billing").source("A.java"),
					revision("b").labels("billing").source("B.java")))
			.withMessageContaining("'billing' is declared by revision a in A.java and by revision b in B.java")
			.withMessageContaining("remove it from one of them");
	}

	@Test
	void branchLabelThatIsARevisionIdIsRejected() {
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> graph(revision("a").labels("b").source("A.java"), revision("b")))
			.withMessageContaining("Branch label 'b' of revision a in A.java is also the id")
			.withMessageContaining("Rename the label");
	}

	@Test
	void idsThatClashWithTargetSyntaxAreRejected() {
		assertThatExceptionOfType(InvalidRevisionIdException.class)
			.isThrownBy(() -> graph(revision("head").source("Head.java"), revision("a-1").source("a.sql")))
			.withMessageContaining("'head' in Head.java")
			.withMessageContaining("'a-1' in a.sql")
			.withMessageContaining("Rename them");
		assertThatExceptionOfType(InvalidRevisionIdException.class)
			.isThrownBy(() -> graph(revision("a").labels("my@label").source("A.java")))
			.withMessageContaining("Branch label 'my@label' of revision a in A.java");
	}

	@Test
	void getAcceptsAUniquePrefixAndNamesTheCandidatesOtherwise() {
		RevisionGraph graph = graph(revision("ae1027a6acf0"), revision("ae10cc000000").revises("ae1027a6acf0"),
				revision("1975ea83b712").revises("ae10cc000000"));

		assertThat(graph.get("1975").id()).isEqualTo("1975ea83b712");
		assertThat(graph.get("ae1027a6acf0").id()).isEqualTo("ae1027a6acf0");
		assertThatExceptionOfType(AmbiguousRevisionException.class).isThrownBy(() -> graph.get("ae10"))
			.withMessageContaining("ae1027a6acf0")
			.withMessageContaining("ae10cc000000")
			.withMessageContaining("Write more of the id");
		assertThatExceptionOfType(UnknownTargetException.class).isThrownBy(() -> graph.get("ffff"))
			.withMessageContaining("'ffff'");
		assertThat(graph.find("ae10")).isEmpty();
	}

	@Test
	void historyRangeFromLabelAtBaseStartsWhereTheBranchStartsWhateverTheDatabaseHolds() {
		// billing has its own base; shipping forks from the branch point a3 and depends
		// on b1
		RevisionGraph graph = graph(revision("c1"), revision("a2").revises("c1"), revision("a3").revises("a2"),
				revision("t4").revises("a3"), revision("b1").labels("billing"), revision("b2").revises("b1"),
				revision("s1").revises("a3").dependsOn("b1").labels("shipping"));

		for (Set<String> current : List.of(Set.<String>of(), Set.of("a3"), Set.of("t4", "s1"), graph.heads())) {
			assertThat(graph.range("billing@base", "billing@head", () -> current)).as("database at %s", current)
				.extracting(RevisionScript::id)
				.containsExactly("b1", "b2");
			assertThat(graph.range("shipping@base", "shipping@head", () -> current)).as("database at %s", current)
				.extracting(RevisionScript::id)
				.containsExactly("a3", "s1");
		}
		assertThat(graph.range("billing@base", "", Set::of)).hasSize(7);
		// downgrade and stamp keep their meaning: remove the branch and what depends on
		// it
		assertThat(graph.resolve("billing@base", graph.heads())).containsExactly("t4");
	}

	@Test
	void aRevisionIsOnTheBranchesOfTheLabelsBelowItOnItsLineAndAboveIt() {
		RevisionGraph graph = graph(revision("c1"), revision("a2").revises("c1"), revision("a3").revises("a2"),
				revision("t4").revises("a3"), revision("b1").labels("billing"), revision("b2").revises("b1"),
				revision("s1").revises("a3").dependsOn("b1"), revision("s2").revises("s1").labels("shipping"),
				revision("m").revises("t4", "b2", "s2"));

		assertThat(graph.branchLabelsOf("b1")).containsExactly("billing");
		assertThat(graph.branchLabelsOf("b2")).containsExactly("billing");
		// below the labelled s2 back to the branch point a3, not past it
		assertThat(graph.branchLabelsOf("s1")).containsExactly("shipping");
		assertThat(graph.branchLabelsOf("a3")).isEmpty();
		assertThat(graph.branchLabelsOf("t4")).isEmpty();
		assertThat(graph.branchLabelsOf("m")).containsExactly("billing", "shipping");
	}

}
