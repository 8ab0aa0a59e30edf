/**
 * PostgreSQL: rendering (identity columns, {@code ALTER COLUMN … TYPE … USING}, comments,
 * {@code CONCURRENTLY} indexes) and reflection over {@code pg_catalog}.
 */
package dev.retort.migration.dialect.postgresql;
