package dev.retort.migration.test;

import java.util.List;
import java.util.stream.Stream;

import dev.retort.migration.revision.RevisionScript;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test kit's checks as tests a {@link MigrationTest} class inherits by implementing
 * this interface: one head (or the declared ones), upgrade from empty, entities matching
 * the schema the revisions build, up/down one revision at a time, downgrades that leave
 * no trace (one test per revision), and the rows of {@link #revisionData()} surviving.
 *
 * To change a check, override it with the same JUnit annotation ({@code @Test} or
 * {@code @TestFactory}). To keep old revisions out of the downgrade checks, declare
 * {@link MigrationTest#minimumRevision()} (or the branches with
 * {@link MigrationTest#heads()}) rather than switching a check off. An override without
 * the annotation fails the class: JUnit would not run it, and would not say so.
 */
@ExtendWith(MigrationTestExtension.class)
public interface RevisionTests {

	/**
	 * Rows to seed before given revisions and check at heads; none by default, which
	 * skips {@link #seededRowsSurvive}.
	 */
	default List<RevisionData> revisionData() {
		return List.of();
	}

	@Test
	@DisplayName("the revisions have one head, or the declared heads")
	default void revisionsHaveTheDeclaredHeads(MigrationTestKit kit) {
		kit.assertHeads();
	}

	@Test
	@DisplayName("an empty database upgrades to heads")
	default void emptyDatabaseUpgradesToHeads(MigrationTestKit kit) {
		kit.assertUpgradeFromEmpty();
	}

	@Test
	@DisplayName("the entities match the schema the revisions build")
	default void entitiesMatchTheRevisions(MigrationTestKit kit) {
		kit.assertModelMatchesRevisions();
	}

	@Test
	@DisplayName("revisions upgrade and downgrade one at a time, and upgrade again")
	default void revisionsUpgradeAndDowngradeOneAtATime(MigrationTestKit kit) {
		kit.assertUpDownConsistency();
	}

	@TestFactory
	@DisplayName("each downgrade leaves no trace")
	default Stream<DynamicTest> downgradesLeaveNoTrace(MigrationTestKit kit) {
		return kit.graph()
			.revisions()
			.stream()
			.map((RevisionScript revision) -> DynamicTest.dynamicTest(
					"downgrading " + revision.describe(revision.id()) + " leaves no trace",
					() -> kit.assertDowngradeLeavesNoTrace(revision.id())))
			.onClose(kit::close);
	}

	@TestFactory
	@DisplayName("rows seeded before a revision survive it")
	default Stream<DynamicTest> seededRowsSurvive(MigrationTestKit kit) {
		List<RevisionData> data = revisionData();
		Assumptions.assumeFalse(data.isEmpty(),
				"No revisionData() declared: override it to seed rows before a revision and check them after.");
		return data.stream()
			.map((RevisionData rows) -> DynamicTest.dynamicTest(rows.toString() + " survive",
					() -> kit.assertDataSurvives(rows)));
	}

}
