package dev.retort.migration.revision;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import dev.retort.migration.operation.Operations;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.revision.fixtures.mixed.AddUserNames;
import dev.retort.migration.revision.fixtures.mixed.CreateUsers;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static dev.retort.migration.revision.RevisionBuilder.revision;
import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTests {

	private static final String RENDERING = """
			upgrade:
			  add_column "tasks" column("priority" integer not_null default="0")
			  create_index index("ix_tasks_priority" on "tasks" ["priority", "created_at"])
			downgrade:
			  drop_index "ix_tasks_priority" table="tasks"
			  drop_column "tasks" "priority"
			""";

	private static final String PINNED = "f1fbf1d2026caa1e110933edfa53af04b0e0d81d6bf705e4be98838238595451";

	private static final String PINNED_CREATE_USERS = "58c73485af0e5cbb54ab6b5c26e48081c1764fc1992655834941e5efe4c46ea2";

	private static final String PINNED_ADD_USER_NAMES = "d2cd34e0b07fba4f0a85e4ab92b598cce9c5ce5e9f15bc5315f2aebe65ac7a97";

	private static final String[] EVERY_KIND = {
			"create_table table(\"people\" column(\"id\" bigint primary_key not_null auto_increment) column(\"name\" varchar length=50) primary_key([\"id\"]))",
			"drop_table \"people\" definition=table(\"people\" column(\"id\" bigint primary_key not_null auto_increment) column(\"name\" varchar length=50) primary_key([\"id\"]))",
			"rename_table \"people\" to=\"persons\"", "add_column \"people\" column(\"name\" varchar length=50)",
			"drop_column \"people\" \"name\" definition=column(\"name\" varchar length=50)",
			"alter_column \"people\" \"name\" rename=\"full_name\" type=text not_null default=\"'x'\" comment=none existing=column(\"name\" varchar length=50) using=\"name::text\"",
			"create_index index(\"ix_people_name\" on \"people\" [\"name\"] unique where=\"name IS NOT NULL\") concurrently",
			"drop_index \"ix_people_name\" table=\"people\" definition=index(\"ix_people_name\" on \"people\" [\"name\"] unique where=\"name IS NOT NULL\")",
			"add_constraint \"people\" foreign_key(\"fk_people_team\" [\"team_id\"] references \"teams\" [\"id\"] on_delete=cascade on_update=no_action)",
			"add_constraint \"people\" check(\"ck\" \"id > 0\")", "add_constraint \"people\" unique(\"uq\" [\"name\"])",
			"add_constraint \"people\" primary_key([\"id\"])",
			"drop_constraint \"people\" \"fk_people_team\" kind=foreign_key definition=foreign_key(\"fk_people_team\" [\"team_id\"] references \"teams\" [\"id\"] on_delete=cascade on_update=no_action)",
			"drop_constraint \"people\" none kind=foreign_key definition=foreign_key([\"team_id\"] references \"teams\" [\"id\"] on_delete=no_action on_update=no_action)",
			"set_table_comment \"people\" comment=\"who\" existing=none",
			"create_sequence sequence(\"people_seq\" start_with=1 increment_by=10)",
			"drop_sequence \"people_seq\" definition=sequence(\"people_seq\" start_with=1 increment_by=10)",
			"alter_sequence \"people_seq\" increment_by=5 existing=sequence(\"people_seq\" start_with=1 increment_by=10)",
			"execute \"UPDATE people SET name = \\\"x\\\"\"",
			"bulk_insert \"people\" [{\"born\"=localdate(\"1815-12-10\"), \"id\"=1, \"name\"=\"Ada\"}]",
			"irreversible \"gone\"" };

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

	@Test
	void javaChecksumIsTheDigestOfTheDocumentedRendering() {
		Migration addPriority = new Migration() {

			@Override
			public void upgrade(Operations op) {
				op.addColumn("tasks", Column.of("priority", Type.INTEGER).notNull().serverDefault("0"));
				op.createIndex("ix_tasks_priority", "tasks", "priority", "created_at");
			}

			@Override
			public void downgrade(Operations op) {
				op.dropIndex("ix_tasks_priority", "tasks");
				op.dropColumn("tasks", "priority");
			}

		};

		// Recorded in databases: a change here flags every applied Java revision as
		// edited. Add to the rendering; never change what it writes today.
		assertThat(ChecksumRendering.of(RecordedOperations.upgrade(addPriority, "postgresql"),
				RecordedOperations.downgrade(addPriority, "postgresql")))
			.isEqualTo(RENDERING);
		assertThat(java(addPriority).checksum("postgresql")).isEqualTo(PINNED);
		assertThat(java(new CreateUsers()).checksum("sqlite")).isEqualTo(PINNED_CREATE_USERS);
		assertThat(java(new AddUserNames()).checksum("sqlite")).isEqualTo(PINNED_ADD_USER_NAMES);
	}

	@Test
	void everyKindOfOperationHasItsOwnPinnedRendering() {
		Column name = Column.of("name", Type.varchar(50));
		Table table = Table.of("people", List.of(Column.of("id", Type.BIGINT).primaryKey().autoIncrement(), name));
		Index index = new Index("ix_people_name", "people", List.of("name"), true, "name IS NOT NULL");
		Sequence sequence = new Sequence("people_seq", 1, 10);
		ForeignKey foreignKey = new ForeignKey("fk_people_team", List.of("team_id"), "teams", List.of("id"),
				ForeignKey.Action.CASCADE, null);
		List<Operation> operations = List.of(new CreateTable(table), new DropTable("people", table),
				new RenameTable("people", "persons"), new AddColumn("people", name),
				new DropColumn("people", "name", name),
				new AlterColumn("people", "name", "full_name", Type.TEXT, false, Optional.of("'x'"), Optional.empty(),
						name, "name::text"),
				new CreateIndex(index, true), new DropIndex("ix_people_name", "people", index, false),
				new AddConstraint("people", foreignKey),
				new AddConstraint("people", new CheckConstraint("ck", "id > 0")),
				new AddConstraint("people", new UniqueConstraint("uq", List.of("name"))),
				new AddConstraint("people", new PrimaryKey(null, List.of("id"))),
				new DropConstraint("people", "fk_people_team", Constraint.Kind.FOREIGN_KEY, foreignKey),
				new DropConstraint("people", null, Constraint.Kind.FOREIGN_KEY,
						new ForeignKey(null, List.of("team_id"), "teams", List.of("id"), null, null)),
				new SetTableComment("people", "who", Optional.empty()), new CreateSequence(sequence),
				new DropSequence("people_seq", sequence), new AlterSequence("people_seq", 5, sequence),
				new Execute("UPDATE people SET name = \"x\""),
				new BulkInsert("people", List.of(Map.of("id", 1, "name", "Ada", "born", LocalDate.of(1815, 12, 10)))),
				new Irreversible("gone"));

		assertThat(operations.stream().<Class<?>>map(Operation::getClass).distinct())
			.as("one of each kind of operation")
			.containsExactlyInAnyOrder(Operation.class.getPermittedSubclasses());
		assertThat(operations.stream().map(ChecksumRendering::operation).toList()).containsExactly(EVERY_KIND);
	}

	@Test
	void checksumCacheLetsARevisionClassAndItsClassLoaderGo() throws Exception {
		// as after a devtools restart: the revision class was loaded by a loader no one
		// uses any more
		ClassLoader restartLoader = new RestartClassLoader(getClass().getClassLoader(), CreateUsers.class.getName());
		Migration migration = (Migration) restartLoader.loadClass(CreateUsers.class.getName())
			.getConstructor()
			.newInstance();
		assertThat(migration.getClass().getClassLoader()).isSameAs(restartLoader);
		assertThat(java(migration).checksum("sqlite")).isEqualTo(java(new CreateUsers()).checksum("sqlite"));
		WeakReference<ClassLoader> loader = new WeakReference<>(restartLoader);
		restartLoader = null;
		migration = null;

		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			System.gc();
			return loader.get() == null;
		});
	}

	/** Loads one class itself, the rest from its parent. */
	private static final class RestartClassLoader extends ClassLoader {

		private final String name;

		RestartClassLoader(ClassLoader parent, String name) {
			super(parent);
			this.name = name;
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.equals(this.name)) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded != null) {
					return loaded;
				}
				try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
					byte[] bytes = in.readAllBytes();
					return defineClass(name, bytes, 0, bytes.length);
				}
				catch (IOException ex) {
					throw new ClassNotFoundException(name, ex);
				}
			}
		}

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
