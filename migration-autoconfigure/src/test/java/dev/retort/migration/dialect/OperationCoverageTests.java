package dev.retort.migration.dialect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.BulkInsert;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of operation is handled by every dialect and by the simulated schema: a new
 * operation that one of them does not know fails here, instead of being skipped.
 */
class OperationCoverageTests {

	private static final ForeignKey TEAM = new ForeignKey("fk_people_team", List.of("team_id"), "teams", List.of("id"),
			ForeignKey.Action.CASCADE, null);

	private static final Index BY_NAME = new Index("ix_people_name", "people", List.of("name"), false, null);

	private static final Sequence NUMBERS = new Sequence("people_seq", 1, 1);

	/** One of each kind, in an order that makes sense against an empty database. */
	private static final List<Operation> EVERY_KIND = List.of(
			new CreateTable(Table.of("teams", List.of(Column.of("id", Type.INTEGER).primaryKey()))),
			new CreateTable(Table.of("people",
					List.of(Column.of("id", Type.INTEGER).primaryKey(), Column.of("name", Type.varchar(50))))),
			new RenameTable("people", "persons"), new RenameTable("persons", "people"),
			new AddColumn("people", Column.of("team_id", Type.INTEGER)),
			new AlterColumn("people", "name", null, Type.TEXT, false, Optional.of("'nobody'"), null, null, null),
			new CreateIndex(BY_NAME, false), new DropIndex("ix_people_name", "people", BY_NAME, false),
			new AddConstraint("people", TEAM),
			new DropConstraint("people", "fk_people_team", Constraint.Kind.FOREIGN_KEY, TEAM),
			new SetTableComment("people", "who works here", Optional.empty()), new CreateSequence(NUMBERS),
			new AlterSequence("people_seq", 5, NUMBERS), new DropSequence("people_seq", NUMBERS),
			new Execute("UPDATE people SET name = 'x'"),
			new BulkInsert("people", List.of(Map.of("id", 1, "name", "Ada"))), new Irreversible("test"),
			new DropColumn("people", "team_id", null), new DropTable("people", null));

	@Test
	void theListHoldsEveryKindOfOperation() {
		assertThat(EVERY_KIND.stream().<Class<?>>map(Operation::getClass).distinct())
			.containsExactlyInAnyOrder(Operation.class.getPermittedSubclasses());
	}

	@Test
	void everyDialectRendersEveryKindOrSaysItCannot() {
		for (String name : Dialects.names()) {
			Dialect dialect = Dialects.named(name);
			SimulatedSchema schema = new SimulatedSchema();
			for (Operation operation : EVERY_KIND) {
				try {
					assertThat(dialect.render(List.of(operation), schema)).as(name + " renders " + operation)
						.isNotNull();
				}
				catch (OperationNotSupportedException ex) {
					// a refusal the user reads, not an operation the dialect forgot
					assertThat(ex.getMessage()).as(name + " says why it cannot " + operation).isNotBlank();
				}
				schema.apply(operation);
			}
		}
	}

	@Test
	void theSimulatedSchemaFollowsEveryKind() {
		SimulatedSchema schema = new SimulatedSchema();
		EVERY_KIND.forEach(schema::apply);

		assertThat(schema.table("people")).isEmpty();
		assertThat(schema.table("teams")).isPresent();
	}

}
