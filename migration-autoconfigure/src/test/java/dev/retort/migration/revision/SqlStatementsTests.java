package dev.retort.migration.revision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SqlStatementsTests {

	@Test
	void splitsAtSemicolonsAndDropsEmptyStatements() {
		assertThat(SqlStatements.split("CREATE TABLE a (id INT);\n\n;  CREATE TABLE b (id INT)  ;\n"))
			.containsExactly("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
	}

	@Test
	void lastStatementNeedsNoSemicolon() {
		assertThat(SqlStatements.split("DROP TABLE a;\nDROP TABLE b")).containsExactly("DROP TABLE a", "DROP TABLE b");
	}

	@Test
	void semicolonsInStringsAndQuotedIdentifiersDoNotSplit() {
		assertThat(SqlStatements
			.split("INSERT INTO notes VALUES ('a;b', 'it''s; fine');\nCREATE TABLE \"odd;name\" (\"x;y\" INT);"))
			.containsExactly("INSERT INTO notes VALUES ('a;b', 'it''s; fine')",
					"CREATE TABLE \"odd;name\" (\"x;y\" INT)");
	}

	@Test
	void postgresEscapeStringsMayEscapeQuotesWithBackslashes() {
		assertThat(SqlStatements.split("SELECT E'it\\'s; here';\nSELECT 2;")).containsExactly("SELECT E'it\\'s; here'",
				"SELECT 2");
	}

	@Test
	void commentsDoNotSplitAndLeadingCommentsAreDropped() {
		assertThat(SqlStatements.split("""
				-- create the table; carefully
				CREATE TABLE a (id INT); /* trailing; comment */
				/* outer /* nested; */ still comment; */
				DROP TABLE b; -- done;
				""")).containsExactly("CREATE TABLE a (id INT)", "DROP TABLE b");
	}

	@Test
	void lineCommentsOnTheirOwnLinesAboveAStatementGoWithIt() {
		assertThat(SqlStatements.splitWithLines("""
				-- CAUTION: drops the column and its values
				-- (they were copied to notes in the revision before)
				ALTER TABLE a DROP COLUMN c; -- about the ALTER, not the next one
				CREATE INDEX ix ON a (b -- inside the statement
				);

				/* a block comment is not carried */
				DROP TABLE b;
				-- after the last statement
				""", 1)).extracting(SqlStatements.Statement::sql, SqlStatements.Statement::comment)
			.containsExactly(
					tuple("ALTER TABLE a DROP COLUMN c",
							"-- CAUTION: drops the column and its values\n"
									+ "-- (they were copied to notes in the revision before)"),
					tuple("CREATE INDEX ix ON a (b -- inside the statement\n)", null), tuple("DROP TABLE b", null));
	}

	@Test
	void dollarQuotedBodiesDoNotSplit() {
		String function = """
				CREATE FUNCTION touch() RETURNS trigger AS $$
				BEGIN
				  NEW.updated := now();
				  RETURN NEW;
				END;
				$$ LANGUAGE plpgsql""";
		String tagged = "DO $body$ BEGIN RAISE NOTICE 'a; $$ b'; END $body$";
		assertThat(SqlStatements.split(function + ";\n" + tagged + ";\nSELECT $1;")).containsExactly(function, tagged,
				"SELECT $1");
	}

	@Test
	void sqliteTriggerBodiesDoNotSplit() {
		String trigger = """
				CREATE TEMP TRIGGER IF NOT EXISTS touch AFTER UPDATE ON tasks
				BEGIN
				  UPDATE tasks SET updated = CASE WHEN NEW.done THEN 1 ELSE 0 END WHERE id = NEW.id;
				  INSERT INTO log (msg) VALUES ('end;');
				END""";
		assertThat(SqlStatements.split(trigger + ";\nDROP TABLE x;")).containsExactly(trigger, "DROP TABLE x");
	}

	@Test
	void transactionBeginIsNotABody() {
		assertThat(SqlStatements.split("BEGIN; UPDATE a SET b = 1; COMMIT;")).containsExactly("BEGIN",
				"UPDATE a SET b = 1", "COMMIT");
	}

	@Test
	void standardSqlFunctionBodiesDoNotSplit() {
		String function = "CREATE FUNCTION two() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END";
		assertThat(SqlStatements.split(function + "; SELECT two();")).containsExactly(function, "SELECT two()");
	}

	@Test
	void statementsKnowTheLineTheyStartOn() {
		assertThat(SqlStatements.splitWithLines("-- note\nSELECT 1;\n\n  SELECT\n 2;", 10))
			.extracting(SqlStatements.Statement::line)
			.containsExactly(11, 13);
	}

}
