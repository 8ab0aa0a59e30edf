/**
 * Operations: what a revision does, as immutable data. The
 * {@link dev.retort.migration.operation.Operations} DSL (Alembic's {@code op}) records
 * one {@link dev.retort.migration.operation.Operation} record per call; the engine hands
 * them to a dialect to run, offline mode prints them, checksums digest them.
 *
 * <p>
 * Every operation with an inverse computes it
 * ({@link dev.retort.migration.operation.Operation#inverse()}): create and drop, add and
 * drop, rename and rename back, {@code alterColumn} with the column's previous state.
 * Operations that lack what their inverse needs (a dropped column without its definition,
 * an {@code alterColumn} without {@code .existing(…)}, raw SQL) throw
 * {@link dev.retort.migration.operation.IrreversibleOperationException} naming what to
 * supply.
 *
 * <p>
 * {@code createIndexConcurrently} cannot run in a transaction
 * ({@link dev.retort.migration.operation.Operation#requiresNoTransaction()}): the
 * revision that records it must be declared {@code transactional = false}, or it fails
 * with {@link dev.retort.migration.operation.NonTransactionalOperationException}.
 */
package dev.retort.migration.operation;
