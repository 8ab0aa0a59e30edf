/**
 * SQLite: rendering with automatic table rebuilds for what {@code ALTER TABLE} cannot do,
 * and reflection from {@code sqlite_schema}, its pragmas and the {@code CREATE TABLE}
 * text.
 */
package dev.retort.migration.dialect.sqlite;
