/**
 * The {@link dev.retort.migration.engine.Migrator}: moves a database between revisions
 * and keeps its books.
 *
 * <h2>Tables</h2> The version table ({@code migrations_version(version_num)}) holds one
 * row per applied head, merges included, as in Alembic. The history table
 * ({@code migrations_history}) holds one row per step: revision, direction
 * ({@code upgrade}, {@code downgrade}, {@code stamp}), checksum, applied at, duration,
 * applied by, success, message and, for a failed step, the error. Both are created on
 * first use, under the migration lock; their SQL lives in
 * {@link dev.retort.migration.dialect.VersionTables}.
 *
 * <h2>Transactions</h2> Each revision runs in its own transaction together with its
 * version and history rows. A failing statement rolls that revision back, leaves earlier
 * revisions of the run applied, records a failed history row in a transaction of its own,
 * and throws {@link dev.retort.migration.engine.MigrationFailedException} naming the
 * revision, its source, the statement and the database's error. A revision declared
 * {@code transactional = false} runs in autocommit and is recorded afterwards; when it
 * fails it may be partly applied, and the error says how to recover.
 *
 * <h2>Locking</h2> A database-native lock that dies with its connection
 * ({@link dev.retort.migration.dialect.DatabaseLock}). PostgreSQL: a session advisory
 * lock held for the whole run, after which the version table is read and the run planned.
 * SQLite has no session lock: every step takes the write lock with
 * {@code BEGIN IMMEDIATE}, re-reads the version table inside that transaction and
 * re-plans when another process moved the database, so concurrent migrators apply each
 * revision exactly once.
 *
 * <h2>Before anything runs</h2> The revision graph is validated; revisions in the version
 * table that the code does not know stop the run
 * ({@link dev.retort.migration.revision.UnknownAppliedRevisionException}); a downgrade
 * past an irreversible revision is refused.
 */
package dev.retort.migration.engine;
