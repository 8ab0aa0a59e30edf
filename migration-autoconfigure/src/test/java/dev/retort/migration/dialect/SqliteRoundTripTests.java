package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trips on SQLite, where most of them rebuild the table, foreign keys enforced;
 * and what only SQLite needs: dropping constraints that have no name.
 */
class SqliteRoundTripTests extends RoundTripScenarios {

	@TempDir
	Path directory;

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		return DriverManager
			.getConnection("jdbc:sqlite:" + this.directory.resolve("round-trip.db") + "?foreign_keys=on");
	}

	@Test
	void unnamedConstraintsAreDroppedByTheirDefinition() throws Exception {
		execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, task_id INTEGER REFERENCES tasks (id) ON DELETE CASCADE, "
				+ "body TEXT CHECK (length(body) > 0), code TEXT UNIQUE)");
		execute("INSERT INTO notes (id, task_id, body, code) VALUES (1, 1, 'first', 'a'), (2, 2, 'second', 'b')");
		Table before = table("notes");
		assertThat(before.constraints()).hasSize(4).allSatisfy((constraint) -> assertThat(constraint.name()).isNull());
		Operation[] drops = { new DropConstraint("notes", null, null, before.foreignKeys().get(0)),
				new DropConstraint("notes", null, null, before.checks().get(0)),
				new DropConstraint("notes", null, null, before.uniqueConstraints().get(0)) };

		apply(drops);

		assertThat(table("notes"))
			.isEqualTo(before.withForeignKeys(List.of()).withChecks(List.of()).withUniqueConstraints(List.of()));
		assertThat(queryList("SELECT id || body || code || task_id FROM notes ORDER BY id")).containsExactly("1firsta1",
				"2secondb2");

		applyInverse(drops);

		assertThat(table("notes")).isEqualTo(before);
		assertThat(queryList("SELECT id || body || code || task_id FROM notes ORDER BY id")).containsExactly("1firsta1",
				"2secondb2");
	}

}
