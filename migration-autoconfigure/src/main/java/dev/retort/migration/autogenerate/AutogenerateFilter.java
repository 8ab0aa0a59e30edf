package dev.retort.migration.autogenerate;

/**
 * Decides which tables and sequences autogenerate compares. A table or sequence a filter
 * rejects is left alone on both sides: never created, changed or dropped. Declare one as
 * a bean to keep, say, tables another tool owns out of generated revisions.
 */
@FunctionalInterface
public interface AutogenerateFilter {

	/**
	 * Whether autogenerate compares the table or sequence with this name.
	 * @param name the table's or sequence's name as the database has it
	 */
	boolean include(String name);

}
