package dev.retort.migration.autogenerate;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.retort.migration.autogenerate.changes.Comments;
import dev.retort.migration.autogenerate.changes.Sequences;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Autogenerate's change scenarios on PostgreSQL, and the changes only PostgreSQL has:
 * comments and sequences.
 */
class PostgresAutogenerateChangeTests extends AutogenerateChangeScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@BeforeEach
	void emptySchema() throws SQLException {
		postgres.reset();
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

	@Override
	protected String dialectName() {
		return "postgresql";
	}

	@Test
	void tableAndColumnCommentsAreAddedChangedAndRemoved() {
		SchemaDiff.Result result = this.database.change(List.of(Comments.V1.class), List.of(Comments.V2.class));

		assertThat(only(result, SetTableComment.class).comment()).isEqualTo("Paint we sell");
		assertThat(all(result, AlterColumn.class)).extracting(AlterColumn::column, AlterColumn::comment)
			.containsExactlyInAnyOrder(tuple("colour", Optional.of("RAL code of the colour")),
					tuple("size", Optional.empty()), tuple("label", Optional.of("what the tin says")));
		assertThat(operations(result)).hasSize(4);
	}

	@Test
	void sequencesAreAddedDroppedAndTheirIncrementChanged() {
		SchemaDiff.Result result = this.database.change(
				List.of(Sequences.AlphaV1.class, Sequences.BetaV1.class, Sequences.GammaV1.class),
				List.of(Sequences.AlphaV2.class, Sequences.BetaV2.class, Sequences.GammaV2.class));

		assertThat(only(result, CreateSequence.class).sequence().name()).isEqualTo("beta_seq");
		assertThat(only(result, CreateSequence.class).sequence().incrementBy()).isEqualTo(5);
		assertThat(only(result, DropSequence.class).name()).isEqualTo("gamma_seq");
		assertThat(only(result, AlterSequence.class).name()).isEqualTo("alpha_seq");
		assertThat(only(result, AlterSequence.class).incrementBy()).isEqualTo(20);
		assertThat(operations(result)).hasSize(3);
		assertThat(result.destructive()).singleElement()
			.satisfies((step) -> assertThat(step.operation()).isInstanceOf(DropSequence.class));
	}

}
