package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading back SQLite tables written by hand, in all the ways SQLite lets one write them.
 */
class SqliteReflectionTests extends DatabaseScenario {

	@TempDir
	Path directory;

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		return DriverManager.getConnection("jdbc:sqlite:" + this.directory.resolve("test.db") + "?foreign_keys=on");
	}

	@Test
	void readsAHandWrittenSchema() throws Exception {
		execute("CREATE TABLE [teams] (id INTEGER PRIMARY KEY AUTOINCREMENT, `name` varchar(80) NOT NULL UNIQUE)");
		execute("CREATE TABLE \"members\" ( -- people\n id INTEGER NOT NULL, team_id INT "
				+ "CONSTRAINT fk_team REFERENCES teams ON DELETE SET NULL, salary DECIMAL(12, 2) CHECK (salary > 0), "
				+ "role TEXT DEFAULT 'dev', joined TIMESTAMP DEFAULT (datetime('now')), note,"
				+ " CONSTRAINT pk_members PRIMARY KEY (id), CONSTRAINT uq_role UNIQUE (team_id, role),"
				+ " CONSTRAINT \"weird, name\" CHECK (role IN ('dev', 'ops')))");
		execute("CREATE INDEX ix_members_role ON members (role) WHERE role <> 'guest'");
		execute("ANALYZE");

		Table teams = table("teams");
		Table members = table("members");

		assertThat(schema().tables().keySet()).containsExactlyInAnyOrder("teams", "members");
		assertThat(queryList("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_s%' ORDER BY name"))
			.contains("sqlite_sequence", "sqlite_stat1");
		assertThat(teams.column("id").get().isAutoIncrement()).isTrue();
		assertThat(teams.column("name").get().type()).isEqualTo(Type.varchar(80));
		assertThat(teams.uniqueConstraints()).singleElement()
			.satisfies((unique) -> assertThat(unique.columns()).containsExactly("name"));
		assertThat(members.columns()).extracting(Column::type)
			.containsExactly(Type.INTEGER, Type.INTEGER, Type.numeric(12, 2), Type.TEXT, Type.TIMESTAMP,
					Type.raw("BLOB"));
		assertThat(members.primaryKey().name()).isEqualTo("pk_members");
		assertThat(members.column("joined").get().serverDefault()).isEqualTo("datetime('now')");
		assertThat(members.foreignKeys()).singleElement().satisfies((fk) -> {
			assertThat(fk.name()).isEqualTo("fk_team");
			assertThat(fk.referencedColumns()).containsExactly("id");
			assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
		});
		assertThat(members.uniqueConstraints()).singleElement()
			.satisfies((unique) -> assertThat(unique.name()).isEqualTo("uq_role"));
		assertThat(members.checks()).extracting((check) -> check.name() + ":" + check.expression())
			.containsExactly("null:salary > 0", "weird, name:role IN ('dev', 'ops')");
		assertThat(members.indexes()).singleElement()
			.satisfies((index) -> assertThat(index.where()).isEqualTo("role <> 'guest'"));
	}

}
