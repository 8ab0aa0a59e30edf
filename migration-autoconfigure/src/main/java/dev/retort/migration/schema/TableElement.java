package dev.retort.migration.schema;

/**
 * Something that can be listed when a table is created: a column or a constraint.
 */
public sealed interface TableElement permits Column, Constraint {

}
