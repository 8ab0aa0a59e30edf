package dev.retort.migration.revision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.fixtures.mixed.AddUserNames;
import dev.retort.migration.revision.fixtures.mixed.CreateUsers;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;
import org.junit.jupiter.api.Test;

import static dev.retort.migration.revision.RevisionBuilder.revision;
import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTests {

	private static final String TEXT = """
			-- revision: 3f2a9c1b7d4e
			-- +upgrade
			ALTER TABLE tasks ADD COLUMN priority INTEGER;
			-- +downgrade
			ALTER TABLE tasks DROP COLUMN priority;
			""";

	@Test
	void sqlChecksumIsTheDigestOfTheNormalisedFile() {
		RevisionScript revision = sql(TEXT);

		assertThat(revision.contentChecksum()).matches("[0-9a-f]{64}");
		assertThat(revision.checksum("postgresql")).isEqualTo(revision.contentChecksum());
		assertThat(revision.checksum("sqlite")).isEqualTo(revision.contentChecksum());
		// Recorded in databases: a change here would flag every applied SQL revision as
		// edited. The value is sha256sum of "SELECT 1;\n SELECT 2;\n".
		assertThat(Checksums.ofText("SELECT 1;  \r\n\r\n  SELECT 2;\n"))
			.isEqualTo("57d8c6faf9bf573624b563751b0e4491a4abf6e6834a75d6c9daa644b89213bc");
	}

	@Test
	void sqlChecksumIgnoresLineEndingsTrailingSpaceAndBlankLines() {
		String reformatted = "\n" + TEXT.replace("\n", "   \r\n").replace("-- +upgrade", "-- +upgrade\n\n");

		assertThat(sql(reformatted).contentChecksum()).isEqualTo(sql(TEXT).contentChecksum());
	}

	@Test
	void sqlChecksumChangesWhenAStatementChanges() {
		String edited = TEXT.replace("INTEGER", "BIGINT");
		String reindented = TEXT.replace("ALTER TABLE tasks DROP", "  ALTER TABLE tasks DROP");

		assertThat(sql(edited).contentChecksum()).isNotEqualTo(sql(TEXT).contentChecksum());
		assertThat(sql(reindented).contentChecksum()).isNotEqualTo(sql(TEXT).contentChecksum());
	}

	@Test
	void javaChecksumIsStableAcrossInstancesAndLoads() {
		RevisionScript first = java(new CreateUsers());
		RevisionScript second = java(new CreateUsers());

		assertThat(first.checksum("postgresql")).matches("[0-9a-f]{64}").isEqualTo(second.checksum("postgresql"));
		assertThat(RevisionGraph
			.load(List.of("classpath:dev/retort/migration/revision/fixtures/mixed"), getClass().getClassLoader())
			.get("a1b2c3d4e5f6")
			.checksum("postgresql")).isEqualTo(first.checksum("postgresql"));
	}

	@Test
	void javaChecksumChangesWhenTheOperationsChange() {
		RevisionScript original = java(new Migration() {

			@Override
			public void upgrade(Operations op) {
				op.addColumn("tasks", Column.of("priority", Type.INTEGER));
			}

			@Override
			public void downgrade(Operations op) {
				op.dropColumn("tasks", "priority");
			}

		});
		RevisionScript edited = java(new Migration() {

			@Override
			public void upgrade(Operations op) {
				op.addColumn("tasks", Column.of("priority", Type.INTEGER).notNull());
			}

			@Override
			public void downgrade(Operations op) {
				op.dropColumn("tasks", "priority");
			}

		});

		assertThat(edited.checksum("sqlite")).isNotEqualTo(original.checksum("sqlite"));
	}

	@Test
	void javaChecksumDependsOnTheDialectWhenTheMigrationDoes() {
		RevisionScript revision = java(new Migration() {

			@Override
			public void upgrade(Operations op) {
				op.execute(op.dialect().equals("postgresql") ? "CREATE EXTENSION citext" : "SELECT 1");
			}

			@Override
			public void downgrade(Operations op) {
			}

		});

		assertThat(revision.checksum("postgresql")).isNotEqualTo(revision.checksum("sqlite"));
	}

	@Test
	void javaChecksumStopsAtJdbcAccessWithoutFailing() {
		RevisionScript dataMigration = java(new AddUserNames());
		RevisionScript schemaOnly = java(new Migration() {

			@Override
			public void upgrade(Operations op) {
				op.addColumn("users", Column.of("name", Type.TEXT));
			}

			@Override
			public void downgrade(Operations op) {
				op.dropColumn("users", "name");
			}

		});

		assertThat(dataMigration.checksum("postgresql")).matches("[0-9a-f]{64}")
			.isEqualTo(java(new AddUserNames()).checksum("postgresql"))
			.isNotEqualTo(schemaOnly.checksum("postgresql"));
	}

	@Test
	void javaChecksumOfBinaryDataIsStable() {
		class InsertsBytes implements Migration {

			@Override
			public void upgrade(Operations op) {
				op.bulkInsert("files", List.of(Map.of("id", 1, "content", new byte[] { 1, 2, 3 })));
			}

			@Override
			public void downgrade(Operations op) {
				op.execute("DELETE FROM files");
			}

		}

		assertThat(java(new InsertsBytes()).checksum("sqlite")).isEqualTo(java(new InsertsBytes()).checksum("sqlite"));
	}

	@Test
	void javaChecksumDoesNotDependOnTheOrderAMapIteratesIn() {
		Map<String, Object> idFirst = new LinkedHashMap<>();
		idFirst.put("id", 1);
		idFirst.put("name", "first");
		Map<String, Object> nameFirst = new LinkedHashMap<>();
		nameFirst.put("name", "first");
		nameFirst.put("id", 1);

		assertThat(java(inserting(idFirst)).checksum("postgresql"))
			.isEqualTo(java(inserting(nameFirst)).checksum("postgresql"));
	}

	private static Migration inserting(Map<String, Object> row) {
		return new Migration() {

			@Override
			public void upgrade(Operations op) {
				op.bulkInsert("people", List.of(row));
			}

			@Override
			public void downgrade(Operations op) {
				op.execute("DELETE FROM people");
			}

		};
	}

	private static RevisionScript sql(String text) {
		return SqlRevisionFile.parse("x.sql", "x.sql", text);
	}

	private static RevisionScript java(Migration migration) {
		return revision("3f2a9c1b7d4e").migration(migration).build();
	}

}
