/**
 * The dialect-neutral schema model: tables, columns with portable
 * {@link dev.retort.migration.schema.Type types}, keys, constraints and indexes. The same
 * model describes what {@code createTable} creates, what a dialect reads back from a live
 * database, and what autogenerate builds from the entity model.
 */
package dev.retort.migration.schema;
