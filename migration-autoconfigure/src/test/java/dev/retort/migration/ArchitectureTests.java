package dev.retort.migration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine knows nothing of Spring Boot or of the glue; the glue knows the engine; the
 * packages are layered and free of cycles.
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

	@Test
	void onlyTheDialectPackageAsksWhichDatabaseItIs() {
		noClasses().that()
			.resideOutsideOfPackages("dev.retort.migration.dialect..", "dev.retort.migration.test..")
			.should()
			.callMethod(java.sql.DatabaseMetaData.class, "getDatabaseProductName")
			.because("a difference between databases is a method of the dialect (Dialects.of(connection) picks it)")
			.check(classes);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.retort.migration.(**)")
			.should()
			.beFreeOfCycles()
			.because("each package builds on those below it, so it can be read and changed on its own")
			.check(classes);
	}

	@Test
	void layersOnlyUseTheLayersBelowThem() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("schema")
			.definedBy("dev.retort.migration.schema..")
			.layer("operation")
			.definedBy("dev.retort.migration.operation..")
			.layer("revision")
			.definedBy("dev.retort.migration.revision..")
			.layer("dialect")
			.definedBy("dev.retort.migration.dialect..")
			.layer("engine")
			.definedBy("dev.retort.migration.engine..", "dev.retort.migration.autogenerate..",
					"dev.retort.migration.backup..")
			.layer("glue")
			.definedBy(GLUE)
			.whereLayer("glue")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("engine")
			.mayOnlyBeAccessedByLayers("glue")
			.whereLayer("dialect")
			.mayOnlyBeAccessedByLayers("engine", "glue")
			.whereLayer("revision")
			.mayOnlyBeAccessedByLayers("dialect", "engine", "glue")
			.whereLayer("operation")
			.mayOnlyBeAccessedByLayers("revision", "dialect", "engine", "glue")
			.whereLayer("schema")
			.mayOnlyBeAccessedByLayers("operation", "revision", "dialect", "engine", "glue")
			.because("a revision travels schema < operation < revision < dialect < engine < glue")
			.check(classes);
	}

	@Test
	void onlyTheGlueUsesSpringBootAndOnlyAutogenerateAndTheGlueUseHibernate() {
		noClasses().that()
			.resideOutsideOfPackages("dev.retort.migration.autogenerate..", "dev.retort.migration.autoconfigure..",
					"dev.retort.migration.actuate..", "dev.retort.migration.cli..", "dev.retort.migration.test..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.hibernate..")
			.because("Hibernate's model is autogenerate's input, and the glue wires it in")
			.check(classes);
	}

}
