package dev.retort.migration.revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.OfflineModeException;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.OperationSink;
import dev.retort.migration.operation.Operations;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlRevisionFileTests {

	private static final String NAME = "20261121_1200_3f2a9c1b7d4e_add_priority.sql";

	@Test
	void readsEveryHeaderAndBothSections() {
		RevisionScript revision = parse(NAME, """
				-- revision: 3f2a9c1b7d4e
				-- revises: a1b2c3d4e5f6, 0f0f0f0f0f0f
				-- message: add priority to tasks
				-- branch-labels: tasks, planning
				-- depends-on: 777777777777
				-- created: 2026-11-21T12:00:00Z
				-- transactional: false
				-- dialect: postgresql
				-- Free comments are fine too.

				-- +upgrade
				ALTER TABLE tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
				CREATE INDEX CONCURRENTLY ix_tasks_priority ON tasks (priority);
				-- +downgrade
				DROP INDEX ix_tasks_priority;
				ALTER TABLE tasks DROP COLUMN priority;
				""");

		assertThat(revision.id()).isEqualTo("3f2a9c1b7d4e");
		assertThat(revision.parents()).containsExactly("a1b2c3d4e5f6", "0f0f0f0f0f0f");
		assertThat(revision.message()).isEqualTo("add priority to tasks");
		assertThat(revision.branchLabels()).containsExactlyInAnyOrder("tasks", "planning");
		assertThat(revision.dependsOn()).containsExactly("777777777777");
		assertThat(revision.created()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
		assertThat(revision.transactional()).isFalse();
		assertThat(revision.dialects()).containsExactly("postgresql");
		assertThat(revision.kind()).isEqualTo(RevisionScript.Kind.SQL);
		assertThat(revision.source()).isEqualTo("db/migrations/" + NAME);
		assertThat(upgrade(revision)).containsExactly(
				new Execute("ALTER TABLE tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 0"),
				new Execute("CREATE INDEX CONCURRENTLY ix_tasks_priority ON tasks (priority)"));
		assertThat(downgrade(revision)).containsExactly(new Execute("DROP INDEX ix_tasks_priority"),
				new Execute("ALTER TABLE tasks DROP COLUMN priority"));
	}

	@Test
	void aBaseRevisionRevisesNothingAndDefaultsApply() {
		RevisionScript revision = parse(NAME, """
				-- revision: a1b2c3d4e5f6
				-- revises:
				-- +upgrade
				CREATE TABLE users (id BIGINT PRIMARY KEY);
				-- +downgrade
				DROP TABLE users;
				""");

		assertThat(revision.isBase()).isTrue();
		assertThat(revision.transactional()).isTrue();
		assertThat(revision.dialects()).isEmpty();
		assertThat(revision.created()).isNull();
		assertThat(revision.appliesTo("sqlite")).isTrue();
	}

	@Test
	void fileNameSuffixRestrictsTheDialect() {
		RevisionScript revision = parse("20261121_1200_3f2a9c1b7d4e_touch.sqlite.sql", """
				-- revision: 3f2a9c1b7d4e
				-- +upgrade
				CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET n = 1; END;
				""");

		assertThat(revision.dialects()).containsExactly("sqlite");
		assertThat(revision.appliesTo("sqlite")).isTrue();
		assertThat(revision.appliesTo("postgresql")).isFalse();
		assertThat(upgrade(revision))
			.containsExactly(new Execute("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET n = 1; END"));
	}

	@Test
	void fileNameSuffixThatIsNotADialectIsAnErrorNamingTheFile() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse("20261121_1200_3f2a9c1b7d4e_search.postgres.sql",
					"-- revision: 3f2a9c1b7d4e\n-- +upgrade\nCREATE EXTENSION pg_trgm;\n"))
			.withMessageContaining("db/migrations/20261121_1200_3f2a9c1b7d4e_search.postgres.sql:1")
			.withMessageContaining("'postgres'")
			.withMessageContaining("did you mean 'postgresql'")
			.withMessageContaining("postgresql, sqlite");
	}

	@Test
	void headerDialectThatIsNotADialectIsAnErrorNamingTheLine() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: 3f2a9c1b7d4e\n-- dialect: mysql\n-- +upgrade\n"))
			.withMessageContaining(":2")
			.withMessageContaining("'mysql' is not a dialect Retort knows")
			.withMessageContaining("postgresql, sqlite");
	}

	@Test
	void fileNameAndHeaderDialectsMustAgree() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse("x.sqlite.sql", "-- revision: abc\n-- dialect: postgresql\n-- +upgrade\n"))
			.withMessageContaining("db/migrations/x.sqlite.sql:2")
			.withMessageContaining("'sqlite'")
			.withMessageContaining("make them agree");
	}

	@Test
	void declaredIrreversibleDowngradeRecordsItsReason() {
		RevisionScript revision = parse(NAME, """
				-- revision: 3f2a9c1b7d4e
				-- +upgrade
				DELETE FROM audit_log;
				-- +downgrade irreversible: deleted rows cannot come back
				""");

		assertThat(downgrade(revision)).containsExactly(new Irreversible("deleted rows cannot come back"));
		assertThat(revision.irreversibleReason("postgresql")).contains("deleted rows cannot come back");
	}

	@Test
	void missingDowngradeSectionIsIrreversibleAndSaysSo() {
		RevisionScript revision = parse(NAME, "-- revision: 3f2a9c1b7d4e\n-- +upgrade\nDELETE FROM audit_log;\n");

		assertThat(revision.irreversibleReason("sqlite"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("db/migrations/" + NAME)
				.contains("no '-- +downgrade' section"));
	}

	@Test
	void aHeaderWithoutItsColonIsRefusedRatherThanReadAsAComment() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(
					() -> parse(NAME, "-- revision: abcabc000001\n-- revises 9a4c2e7b1d3f\n-- +upgrade\nSELECT 1;\n"))
			.withMessageStartingWith("db/migrations/" + NAME
					+ ":2: '-- revises 9a4c2e7b1d3f' has no colon after 'revises'. To fix: write '-- revises: "
					+ "9a4c2e7b1d3f'");
		RevisionScript commented = parse(NAME, "-- revision: abcabc000001\n-- revision history follows\n"
				+ "-- message of the day\n-- revises: 9a4c2e7b1d3f\n-- +upgrade\nSELECT 1;\n");
		assertThat(commented.parents()).as("comments of several words stay comments").containsExactly("9a4c2e7b1d3f");
	}

	@Test
	void anEmptyFileAndAnEmptyIdAreCalledWhatTheyAre() {
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> parse(NAME, "\n  \n"))
			.withMessageStartingWith("db/migrations/" + NAME + ":1: the file is empty. To fix: write a revision in it");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- message: x\n-- revision:\n-- +upgrade\nSELECT 1;\n"))
			.withMessageStartingWith("db/migrations/" + NAME + ":2: the '-- revision:' header has no id. "
					+ "To fix: write the id after the colon");
	}

	@Test
	void missingRevisionHeaderNamesTheFileAndTheFix() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revises: abc\n-- +upgrade\nSELECT 1;\n"))
			.withMessageStartingWith("db/migrations/" + NAME + ":1: there is no '-- revision: <id>' header")
			.withMessageContaining("To fix: start the file with '-- revision:");
	}

	@Test
	void missingUpgradeSectionNamesTheFileAndTheFix() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- +downgrade\nSELECT 1;\n"))
			.withMessageContaining("there is no '-- +upgrade' section")
			.withMessageContaining("put the upgrade statements under a '-- +upgrade' line");
	}

	@Test
	void unknownHeaderKeyNamesTheLineAndTheKnownKeys() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- parent: def\n-- +upgrade\n"))
			.withMessageContaining("db/migrations/" + NAME + ":2: unknown header 'parent'")
			.withMessageContaining("revises");
	}

	@Test
	void duplicateSectionNamesBothLines() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- +upgrade\nSELECT 1;\n-- +upgrade\nSELECT 2;\n"))
			.withMessageContaining(":4: the '-- +upgrade' section appears twice (first on line 2)");
	}

	@Test
	void otherMistakesAreReportedWithTheirLine() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\nSELECT 1;\n-- +upgrade\n"))
			.withMessageContaining(":2: a statement comes before '-- +upgrade'");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- revision: def\n-- +upgrade\n"))
			.withMessageContaining(":2: the header 'revision' appears twice");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- created: yesterday\n-- +upgrade\n"))
			.withMessageContaining(":2: 'yesterday' is not an ISO-8601 time");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- transactional: maybe\n-- +upgrade\n"))
			.withMessageContaining(":2: 'transactional: maybe' is neither true nor false");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- +upgrade\n-- +sideways\n"))
			.withMessageContaining(":3: '-- +sideways' is not a section");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME, "-- revision: abc\n-- +upgrade\n-- +downgrade irreversible: no\nSELECT 1;\n"))
			.withMessageContaining(":3: the downgrade is declared irreversible but has statements");
	}

	@Test
	void commentsInSectionsStayComments() {
		RevisionScript revision = parse(NAME, """
				\uFEFF-- revision: abc
				-- +upgrade
				-- +1 to every counter; harmless
				UPDATE counters SET n = n + 1;
				-- +downgrade
				UPDATE counters SET n = n - 1;
				""");

		// the comment is kept with its statement, for offline scripts, never run
		assertThat(upgrade(revision))
			.containsExactly(new Execute("UPDATE counters SET n = n + 1", "-- +1 to every counter; harmless"));
		assertThat(downgrade(revision)).containsExactly(new Execute("UPDATE counters SET n = n - 1"));
	}

	@Test
	void misspelledSectionIsAnErrorRatherThanPartOfTheUpgrade() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> parse(NAME,
					"-- revision: abc\n-- +upgrade\nCREATE TABLE a (id INT);\n-- +downgarde\n" + "DROP TABLE a;\n"))
			.withMessageContaining(":4: '-- +downgarde' is not a section");
	}

	@Test
	void windowsLineEndingsParseTheSame() {
		RevisionScript unix = parse(NAME, "-- revision: abc\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n");
		RevisionScript windows = parse(NAME,
				"-- revision: abc\r\n-- +upgrade\r\nSELECT 1;\r\n-- +downgrade\r\nSELECT 2;\r\n");

		assertThat(upgrade(windows)).isEqualTo(upgrade(unix));
		assertThat(downgrade(windows)).isEqualTo(downgrade(unix));
		assertThat(windows.checksum("sqlite")).isEqualTo(unix.checksum("sqlite"));
	}

	@Test
	void carriageReturnsAloneAndMixedLineEndingsCountLinesAsNewlinesDo() {
		String unixText = "-- revision: abc\n-- message: m\n-- +upgrade\nSELECT 1;\n\nSELECT 2;\n-- +downgrade\nSELECT 3;\n";
		RevisionScript unix = parse(NAME, unixText);
		RevisionScript mixed = parse(NAME,
				"-- revision: abc\r-- message: m\r\n-- +upgrade\rSELECT 1;\r\n\rSELECT 2;\n-- +downgrade\r\nSELECT 3;\r");

		assertThat(mixed.message()).isEqualTo("m");
		assertThat(upgrade(mixed)).isEqualTo(upgrade(unix));
		assertThat(downgrade(mixed)).isEqualTo(downgrade(unix));
		assertThat(((SqlMigration) mixed.migration()).upgradeStatements()).extracting(SqlStatements.Statement::line)
			.containsExactly(4, 6);
		assertThat(((SqlMigration) mixed.migration()).downgradeStatements()).extracting(SqlStatements.Statement::line)
			.containsExactly(8);
		assertThat(mixed.checksum("sqlite")).isEqualTo(unix.checksum("sqlite")).isEqualTo(Checksums.ofText(unixText));
	}

	@Test
	void aStatementIsLocatedOnTheLineItStartsOnInTheSectionThatRanIt() {
		RevisionScript revision = parse(NAME, """
				-- revision: abc
				-- +upgrade
				CREATE TABLE t (id INTEGER);
				INSERT INTO t VALUES (1);

				INSERT INTO t
				  VALUES (2);
				INSERT INTO t VALUES (1);
				-- +downgrade
				CREATE TABLE t (id INTEGER);
				""");

		assertThat(revision.sourceOf("INSERT INTO t\n  VALUES (2)", Direction.UPGRADE, "sqlite"))
			.isEqualTo("db/migrations/" + NAME + ":6");
		assertThat(revision.sourceOf("CREATE TABLE t (id INTEGER)", Direction.UPGRADE, "postgresql"))
			.isEqualTo("db/migrations/" + NAME + ":3");
		assertThat(revision.sourceOf("CREATE TABLE t (id INTEGER)", Direction.DOWNGRADE, "sqlite"))
			.as("the same statement in the downgrade section")
			.isEqualTo("db/migrations/" + NAME + ":10");
		assertThat(revision.sourceOf("INSERT INTO t VALUES (1)", Direction.UPGRADE, "sqlite"))
			.as("written twice: which one failed is not known")
			.isEqualTo("db/migrations/" + NAME);
		assertThat(revision.sourceOf("DROP TABLE t", Direction.UPGRADE, "sqlite")).isEqualTo("db/migrations/" + NAME);
		assertThat(revision.sourceOf(null, Direction.UPGRADE, "sqlite")).isEqualTo("db/migrations/" + NAME);
	}

	@Test
	void aByteOrderMarkDoesNotHideTheFirstHeaderAndTheChecksumIsOfTheFileAsRead() {
		String text = "\uFEFF-- revision: abc\n-- +upgrade\nSELECT 1;\n";
		RevisionScript marked = parse(NAME, text);

		assertThat(marked.id()).isEqualTo("abc");
		assertThat(marked.checksum("sqlite")).isEqualTo(Checksums.ofText(text));
	}

	private static RevisionScript parse(String name, String text) {
		return SqlRevisionFile.parse(name, "db/migrations/" + name, text);
	}

	static List<Operation> upgrade(RevisionScript revision) {
		List<Operation> operations = new ArrayList<>();
		revision.migration().upgrade(new Operations(recorder(operations, "postgresql")));
		return operations;
	}

	static List<Operation> downgrade(RevisionScript revision) {
		List<Operation> operations = new ArrayList<>();
		revision.migration().downgrade(new Operations(recorder(operations, "postgresql")));
		return operations;
	}

	static OperationSink recorder(List<Operation> operations, String dialect) {
		return new OperationSink() {

			@Override
			public void accept(Operation operation) {
				operations.add(operation);
			}

			@Override
			public JdbcOperations jdbc() {
				throw new OfflineModeException("no database in this test");
			}

			@Override
			public String dialect() {
				return dialect;
			}

		};
	}

}
