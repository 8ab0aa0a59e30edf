package dev.retort.migration.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.autoconfigure.MigrationProperties;
import dev.retort.migration.autoconfigure.NoEntityModelException;
import dev.retort.migration.autogenerate.SchemaDiff;
import dev.retort.migration.dialect.ScratchDatabase;
import dev.retort.migration.engine.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives the tests of a {@link MigrationTest} class a {@link MigrationTestKit} for the
 * application its Spring test context starts: the {@link Migrator}'s revisions and
 * tables, scratch databases beside the application's database, and the entity model
 * through the {@link Autogenerator}. One kit per test class, closed after it. A class
 * that overrides a {@link RevisionTests} check without its JUnit annotation fails before
 * its tests run, instead of losing the check without a word.
 */
public class MigrationTestExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(MigrationTestExtension.class);

	/**
	 * Fails a class that overrides one of the {@link RevisionTests} checks without a
	 * JUnit annotation: JUnit would not run the override, and say nothing.
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		if (!RevisionTests.class.isAssignableFrom(testClass)) {
			return;
		}
		for (Method check : RevisionTests.class.getDeclaredMethods()) {
			Optional<Class<? extends Annotation>> annotation = Stream.of(Test.class, TestFactory.class)
				.filter(check::isAnnotationPresent)
				.findFirst();
			if (annotation.isEmpty()) {
				continue;
			}
			List<Method> overrides = ReflectionSupport.findMethods(testClass,
					(method) -> method.getName().equals(check.getName())
							&& Arrays.equals(method.getParameterTypes(), check.getParameterTypes())
							&& method.getDeclaringClass() != RevisionTests.class
							&& !AnnotationSupport.isAnnotated(method, Testable.class),
					HierarchyTraversalMode.BOTTOM_UP);
			if (!overrides.isEmpty()) {
				Method override = overrides.get(0);
				String name = "@" + annotation.get().getSimpleName();
				throw new ExtensionConfigurationException(override.getDeclaringClass().getName() + "."
						+ override.getName() + " overrides a RevisionTests check without " + name
						+ ", so JUnit would not run it and would say nothing: annotate the override " + name
						+ " (to keep old revisions out of the downgrade checks, declare @MigrationTest(minimumRevision)"
						+ " instead of overriding).");
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MigrationTestKit.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ExtensionContext classContext = classContext(extensionContext);
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(MigrationTestKit.class, (key) -> create(classContext), MigrationTestKit.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	private static MigrationTestKit create(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
		if (!annotations.isPresent(BootstrapWith.class) && !annotations.isPresent(ContextConfiguration.class)) {
			throw new ParameterResolutionException(
					"The test kit checks the revisions of a Spring Boot application, and " + testClass.getName()
							+ " starts none: annotate it with @SpringBootTest.");
		}
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		Migrator migrator;
		try {
			migrator = application.getBean(Migrator.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new ParameterResolutionException("The application of " + testClass.getName()
					+ " has no Retort Migrator: it needs a DataSource, and migrations.enabled must not be false.", ex);
		}
		MigrationTest settings = AnnotationSupport.findAnnotation(testClass, MigrationTest.class).orElse(null);
		List<String> heads = (settings != null) ? List.of(settings.heads()) : List.of();
		String minimum = (settings != null) ? settings.minimumRevision() : null;
		String dialect = migrator.dialect();
		Autogenerator autogenerator = application.getBeanProvider(Autogenerator.class).getIfAvailable();
		Supplier<Optional<SchemaDiff.Result>> modelComparison = () -> {
			if (autogenerator == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(autogenerator.compareWithRevisions());
			}
			catch (NoEntityModelException ex) {
				return Optional.empty();
			}
		};
		return new MigrationTestKit(migrator.graph(), migrator.config(), dialect,
				scratchDatabases(application, migrator, dialect), modelComparison, heads, minimum);
	}

	/**
	 * Empty databases beside the application's: on its server, or on
	 * {@code migrations.autogenerate.scratch-url}.
	 */
	private static Supplier<ScratchDatabase> scratchDatabases(ApplicationContext application, Migrator migrator,
			String dialect) {
		Environment environment = application.getEnvironment();
		MigrationProperties properties = application.getBeanProvider(MigrationProperties.class).getIfAvailable();
		String configured = (properties != null) ? properties.getAutogenerate().getScratchUrl() : null;
		String username = environment.getProperty("spring.datasource.username");
		String password = environment.getProperty("spring.datasource.password");
		return () -> ScratchDatabase.create(dialect, (configured != null) ? configured : url(migrator), username,
				password);
	}

	private static String url(Migrator migrator) {
		try (Connection connection = migrator.dataSource().getConnection()) {
			return connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new AssertionError(
					"Could not reach the application's database to find its server: " + ex.getMessage(), ex);
		}
	}

}
