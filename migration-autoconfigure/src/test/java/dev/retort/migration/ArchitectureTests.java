package dev.retort.migration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine knows nothing of Spring Boot or of the glue; the glue knows the engine.
 */
class ArchitectureTests {

	private static final String[] ENGINE = { "dev.retort.migration", "dev.retort.migration.revision..",
			"dev.retort.migration.operation..", "dev.retort.migration.schema..", "dev.retort.migration.dialect..",
			"dev.retort.migration.engine..", "dev.retort.migration.autogenerate..", "dev.retort.migration.backup.." };

	private static final String[] GLUE = { "dev.retort.migration.autoconfigure..", "dev.retort.migration.actuate..",
			"dev.retort.migration.cli..", "dev.retort.migration.test.." };

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.retort.migration");
	}

	@Test
	void engineDoesNotDependOnSpringBoot() {
		noClasses().that()
			.resideInAnyPackage(ENGINE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..")
			.because("the engine must run without Spring Boot (spring-core and spring-jdbc are fine)")
			.check(classes);
	}

	@Test
	void engineDoesNotDependOnTheGlue() {
		noClasses().that()
			.resideInAnyPackage(ENGINE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(GLUE)
			.because("the glue knows the engine, never the other way round")
			.check(classes);
	}

	@Test
	void onlyTheDialectPackageTalksToJdbcDrivers() {
		noClasses().that()
			.resideOutsideOfPackages("dev.retort.migration.dialect..", "dev.retort.migration.test..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.postgresql..", "org.sqlite..")
			.because("database specifics belong to a dialect")
			.check(classes);
	}

}
