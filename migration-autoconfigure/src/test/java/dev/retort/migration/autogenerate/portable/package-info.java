/**
 * Entities whose tables Hibernate maps alike on SQLite and PostgreSQL, for revisions
 * generated on one database and applied on the other.
 */
package dev.retort.migration.autogenerate.portable;
