package dev.retort.migration.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each operation's inverse, and what an operation says when it lacks what its inverse
 * needs.
 */
class OperationInverseTests {

	private final Column status = Column.of("status", Type.TEXT).serverDefault("'open'").comment("state");

	@Test
	void inversesOfInversesAreTheOriginals() {
		Table tasks = Table.of("tasks", List.of(Column.of("id", Type.INTEGER).primaryKey()));
		List<Operation> operations = List.of(new CreateTable(tasks), new RenameTable("tasks", "jobs"),
				new AddColumn("tasks", this.status),
				new CreateIndex(Index.of("ix_tasks_status", "tasks", "status"), true),
				new AddConstraint("tasks", Constraint.unique("uq_tasks_status", "status")),
				new SetTableComment("tasks", "work", Optional.empty()));

		for (Operation operation : operations) {
			assertThat(operation.inverse().inverse()).isEqualTo(operation);
		}
	}

	@Test
	void alterColumnInverseRestoresEveryChangedAttributeAndOnlyThose() {
		AlterColumn alter = AlterColumn.of("tasks", "status",
				(c) -> c.rename("state").type(Type.varchar(20)).notNull().dropServerDefault().existing(this.status));

		AlterColumn inverse = (AlterColumn) alter.inverse();

		assertThat(inverse.column()).isEqualTo("state");
		assertThat(inverse.newName()).isEqualTo("status");
		assertThat(inverse.type()).isEqualTo(Type.TEXT);
		assertThat(inverse.nullable()).isTrue();
		assertThat(inverse.serverDefault()).contains("'open'");
		assertThat(inverse.comment()).isNull();
		assertThat(inverse.existing()).isEqualTo(Column.of("state", Type.varchar(20)).notNull().comment("state"));
		assertThat(inverse.resultingColumn()).contains(this.status);
	}

	@Test
	void renameOnlyNeedsNoPreviousDefinition() {
		AlterColumn rename = AlterColumn.of("tasks", "status", (c) -> c.rename("state"));

		assertThat(rename.inverse()).isEqualTo(AlterColumn.of("tasks", "state", (c) -> c.rename("status")));
	}

	@Test
	void operationsMissingTheirPreviousStateSayWhatToSupply() {
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> AlterColumn.of("tasks", "status", (c) -> c.notNull()).inverse())
			.withMessageContaining(".existing(Column.of(\"status\"");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new DropColumn("tasks", "status", null).inverse())
			.withMessageContaining("dropColumn(\"tasks\", Column.of(\"status\"");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new DropTable("tasks", null).inverse())
			.withMessageContaining("createTable");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new DropIndex("ix", "tasks", null, false).inverse())
			.withMessageContaining("createIndex");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new DropConstraint("tasks", "uq", null, null).inverse())
			.withMessageContaining("dropConstraint(\"tasks\", Constraint");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new AddConstraint("tasks", Constraint.unique(null, "status")).inverse())
			.withMessageContaining("Name it");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new SetTableComment("tasks", "x", null).inverse())
			.withMessageContaining("previous comment");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new BulkInsert("tasks", List.of(Map.of("id", 1))).inverse())
			.withMessageContaining("downgrade()");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new Execute("UPDATE tasks SET done = true").inverse())
			.withMessageContaining("UPDATE tasks SET done = true");
	}

	@Test
	void theDslRecordsReversibleOperationsWhenGivenDefinitions() {
		List<Operation> recorded = new ArrayList<>();
		Operations op = new Operations(new OperationSink() {

			@Override
			public void accept(Operation operation) {
				recorded.add(operation);
			}

			@Override
			public JdbcOperations jdbc() {
				throw new OfflineModeException("no database here");
			}

			@Override
			public String dialect() {
				return "postgresql";
			}

		});

		op.alterColumn("tasks", "status", (c) -> c.type(Type.varchar(10)).existing(this.status));
		op.dropColumn("tasks", this.status);
		op.dropConstraint("tasks", Constraint.check("ck_status", "status <> ''"));
		op.setTableComment("tasks", "new", "old");
		op.createIndexConcurrently(Index.of("ix_status", "tasks", "status"));

		assertThat(recorded).allMatch(Operation::isReversible);
		assertThat(recorded.get(4).requiresNoTransaction()).isTrue();
		assertThat(recorded.subList(0, 4)).noneMatch(Operation::requiresNoTransaction);
	}

}
