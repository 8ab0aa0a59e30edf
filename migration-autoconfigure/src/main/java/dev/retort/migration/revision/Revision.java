package dev.retort.migration.revision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Migration} class as a revision and says where it sits in the graph.
 *
 * <pre>{@code
 * &#64;Revision(id = "3f2a9c1b7d4e", revises = "a1b2c3d4e5f6", message = "add priority to tasks")
 * public class AddPriorityToTasks implements Migration { … }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

	/** The revision id: 12 lowercase hex characters by convention. */
	String id();

	/** The parent revisions: none for a base, two or more for a merge. */
	String[] revises() default {};

	/** What the revision does, in a few words. */
	String message() default "";

	/** Branch labels, usable in targets as {@code label@head}. */
	String[] branchLabels() default {};

	/** Revisions (usually on another branch) that must be applied before this one. */
	String[] dependsOn() default {};

	/**
	 * When the revision was created, ISO-8601 ({@code 2026-11-21T12:00:00Z}); optional.
	 */
	String created() default "";

	/**
	 * Whether the revision runs in one transaction with its bookkeeping. Set
	 * {@code false} for statements that cannot run in a transaction, such as
	 * {@code CREATE INDEX CONCURRENTLY}.
	 */
	boolean transactional() default true;

	/**
	 * The dialects this revision applies to ({@code "postgresql"}, {@code "sqlite"}); all
	 * when empty.
	 */
	String[] dialects() default {};

}
