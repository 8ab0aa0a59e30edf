package dev.retort.migration.engine;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

/**
 * Revisions built in memory for graph-shaped scenarios: by default each creates a table
 * named after itself ({@code t_<id>}) and drops it on downgrade, so the tables in the
 * database show which revisions are applied.
 */
final class TestRevisions {

	private TestRevisions() {
	}

	static String tableOf(String id) {
		return "t_" + id;
	}

	/** A revision that creates {@code t_<id>}. */
	static RevisionScript table(String id, String... parents) {
		return labelled(id, Set.of(), parents);
	}

	static RevisionScript labelled(String id, Set<String> labels, String... parents) {
		return revision(id, List.of(parents), labels, true, createsTable(id));
	}

	static RevisionScript revision(String id, List<String> parents, Set<String> labels, boolean transactional,
			Migration migration) {
		return new RevisionScript(id, parents, labels, List.of(), "create " + tableOf(id), null, transactional,
				Set.of(), "test revision " + id, RevisionScript.Kind.JAVA, migration);
	}

	static Migration createsTable(String id) {
		return migration((op) -> op.createTable(tableOf(id), Column.of("id", Type.INTEGER).primaryKey(),
				Column.of("name", Type.varchar(50))), (op) -> op.dropTable(tableOf(id)));
	}

	static Migration migration(Consumer<Operations> upgrade, Consumer<Operations> downgrade) {
		return new Migration() {

			@Override
			public void upgrade(Operations op) {
				upgrade.accept(op);
			}

			@Override
			public void downgrade(Operations op) {
				downgrade.accept(op);
			}

		};
	}

}
