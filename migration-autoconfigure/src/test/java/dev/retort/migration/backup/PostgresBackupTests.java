package dev.retort.migration.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backup scenarios on PostgreSQL with pg_dump and pg_restore, and the error when they
 * are missing.
 */
class PostgresBackupTests extends BackupScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	DataSource dataSource() {
		return postgres.dataSource();
	}

	@Override
	DatabaseBackup.Options options() {
		return super.options().withPassword(postgres.password());
	}

	@Override
	String databaseName() {
		return postgres.databaseName();
	}

	@Override
	String extension() {
		return ".dump";
	}

	@Override
	String table(String name) {
		return "public." + name;
	}

	@Override
	boolean indexExists(String name) throws SQLException {
		try (Connection connection = database().connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM pg_indexes WHERE indexname = ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	@Test
	void aSchemaOnlyDumpLeavesOutTheDataOfTablesWhoseNamesLookLikePatternsAndOfOtherSchemasVersionTables()
			throws Exception {
		execute("CREATE TABLE \"odd.na*me?\"\"x\" (id integer)", "INSERT INTO \"odd.na*me?\"\"x\" VALUES (1), (2)",
				"CREATE SCHEMA elsewhere", "CREATE TABLE elsewhere.migrations_version (version_num VARCHAR(32))",
				"INSERT INTO elsewhere.migrations_version VALUES ('ffff00000001')");
		BackupFile backup = backup().backup(null, BackupStrategy.SCHEMA_ONLY);
		assertThat(backup.manifest().rowCounts()).containsOnlyKeys("public.migrations_version");
		execute("UPDATE migrations_version SET version_num = 'aaaa00000003'");

		backup().restore(backup.file());

		assertThat(rows("SELECT count(*) FROM \"odd.na*me?\"\"x\"")).containsExactly("0");
		assertThat(rows("SELECT count(*) FROM elsewhere.migrations_version")).containsExactly("0");
		assertThat(rows("SELECT count(*) FROM widgets")).containsExactly("0");
		assertThat(rows("SELECT version_num FROM migrations_version")).containsExactly("aaaa00000002");
	}

	@Test
	void restoreDropsTheObjectsCreatedAfterTheBackupSoTheirRevisionRunsAgain() throws Exception {
		execute("CREATE VIEW widget_names AS SELECT name FROM widgets", "CREATE TYPE mood AS ENUM ('calm', 'busy')",
				"CREATE FUNCTION widget_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM widgets'",
				"CREATE FUNCTION doubled(amount integer) RETURNS integer LANGUAGE sql AS 'SELECT amount * 2'",
				"CREATE FUNCTION add_length(total integer, value text) RETURNS integer LANGUAGE sql "
						+ "AS 'SELECT total + length(value)'",
				"CREATE AGGREGATE total_length(text) (SFUNC = add_length, STYPE = integer, INITCOND = '0')",
				"CREATE AGGREGATE row_total(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0')",
				"CREATE FUNCTION plus(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b'",
				"CREATE OPERATOR ### (LEFTARG = integer, RIGHTARG = integer, FUNCTION = plus)");
		BackupFile backup = backup().backup();
		String[] revisionAfterTheBackup = { "CREATE VIEW \"Later Names\" AS SELECT name FROM widgets",
				"CREATE MATERIALIZED VIEW later_counts AS SELECT count(*) AS n FROM widgets",
				"CREATE SEQUENCE later_numbers", "CREATE TYPE later_state AS ENUM ('new', 'old')",
				"CREATE TYPE later_pair AS (a integer, b integer)",
				"CREATE DOMAIN later_positive AS integer CHECK (VALUE > 0)",
				"CREATE FUNCTION later_tripled(amount integer) RETURNS integer LANGUAGE sql AS 'SELECT amount * 3'",
				"CREATE FUNCTION doubled(amount bigint) RETURNS bigint LANGUAGE sql AS 'SELECT amount * 2'",
				"CREATE PROCEDURE later_touch() LANGUAGE sql AS 'SELECT 1'",
				"CREATE AGGREGATE later_length(text) (SFUNC = add_length, STYPE = integer, INITCOND = '0')",
				"CREATE AGGREGATE later_rows(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0')",
				"CREATE OPERATOR !!! (RIGHTARG = integer, FUNCTION = doubled)",
				"CREATE CAST (mood AS integer) WITH INOUT", "CREATE COLLATION later_bytes (locale = 'C')",
				"CREATE TABLE later_moods (id SERIAL PRIMARY KEY, mood mood, state later_state)",
				"CREATE INDEX ix_later_moods_mood ON later_moods (mood)" };
		execute(revisionAfterTheBackup);

		backup().restore(backup.file());

		assertThat(rows("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S') ORDER BY 1"))
			.as("tables, views and sequences")
			.containsExactly("gadgets", "migrations_version", "widget_names", "widgets");
		assertThat(rows("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
				+ "ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1"))
			.as("functions, procedures and aggregates")
			.containsExactly("add_length(integer,text)", "doubled(integer)", "plus(integer,integer)", "row_total()",
					"total_length(text)", "widget_count()");
		assertThat(rows("SELECT o.oid::regoperator::text FROM pg_operator o JOIN pg_namespace n "
				+ "ON n.oid = o.oprnamespace WHERE n.nspname = 'public' ORDER BY 1"))
			.as("operators")
			.containsExactly("###(integer,integer)");
		assertThat(rows("SELECT count(*) FROM pg_cast WHERE castsource = 'mood'::regtype")).as("casts")
			.containsExactly("0");
		assertThat(rows("SELECT c.collname FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace "
				+ "WHERE n.nspname = 'public'"))
			.as("collations")
			.isEmpty();
		assertThat(rows("SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
				+ "WHERE n.nspname = 'public' AND (t.typtype IN ('e', 'd') OR t.typname = 'later_pair') ORDER BY 1"))
			.containsExactly("mood");
		assertThat(rows("SELECT widget_count(), doubled(21), 'busy'::mood, (SELECT count(*) FROM widget_names), "
				+ "(SELECT row_total(*) FROM widgets), "
				+ "(SELECT total_length(name) = sum(length(name)) FROM widgets), 40 ### 2"))
			.as("the backup's own view, functions, aggregates, operator and type work")
			.containsExactly("3|42|busy|3|3|t|42");
		execute(revisionAfterTheBackup);
	}

	@Test
	void restoreDropsTheSchemasAndExtensionsCreatedAfterTheBackupAndKeepsTheBackupsOwn() throws Exception {
		execute("CREATE SCHEMA kept", "CREATE TABLE kept.notes (id integer PRIMARY KEY, body text)",
				"INSERT INTO kept.notes VALUES (1, 'kept')", "CREATE EXTENSION citext");
		BackupFile backup = backup().backup();
		String[] revisionAfterTheBackup = { "CREATE SCHEMA \"Later Schema\"",
				"CREATE TABLE \"Later Schema\".events (id integer PRIMARY KEY)", "CREATE EXTENSION pg_trgm",
				"CREATE EXTENSION hstore SCHEMA \"Later Schema\"",
				"CREATE TABLE kept.tags (id integer PRIMARY KEY, pairs \"Later Schema\".hstore)" };
		execute(revisionAfterTheBackup);

		backup().restore(backup.file());

		assertThat(rows("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
				+ "AND nspname <> 'information_schema' ORDER BY 1"))
			.containsExactly("kept", "public");
		assertThat(rows("SELECT extname FROM pg_extension ORDER BY 1")).containsExactly("citext", "plpgsql");
		assertThat(rows("SELECT body, 'Kept'::citext = 'kept'::citext FROM kept.notes"))
			.as("the backup's own schema, its rows and extension")
			.containsExactly("kept|t");
		execute(revisionAfterTheBackup);
	}

	@Test
	void withoutPgDumpTheBackupFailsNamingTheToolAndLeavesNoFile() throws Exception {
		String noTools = this.backups.resolve("bin").toString();
		assertThatExceptionOfType(BackupToolMissingException.class)
			.isThrownBy(() -> new DatabaseBackup(dataSource(), options().withSearchPath(noTools)).backup())
			.withMessageContaining("pg_dump is not on the PATH")
			.withMessageContaining("postgresql-client");
		try (var files = java.nio.file.Files.list(this.backups)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void withoutPgRestoreRestoreFailsNamingTheToolAndChangesNothing() throws Exception {
		BackupFile backup = backup().backup();
		execute("DELETE FROM gadgets");
		String noTools = this.backups.resolve("bin").toString();
		assertThatExceptionOfType(BackupToolMissingException.class)
			.isThrownBy(
					() -> new DatabaseBackup(dataSource(), options().withSearchPath(noTools)).restore(backup.file()))
			.withMessageContaining("pg_restore is not on the PATH");
		assertThat(rows("SELECT id FROM gadgets")).isEmpty();
	}

}
