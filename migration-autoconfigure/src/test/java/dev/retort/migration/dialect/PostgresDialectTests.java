package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What only PostgreSQL does: USING conversions, CONCURRENTLY indexes, and reading back a
 * schema that was written by hand rather than by Retort.
 */
class PostgresDialectTests extends DatabaseScenario {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		postgres.reset();
		return postgres.connect();
	}

	@Test
	void textToIntegerConvertsWithUsing() throws Exception {
		givenTasksWithRows();
		execute("UPDATE tasks SET title = id * 10");
		AlterColumn alter = AlterColumn.of("tasks", "title",
				(c) -> c.type(Type.INTEGER).existing(Column.of("title", Type.TEXT)));

		List<String> statements = apply(alter);

		assertThat(statements)
			.containsExactly("ALTER TABLE \"tasks\" ALTER COLUMN \"title\" TYPE INTEGER USING \"title\"::INTEGER");
		assertThat(queryList("SELECT title + 1 FROM tasks ORDER BY id")).containsExactly("11", "21");
	}

	@Test
	void explicitUsingExpressionWins() throws Exception {
		givenTasksWithRows();
		AlterColumn alter = AlterColumn.of("tasks", "title",
				(c) -> c.type(Type.INTEGER).using("length(\"title\")").existing(Column.of("title", Type.TEXT)));

		apply(alter);

		assertThat(queryList("SELECT title FROM tasks ORDER BY id")).containsExactly("10", "7");
	}

	@Test
	void concurrentIndexNeedsNoTransaction() throws Exception {
		givenTasksWithRows();
		CreateIndex create = new CreateIndex(Index.of("ix_tasks_title", "tasks", "title").where("title IS NOT NULL"),
				true);
		assertThat(create.requiresNoTransaction()).isTrue();
		assertThat(create.inverse().requiresNoTransaction()).isTrue();

		List<String> statements = apply(create);

		assertThat(statements).containsExactly(
				"CREATE INDEX CONCURRENTLY \"ix_tasks_title\" ON \"tasks\" (\"title\") WHERE title IS NOT NULL");
		assertThat(table("tasks").indexes()).extracting(Index::where).containsExactly("title IS NOT NULL");
		this.connection.setAutoCommit(false);
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> execute(statements.get(0)))
			.withMessageContaining("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
		this.connection.rollback();
		this.connection.setAutoCommit(true);
	}

	@Test
	void readsAHandWrittenSchema() throws Exception {
		execute("CREATE TABLE teams (id serial PRIMARY KEY, name varchar(80) NOT NULL UNIQUE)");
		execute("CREATE TABLE members (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
				+ "team_id integer REFERENCES teams (id) ON DELETE SET NULL ON UPDATE CASCADE, "
				+ "salary numeric(12,2) CONSTRAINT positive_salary CHECK (salary > 0), "
				+ "role text DEFAULT 'dev', joined timestamptz DEFAULT now(), tags text[], \"Mixed\" double precision, balance integer DEFAULT -1)");
		execute("CREATE UNIQUE INDEX ix_members_role ON members (team_id, role) WHERE role <> 'guest'");
		execute("CREATE INDEX ix_members_lower_role ON members (lower(role))");
		execute("COMMENT ON TABLE members IS 'people'");
		execute("COMMENT ON COLUMN members.role IS 'what they do'");

		Table teams = table("teams");
		Table members = table("members");

		assertThat(teams.column("id").get().isAutoIncrement()).isTrue();
		assertThat(teams.column("id").get().serverDefault()).isNull();
		assertThat(teams.column("name").get().type()).isEqualTo(Type.varchar(80));
		assertThat(teams.uniqueConstraints()).singleElement()
			.satisfies((unique) -> assertThat(unique.columns()).containsExactly("name"));
		assertThat(members.columns()).extracting(Column::type)
			.containsExactly(Type.BIGINT, Type.INTEGER, Type.numeric(12, 2), Type.TEXT, Type.TIMESTAMP_TZ,
					Type.raw("text[]"), Type.DOUBLE, Type.INTEGER);
		assertThat(members.column("balance").get().serverDefault()).isEqualTo("-1");
		assertThat(members.column("id").get().isAutoIncrement()).isTrue();
		assertThat(members.column("role").get().serverDefault()).isEqualTo("'dev'");
		assertThat(members.column("role").get().comment()).isEqualTo("what they do");
		assertThat(members.column("joined").get().serverDefault()).isEqualTo("now()");
		assertThat(members.comment()).isEqualTo("people");
		assertThat(members.foreignKeys()).singleElement().satisfies((fk) -> {
			assertThat(fk.referencedTable()).isEqualTo("teams");
			assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
			assertThat(fk.onUpdate()).isEqualTo(ForeignKey.Action.CASCADE);
		});
		assertThat(members.checks()).singleElement()
			.satisfies((check) -> assertThat(check.name()).isEqualTo("positive_salary"));
		assertThat(members.indexes()).singleElement().satisfies((index) -> {
			assertThat(index.columns()).containsExactly("team_id", "role");
			assertThat(index.unique()).isTrue();
			assertThat(index.where()).contains("'guest'");
		});
	}

}
