package dev.retort.migration.engine;

import java.util.List;

import dev.retort.migration.MigrationException;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.RecordedOperations;
import dev.retort.migration.revision.RevisionScript;

/**
 * The SQL one direction of a revision runs on a migrator's database, rendered offline:
 * what the endpoint's revision view and {@code migrate show} print, so that both say the
 * same. A data migration's statements after its {@code jdbc()} call depend on the data
 * and are not shown; the note says so.
 *
 * @param statements the statements, in order
 * @param irreversible why this direction cannot run, or {@code null}
 * @param note what the statements do not show, or {@code null}
 * @param error why nothing could be rendered, or {@code null}
 */
public record RevisionSql(List<String> statements, String irreversible, String note, String error) {

	public RevisionSql {
		statements = List.copyOf(statements);
	}

	/** Renders one direction of a revision for the migrator's database. */
	public static RevisionSql of(Migrator migrator, RevisionScript revision, Direction direction) {
		Dialect dialect = Dialects.named(migrator.dialect());
		if (!revision.appliesTo(dialect.name())) {
			return new RevisionSql(List.of(), null,
					"This revision applies only to " + String.join(", ", revision.dialects()) + "; on " + dialect.name()
							+ " it is recorded without running.",
					null);
		}
		RecordedOperations recorded = RecordedOperations.of(revision, direction, dialect.name());
		if (recorded.failure() != null) {
			return new RevisionSql(List.of(), null, null,
					"Could not record the operations: " + recorded.failure().getMessage());
		}
		String irreversible = recorded.irreversibleReason().orElse(null);
		try {
			if (recorded.usesJdbc()) {
				return new RevisionSql(dialect.render(recorded.operations(), SchemaSource.EMPTY), irreversible,
						"This revision migrates data through op.jdbc(): what it runs depends on the data, so only "
								+ "the statements before that call are shown.",
						null);
			}
			List<String> sql = new OfflineScript(migrator.graph(), dialect, migrator.config()).statements(revision.id(),
					direction);
			return new RevisionSql(sql, irreversible, null, null);
		}
		catch (MigrationException | UnsupportedOperationException | IllegalArgumentException ex) {
			return new RevisionSql(List.of(), irreversible, null, "Could not render offline: " + ex.getMessage());
		}
	}

}
