/**
 * Dialects: the only place that writes SQL. A
 * {@link dev.retort.migration.dialect.Dialect} renders operations (quoting every
 * identifier, writing every value as an escaped literal), reads a live schema back
 * ({@code reflect}, or {@code live(connection)} one table at a time), and says what must
 * run around a revision's transaction. A
 * {@link dev.retort.migration.dialect.SimulatedSchema} applies operations to the model in
 * memory, for offline rendering.
 */
package dev.retort.migration.dialect;
