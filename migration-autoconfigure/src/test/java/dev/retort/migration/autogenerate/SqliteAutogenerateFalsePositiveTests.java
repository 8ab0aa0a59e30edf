package dev.retort.migration.autogenerate;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.retort.migration.autogenerate.cases.Actions;
import dev.retort.migration.autogenerate.cases.Misc;
import dev.retort.migration.autogenerate.cases.TypeChanges;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.schema.ForeignKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static dev.retort.migration.autogenerate.AutogenerateChangeScenarios.all;
import static dev.retort.migration.autogenerate.AutogenerateRoundTrip.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The false-positive scenarios on SQLite, and what only SQLite has: no comments at all,
 * and foreign keys without names.
 */
class SqliteAutogenerateFalsePositiveTests extends AutogenerateFalsePositiveScenarios {

	@TempDir
	Path directory;

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() {
		this.dataSource = new SimpleDriverDataSource(new org.sqlite.JDBC(),
				"jdbc:sqlite:" + this.directory.resolve("autogenerate.db"));
	}

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	protected String dialectName() {
		return "sqlite";
	}

	@Test
	void fractionalSecondsPrecisionIsNoChangeWhereHibernateDeclaresNone() {
		this.database.generateAndApply(TypeChanges.Local.class);

		assertThat(describe(this.database.compare(TypeChanges.Millis.class))).isEmpty();
	}

	@Test
	void sqliteNeverDiffsComments() {
		this.database.execute("CREATE TABLE remarks (id BIGINT NOT NULL PRIMARY KEY, body VARCHAR(255))");

		SchemaDiff.Result result = this.database.compare(Misc.Commented.class);

		assertThat(describe(result)).isEmpty();
		assertThat(all(result, SetTableComment.class)).isEmpty();
		assertThat(all(this.database.generateAndApply(Misc.Commented.class), AlterColumn.class)).isEmpty();
	}

	@Test
	void sqliteForeignKeysHaveNoNameSoTheyChangeByRebuild() {
		this.database.execute("CREATE TABLE posts (id BIGINT NOT NULL PRIMARY KEY)",
				"CREATE TABLE remarks (id BIGINT NOT NULL PRIMARY KEY, post_id BIGINT REFERENCES posts (id))",
				"INSERT INTO posts (id) VALUES (1)", "INSERT INTO remarks (id, post_id) VALUES (10, 1)");
		assertThat(this.database.table("remarks").foreignKeys()).singleElement()
			.satisfies((key) -> assertThat(key.name()).isNull());

		this.database.generateAndApply(Actions.Post.class, Actions.CascadingRemark.class);

		assertThat(this.database.table("remarks").foreignKeys()).singleElement()
			.satisfies((key) -> assertThat(key.onDelete()).isEqualTo(ForeignKey.Action.CASCADE));
		assertThat(this.database.rows("SELECT id, post_id FROM remarks")).containsExactly(List.of("10", "1"));
	}

}
