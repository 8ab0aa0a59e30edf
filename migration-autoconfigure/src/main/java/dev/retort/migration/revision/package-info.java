/**
 * Revisions: finding them (Java classes annotated
 * {@link dev.retort.migration.revision.Revision} and SQL files), validating the graph
 * they form, resolving targets and planning the steps between revisions.
 *
 * <h2>Targets</h2> Alembic's syntax: {@code head} (the only head), {@code heads},
 * {@code base}, a revision id or unique prefix, a branch label (the revision that
 * declares it), {@code +N} / {@code -N} (from the current heads), {@code <rev>+N},
 * {@code <rev>-N}, {@code head-N}, {@code label@head}, {@code label@base},
 * {@code label@+N}, {@code label@-N}, {@code label@<rev>}, and several revisions at once
 * separated by commas.
 *
 * <h2>SQL revision files</h2>
 *
 * <pre>
 * -- revision: 3f2a9c1b7d4e
 * -- revises: a1b2c3d4e5f6            (several for a merge; empty or absent for a base)
 * -- message: add priority to tasks
 * -- branch-labels: tasks              (optional)
 * -- depends-on: 0c1d2e3f4a5b          (optional)
 * -- created: 2026-11-21T12:00:00Z     (optional)
 * -- transactional: false              (optional; default true)
 * -- dialect: postgresql               (optional; or name the file x.postgresql.sql)
 * -- +upgrade
 * ALTER TABLE tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
 * -- +downgrade
 * ALTER TABLE tasks DROP COLUMN priority;
 * </pre>
 *
 * A downgrade that cannot be written is declared with
 * {@code -- +downgrade irreversible: why}; a file without a downgrade section is
 * irreversible too. One revision may be written once per dialect: files with the same id
 * and disjoint dialects ({@code x.postgresql.sql}, {@code x.sqlite.sql}) form one
 * revision.
 */
package dev.retort.migration.revision;
