package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulated schema, which offline rendering relies on, predicts what the database
 * holds after the same operations.
 */
class SimulatedSchemaTests extends DatabaseScenario {

	@TempDir
	Path directory;

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		return DriverManager.getConnection("jdbc:sqlite:" + this.directory.resolve("test.db") + "?foreign_keys=on");
	}

	@Test
	void predictsTheSchemaSqliteEndsUpWith() throws Exception {
		List<Operation> operations = List.of(
				new CreateTable(Table.of("users",
						List.of(Column.of("id", Type.INTEGER).primaryKey().autoIncrement(),
								Column.of("email", Type.varchar(200)).notNull()))),
				new CreateTable(Table.of("tasks",
						List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("title", Type.TEXT).notNull(),
								Column.of("owner", Type.INTEGER), Column.of("obsolete", Type.TEXT),
								Constraint.check("ck_title", "length(title) > 0")))),
				new AddColumn("tasks", Column.of("priority", Type.INTEGER).notNull().serverDefault("0")),
				new CreateIndex(Index.of("ix_tasks_priority", "tasks", "priority", "title"), false),
				AlterColumn.of("tasks", "title", (c) -> c.rename("summary").type(Type.varchar(100))),
				new AddConstraint("tasks",
						new ForeignKey("fk_tasks_owner", List.of("owner"), "users", List.of("id"),
								ForeignKey.Action.SET_NULL, null)),
				new AddConstraint("tasks", Constraint.unique("uq_tasks_summary", "summary")),
				new DropConstraint("tasks", "ck_title", null, null), new DropColumn("tasks", "obsolete", null),
				new RenameTable("users", "accounts"));
		SimulatedSchema simulated = new SimulatedSchema();

		for (Operation operation : operations) {
			apply(operation);
			simulated.apply(operation);
		}

		assertThat(canonical(simulated.schema())).isEqualTo(canonical(schema()));
		assertThat(simulated.require("tasks").foreignKeys().get(0).referencedTable()).isEqualTo("accounts");
	}

	@Test
	void namesWhatIsMissing() {
		SimulatedSchema simulated = new SimulatedSchema();

		assertThatExceptionOfType(UnknownTableException.class)
			.isThrownBy(() -> simulated.apply(new AddColumn("ghosts", Column.of("x", Type.TEXT))))
			.withMessageContaining("\"ghosts\"");
	}

}
