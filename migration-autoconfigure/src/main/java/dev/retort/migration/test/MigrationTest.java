package dev.retort.migration.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@code @SpringBootTest} class that checks the application's revisions with the
 * test kit: implement {@link RevisionTests} to inherit the checks, or take a
 * {@link MigrationTestKit} parameter in your own tests.
 *
 * A class annotated {@code @SpringBootTest} and {@code @MigrationTest} that implements
 * {@code RevisionTests} is all it takes.
 *
 * The checks run in scratch databases of the application's kind (a temporary SQLite file,
 * or a database created and dropped on the application's PostgreSQL server), never in the
 * application's own database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigrationTestExtension.class)
public @interface MigrationTest {

	/**
	 * The heads the revisions must have, as revision ids, unique prefixes or branch
	 * labels (a label stands for its branch's head); empty for exactly one head.
	 */
	String[] heads() default {};

	/**
	 * The lowest revision downgrades are checked down to: it and its ancestors are never
	 * downgraded (an irreversible first revision, say), by the one-at-a-time walk or by
	 * their own no-trace checks, which are skipped with the reason. An id or a unique
	 * prefix; empty for base.
	 */
	String minimumRevision() default "";

}
