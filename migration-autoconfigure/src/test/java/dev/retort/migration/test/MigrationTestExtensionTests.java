package dev.retort.migration.test;

import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * What a user sees when a {@link MigrationTest} class is set up wrong: the test that asks
 * for the kit fails with a message that says what is missing, run through the JUnit
 * engine as the user's build runs it.
 */
class MigrationTestExtensionTests {

	@Test
	void aClassThatStartsNoApplicationIsToldToBeASpringBootTest() {
		Events events = run(WithoutSpringBootTest.class);

		events.assertThatEvents()
			.haveExactly(1, event(test("kit"),
					finishedWithFailure(instanceOf(ParameterResolutionException.class),
							message((text) -> text.contains(WithoutSpringBootTest.class.getName() + " starts none")
									&& text.contains("annotate it with @SpringBootTest")))));
	}

	@Test
	void anApplicationWithoutAMigratorSaysWhatItNeeds() {
		Events events = run(WithoutMigrator.class);

		events.assertThatEvents()
			.haveExactly(1, event(test("kit"), finishedWithFailure(instanceOf(ParameterResolutionException.class),
					message((text) -> text.contains("has no Retort Migrator")
							&& text.contains("it needs a DataSource, and migrations.enabled must not be false")))));
	}

	@Test
	void revisionTestsInAClassThatStartsNoApplicationFailEachWithTheSameAdvice() {
		Events events = run(RevisionTestsWithoutSpringBootTest.class);

		assertThat(events.succeeded().count()).isZero();
		assertThat(events.failed().count()).isEqualTo(events.started().count()).isPositive();
		events.failed()
			.assertThatEvents()
			.allSatisfy((event) -> assertThat(event.getRequiredPayload(TestExecutionResult.class).getThrowable())
				.get(InstanceOfAssertFactories.THROWABLE)
				.hasMessageContaining("annotate it with @SpringBootTest"));
	}

	@Test
	void theMinimumRevisionAndItsAncestorsAreSkippedWithTheReasonAndTheOtherChecksPass() {
		Events events = run(WithMinimumRevision.class);

		events.failed().assertThatEvents().isEmpty();
		events.assertThatEvents()
			.haveExactly(1, event(displayName("downgrading f20000000002 (index task titles) leaves no trace"),
					abortedWithReason(
							message((text) -> text.endsWith("Revision f20000000002 is @MigrationTest(minimumRevision = "
									+ "\"f20000000002\"): it and its ancestors are never downgraded.")))))
			.haveExactly(1,
					event(displayName("downgrading f10000000001 (create tasks for good) leaves no trace"),
							abortedWithReason(message((text) -> text.contains("is an ancestor of")))))
			.haveExactly(1,
					event(displayName("downgrading f30000000003 (create projects) leaves no trace"),
							finishedSuccessfully()))
			.haveExactly(1, event(test("revisionsUpgradeAndDowngradeOneAtATime"), finishedSuccessfully()));
	}

	@Test
	void aCheckOverriddenWithoutItsJUnitAnnotationFailsTheClassInsteadOfNotRunning() {
		Events containers = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(OverridesACheckWithoutTestFactory.class))
			.execute()
			.containerEvents();

		containers.assertThatEvents()
			.haveExactly(1, event(container(OverridesACheckWithoutTestFactory.class), finishedWithFailure(
					instanceOf(ExtensionConfigurationException.class),
					message((text) -> text
						.contains(OverridesACheckWithoutTestFactory.class.getName() + ".downgradesLeaveNoTrace")
							&& text.contains("without @TestFactory") && text.contains("JUnit would not run it")))));
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	@SpringBootTest(classes = PlainApplication.class,
			properties = { "spring.datasource.url=jdbc:sqlite::memory:", "migrations.auto-migrate=false",
					"migrations.locations=classpath:dev/retort/migration/test/fixtures/minimum" })
	@MigrationTest(minimumRevision = "f20000000002")
	static class WithMinimumRevision implements RevisionTests {

	}

	@SpringBootTest(classes = PlainApplication.class,
			properties = { "spring.datasource.url=jdbc:sqlite::memory:", "migrations.auto-migrate=false",
					"migrations.locations=classpath:dev/retort/migration/test/fixtures/minimum" })
	@MigrationTest(minimumRevision = "f20000000002")
	static class OverridesACheckWithoutTestFactory implements RevisionTests {

		@Override
		public Stream<DynamicTest> downgradesLeaveNoTrace(MigrationTestKit kit) {
			return RevisionTests.super.downgradesLeaveNoTrace(kit);
		}

	}

	@MigrationTest
	static class WithoutSpringBootTest {

		@Test
		void kit(MigrationTestKit kit) {
		}

	}

	@MigrationTest
	static class RevisionTestsWithoutSpringBootTest implements RevisionTests {

	}

	@SpringBootTest(classes = PlainApplication.class,
			properties = { "migrations.enabled=false", "spring.datasource.url=jdbc:sqlite::memory:" })
	@MigrationTest
	static class WithoutMigrator {

		@Test
		void kit(MigrationTestKit kit) {
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	static class PlainApplication {

	}

}
