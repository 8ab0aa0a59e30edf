package dev.retort.migration.dialect;

import java.util.List;

import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Sequence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence operations without a database: the SQL an offline script prints, what the
 * simulated schema tracks, and SQLite's stand-in table.
 */
class SequenceOperationsOfflineTests {

	private final Sequence sequence = new Sequence("task_numbers", 1, 50);

	private final List<Operation> upgrade = List.of(new CreateSequence(this.sequence),
			new AlterSequence("task_numbers", 1, this.sequence));

	@Test
	void postgresqlRendersEachOperationAndItsInverse() {
		Dialect postgresql = Dialects.named("postgresql");

		assertThat(postgresql.render(this.upgrade, new SimulatedSchema())).containsExactly(
				"CREATE SEQUENCE \"task_numbers\" START WITH 1 INCREMENT BY 50",
				"ALTER SEQUENCE \"task_numbers\" INCREMENT BY 1");
		assertThat(postgresql.render(List.of(this.upgrade.get(1).inverse(), this.upgrade.get(0).inverse()),
				new SimulatedSchema()))
			.containsExactly("ALTER SEQUENCE \"task_numbers\" INCREMENT BY 50", "DROP SEQUENCE \"task_numbers\"");
	}

	@Test
	void theSimulatedSchemaTracksSequences() {
		SimulatedSchema schema = new SimulatedSchema().apply(this.upgrade);
		assertThat(schema.schema().sequences().values()).containsExactly(new Sequence("task_numbers", 1, 1));

		schema.apply(new DropSequence("task_numbers", null));
		assertThat(schema.schema().sequences()).isEmpty();
	}

	@Test
	void sqliteKeepsASequenceAsTheOneRowTableHibernateUsesInItsPlace() {
		Dialect sqlite = Dialects.named("sqlite");

		assertThat(sqlite.render(this.upgrade, new SimulatedSchema())).as("the increment is the mapping's business")
			.containsExactly("CREATE TABLE \"task_numbers\" (\"next_val\" BIGINT)",
					"INSERT INTO \"task_numbers\" (\"next_val\") VALUES (1)");
		assertThat(sqlite.render(List.of(this.upgrade.get(1).inverse(), this.upgrade.get(0).inverse()),
				new SimulatedSchema()))
			.containsExactly("DROP TABLE \"task_numbers\"");
	}

}
