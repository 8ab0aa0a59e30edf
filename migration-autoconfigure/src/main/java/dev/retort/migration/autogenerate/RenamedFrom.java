package dev.retort.migration.autogenerate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an entity's table or a field's column used to have another name, so that
 * autogenerate writes a rename that keeps the data instead of a drop and an add:
 *
 * <pre>{@code
 * &#64;Entity
 * &#64;RenamedFrom("task")
 * public class Todo {
 *
 *     &#64;RenamedFrom("title")
 *     String summary;
 * }
 * }</pre>
 *
 * Once the rename is applied everywhere the annotation is inert; remove it whenever
 * convenient.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.FIELD, ElementType.METHOD })
public @interface RenamedFrom {

	/** The old table name (on an entity) or column name (on a field or getter). */
	String value();

}
