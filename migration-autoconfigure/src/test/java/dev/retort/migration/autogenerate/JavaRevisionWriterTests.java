package dev.retort.migration.autogenerate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

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
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.RecordedOperations;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every kind of operation, with every field it has, written as a Java revision, compiled
 * as a user's build compiles it, discovered as a revision and recorded: the revision
 * records exactly the draft's operations, in both directions.
 */
class JavaRevisionWriterTests {

	private static final Instant CREATED = Instant.parse("2026-11-21T12:00:00Z");

	private static final String TRICKY = "it's \"quoted\", back\\slash, tab\there,\nnew line, caf\u00e9, \u65e5\u672c, "
			+ "emoji \ud83d\ude80, control \u0001, escape \\u000a, end";

	private static final List<Case> CASES = everyCase();

	@TempDir
	static Path directory;

	private static ClassLoader compiled;

	@BeforeAll
	static void writeAndCompileEveryCase() throws IOException {
		Path sources = Files.createDirectories(directory.resolve("src"));
		List<Case> cases = CASES;
		for (int index = 0; index < cases.size(); index++) {
			Case example = cases.get(index);
			JavaRevisionWriter writer = new JavaRevisionWriter(example.packageName());
			Path file = sources.resolve(example.packageName().replace('.', '/')).resolve("Generated.java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, writer.write(example.draft(), "Generated"), StandardCharsets.UTF_8);
		}
		compiled = GeneratedSources.compile(sources, Files.createDirectories(directory.resolve("classes")));
	}

	static Stream<Case> cases() {
		return CASES.stream();
	}

	private static List<Case> everyCase() {
		List<Case> cases = new ArrayList<>();
		Column id = Column.of("id", Type.BIGINT).primaryKey().autoIncrement();
		Column title = Column.of("title", Type.varchar(200)).notNull().comment(TRICKY);
		Column priority = Column.of("priority", Type.INTEGER).notNull().serverDefault("0");
		Table tasks = Table.of("tasks", List.of(id, title, priority, Column.of("project_id", Type.BIGINT),
				Column.of("shop_id", Type.INTEGER).serverDefault("'a''b'"),
				Constraint.unique("uq_tasks_title", "title"), Constraint.unique(null, "priority", "title"),
				Constraint.foreignKey("fk_tasks_project", "project_id", "projects", "id")
					.onDelete(ForeignKey.Action.CASCADE)
					.onUpdate(ForeignKey.Action.SET_NULL),
				Constraint.foreignKey(null, List.of("project_id", "shop_id"), "projects", List.of("id", "shop_id")),
				new ForeignKey("fk_restrict", List.of("shop_id"), "shops", List.of("id"), ForeignKey.Action.RESTRICT,
						ForeignKey.Action.SET_DEFAULT),
				Constraint.check("ck_priority", "priority >= 0"), Constraint.check(null, "title <> ''")));
		cases.add(new Case("create table with every inline constraint", List.of(new CreateTable(tasks))));
		Table namedKey = Table.of("lines", List.of(Column.of("order_id", Type.BIGINT).notNull(),
				Column.of("line", Type.INTEGER).notNull(), Constraint.primaryKey("pk_lines", "order_id", "line")));
		Table keyOnOtherColumns = Table.of("odd", List.of(Column.of("a", Type.INTEGER).primaryKey(),
				Column.of("b", Type.INTEGER).primaryKey().nullable(), Constraint.primaryKey(null, "b")));
		Table flaggedWithoutKey = Table.of("flagged", List.of(Column.of("a", Type.INTEGER).primaryKey()))
			.withPrimaryKey(null);
		Table everything = tasks.withIndexes(List.of(Index.of("ix_tasks_priority", "tasks", "priority", "title"),
				Index.of("ix_open", "tasks", "title").asUnique().where("priority > 0")))
			.withComment(TRICKY);
		Table empty = Table.of("nothing", List.of());
		cases.add(new Case("create table with a named or odd primary key, indexes, a comment, or nothing",
				List.of(new CreateTable(namedKey), new CreateTable(keyOnOtherColumns),
						new CreateTable(flaggedWithoutKey), new CreateTable(everything), new CreateTable(empty))));
		cases.add(new Case("drop table", List.of(new DropTable("tasks", null), new DropTable("tasks", everything),
				new DropTable("flagged", flaggedWithoutKey), new DropTable("renamed", namedKey))));
		cases.add(new Case("rename table", List.of(new RenameTable("tasks", "jobs"))));
		List<Operation> types = new ArrayList<>();
		for (Type.Kind kind : Type.Kind.values()) {
			if (kind != Type.Kind.RAW) {
				types.add(new AddColumn("t",
						Column.of(kind.name().toLowerCase(), new Type(kind, null, null, null, null))));
			}
		}
		for (Type type : List.of(Type.varchar(120), Type.binary(16), Type.numeric(10, 2), Type.numeric(5, 0),
				Type.timestamp(3), Type.timestampWithTimeZone(6), Type.time(0), Type.raw("jsonb"),
				Type.raw("character varying(10) []"), new Type(Type.Kind.NUMERIC, null, 12, null, null),
				new Type(Type.Kind.VARCHAR, 10, 3, null, null), new Type(Type.Kind.RAW, 4, null, null, "bit"),
				new Type(Type.Kind.INTEGER, null, null, 2, null))) {
			types.add(new AddColumn("t", Column.of("c", type)));
		}
		cases.add(new Case("add a column of every type", types));
		cases.add(new Case("add columns with every flag",
				List.of(new AddColumn("t", id), new AddColumn("t", title), new AddColumn("t", priority),
						new AddColumn("t", Column.of("k", Type.UUID).primaryKey().nullable()),
						new AddColumn("t", Column.of("n", Type.BIGINT).autoIncrement().serverDefault(TRICKY)),
						new AddColumn("t", Column.of("m", Type.TEXT).primaryKey(false).autoIncrement(false)))));
		cases.add(new Case("drop column", List.of(new DropColumn("tasks", "title", null),
				new DropColumn("tasks", "title", title), new DropColumn("tasks", "old_title", title))));
		cases.add(new Case("alter column", List.of(
				AlterColumn.of("tasks", "title", (c) -> c.type(Type.varchar(120)).existing(title)),
				new AlterColumn("tasks", "status", "state", Type.TEXT, false, Optional.of("'open'"),
						Optional.of(TRICKY), Column.of("status", Type.varchar(20)), "status::text"),
				new AlterColumn("tasks", "status", null, null, true, Optional.empty(), Optional.empty(), null, null),
				new AlterColumn("tasks", "status", "state", null, null, null, null, null, null),
				new AlterColumn("tasks", "status", null, null, null, null, null, null, null))));
		Index partial = Index.of("ix_open", "tasks", "title").where("done = false");
		cases.add(new Case("create index",
				List.of(new CreateIndex(Index.of("ix_a", "tasks", "a", "b"), false),
						new CreateIndex(Index.of("ix_u", "tasks", "a").asUnique(), false),
						new CreateIndex(partial, false), new CreateIndex(partial.asUnique(), false),
						new CreateIndex(Index.of("ix_c", "tasks", "a"), true), new CreateIndex(partial, true),
						new CreateIndex(Index.of("ix_d", "tasks", "a", "b").descending("b"), false),
						new CreateIndex(partial.descending("title").asUnique(), false))));
		cases.add(new Case("drop index",
				List.of(new DropIndex("ix_a", "tasks", null, false), new DropIndex("ix_a", null, null, false),
						new DropIndex("ix_open", "tasks", partial, false),
						new DropIndex("ix_open", "tasks", partial, true), new DropIndex("ix_a", "tasks", null, true),
						new DropIndex("ix_other", "tasks", partial, false))));
		cases.add(new Case("add constraint", List.of(new AddConstraint("tasks", Constraint.unique("uq_a", "a", "b")),
				new AddConstraint("tasks", new UniqueConstraint(null, List.of("a"))),
				new AddConstraint("tasks", Constraint.primaryKey("pk_tasks", "id")),
				new AddConstraint("tasks", new PrimaryKey(null, List.of("id"))),
				new AddConstraint("tasks", Constraint.check("ck_a", TRICKY)),
				new AddConstraint("tasks", new CheckConstraint(null, "a > 0")),
				new AddConstraint("tasks",
						Constraint.foreignKey("fk_a", "a", "others", "id").onDelete(ForeignKey.Action.NO_ACTION)),
				new AddConstraint("tasks", Constraint.foreignKey("fk_b", List.of(), "others", List.of())))));
		cases.add(new Case("drop constraint",
				List.of(new DropConstraint("tasks", "uq_a", null, null),
						new DropConstraint("tasks", "uq_a", Constraint.Kind.UNIQUE, null),
						new DropConstraint("tasks", "uq_a", null, Constraint.unique("uq_a", "a")),
						new DropConstraint("tasks", "pk_tasks", null, Constraint.primaryKey("pk_tasks", "id")),
						new DropConstraint("tasks", "ck_a", null, Constraint.check("ck_a", "a > 0")),
						new DropConstraint("tasks", "fk_a", null,
								Constraint.foreignKey("fk_a", "a", "others", "id").onUpdate(ForeignKey.Action.CASCADE)),
						new DropConstraint("tasks", "other_name", null, Constraint.unique("uq_a", "a")),
						new DropConstraint("tasks", "uq_a", Constraint.Kind.CHECK, Constraint.unique("uq_a", "a")),
						new DropConstraint("tasks", "unnamed", null, Constraint.unique(null, "a")),
						new DropConstraint("tasks", null, null, Constraint.check(null, "a between 0 and 3")))));
		cases.add(new Case("set table comment",
				List.of(new SetTableComment("tasks", TRICKY, null), new SetTableComment("tasks", null, null),
						new SetTableComment("tasks", "new", Optional.empty()),
						new SetTableComment("tasks", null, Optional.of("old")))));
		Sequence sequence = Sequence.of("task_seq", 50);
		Sequence big = new Sequence("big_seq", 3_000_000_000L, -1);
		Sequence extremes = new Sequence("extreme_seq", Long.MIN_VALUE, Long.MAX_VALUE);
		cases.add(new Case("sequences",
				List.of(new CreateSequence(sequence), new CreateSequence(big), new CreateSequence(extremes),
						new DropSequence("task_seq", null), new DropSequence("task_seq", sequence),
						new DropSequence("other_seq", sequence), new AlterSequence("task_seq", 1, null),
						new AlterSequence("task_seq", 10, sequence),
						new AlterSequence("big_seq", -5_000_000_000L, sequence))));
		cases.add(new Case("execute",
				List.of(new Execute("UPDATE tasks SET title = 'x' WHERE id = 1"), new Execute(TRICKY),
						new Execute("CREATE FUNCTION f() RETURNS int AS $$\n\tSELECT 1;\n$$ LANGUAGE sql"),
						new Execute(""))));
		Map<String, Object> everyValue = new LinkedHashMap<>();
		everyValue.put("text", TRICKY);
		everyValue.put("none", null);
		everyValue.put("yes", true);
		everyValue.put("int", -7);
		everyValue.put("min_int", Integer.MIN_VALUE);
		everyValue.put("long", 3_000_000_000L);
		everyValue.put("min_long", Long.MIN_VALUE);
		everyValue.put("short", (short) -3);
		everyValue.put("byte", (byte) 5);
		everyValue.put("double", 1.5e300);
		everyValue.put("negative_zero", -0.0);
		everyValue.put("nan", Double.NaN);
		everyValue.put("infinite", Double.NEGATIVE_INFINITY);
		everyValue.put("float", 0.1f);
		everyValue.put("float_nan", Float.NaN);
		everyValue.put("char", '\'');
		everyValue.put("decimal", new BigDecimal("12.3400"));
		everyValue.put("integer", new BigInteger("123456789012345678901234567890"));
		everyValue.put("uuid", UUID.fromString("3f2a9c1b-7d4e-4f00-8a00-0123456789ab"));
		everyValue.put("date", LocalDate.of(2026, 11, 21));
		everyValue.put("date_time", LocalDateTime.of(2026, 11, 21, 12, 0, 0, 123_456_789));
		everyValue.put("time", LocalTime.of(23, 59));
		everyValue.put("instant", Instant.parse("2026-11-21T12:00:00.5Z"));
		everyValue.put("offset", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5)));
		everyValue.put("offset_time", OffsetTime.of(3, 4, 5, 6, ZoneOffset.ofHoursMinutes(5, 30)));
		everyValue.put("zoned", ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneId.of("Europe/Paris")));
		everyValue.put("duration", Duration.ofMillis(90_061_001));
		everyValue.put("bytes", new byte[] { 0, -1, 127, -128 });
		Map<String, Object> small = new LinkedHashMap<>();
		small.put("id", 1);
		small.put("title", "ship");
		cases.add(new Case("bulk insert of every kind of value", List
			.of(new BulkInsert("tasks", List.of(everyValue, small, Map.of())), new BulkInsert("tasks", List.of()))));
		cases.add(new Case("irreversible", List.of(new Irreversible(TRICKY))));
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theGeneratedRevisionRecordsExactlyTheDraftsOperations(Case example) {
		RevisionScript revision = RevisionGraph
			.load(List.of("classpath:" + example.packageName().replace('.', '/')), compiled)
			.get(example.draft().id());
		assertThat(revision.message()).isEqualTo(example.draft().message());
		assertThat(revision.created()).isEqualTo(CREATED);
		assertThat(revision.branchLabels()).isEqualTo(java.util.Set.copyOf(example.draft().branchLabels()));
		boolean concurrently = example.draft()
			.upgrade()
			.stream()
			.anyMatch((step) -> step.operation() != null && step.operation().requiresNoTransaction());
		assertThat(revision.transactional()).as("transactional").isEqualTo(!concurrently);
		assertSameOperations(RecordedOperations.of(revision, Direction.UPGRADE, "postgresql"),
				example.draft().upgrade());
		assertSameOperations(RecordedOperations.of(revision, Direction.DOWNGRADE, "postgresql"),
				example.draft().downgrade());
	}

	@Test
	void commentsStandAboveTheirCallAndACommentOnlyStepIsATodo() {
		RevisionDraft draft = new RevisionDraft("0123456789ab", List.of(), "drop legacy", List.of(), CREATED,
				List.of(Step.destructive(new DropColumn("tasks", "legacy", null), "drops data\nfor good"),
						Step.todo("rename the status enum by hand"),
						new Step(null, List.of("check the \\u000a escape"), false)),
				List.of());
		String source = new JavaRevisionWriter("db.migrations").write(draft, "DropLegacy");
		assertThat(source).contains("""
				        // drops data
				        // for good
				        op.dropColumn("tasks", "legacy");
				        // TODO rename the status enum by hand
				        // TODO check the \\\\u000a escape
				""");
	}

	@Test
	void aValueWithoutASourceFormIsRefusedNamingItsColumn() {
		RevisionDraft draft = new RevisionDraft("0123456789ab", List.of(), "seed", List.of(), CREATED,
				List.of(Step.of(new BulkInsert("tasks", List.of(Map.of("owner", new Object()))))), List.of());
		assertThatExceptionOfType(RevisionWriteException.class)
			.isThrownBy(() -> new JavaRevisionWriter("db.migrations").write(draft, "Seed"))
			.withMessageContaining("tasks.owner")
			.withMessageContaining("java.lang.Object");
	}

	@Test
	void classNamesComeFromTheMessage() {
		assertThat(JavaRevisionWriter.className("add priority to tasks", "3f2a9c1b7d4e"))
			.isEqualTo("AddPriorityToTasks");
		assertThat(JavaRevisionWriter.className("Add OAuth tokens (v2)!", "3f2a9c1b7d4e"))
			.isEqualTo("AddOAuthTokensV2");
		assertThat(JavaRevisionWriter.className("2fa for users", "3f2a9c1b7d4e")).isEqualTo("Revision2faForUsers");
		assertThat(JavaRevisionWriter.className("ajouter la priorité", "3f2a9c1b7d4e")).isEqualTo("AjouterLaPriorite");
		assertThat(JavaRevisionWriter.className("class", "3f2a9c1b7d4e")).isEqualTo("Class" + "Revision");
		assertThat(JavaRevisionWriter.className("index", "3f2a9c1b7d4e")).isEqualTo("IndexRevision");
		assertThat(JavaRevisionWriter.className("  ...  ", "3f2a9c1b7d4e")).isEqualTo("Revision3f2a9c1b7d4e");
		assertThat(JavaRevisionWriter.className("", "3f2a9c1b7d4e")).isEqualTo("Revision3f2a9c1b7d4e");
		assertThat(JavaRevisionWriter.className("a very long message ".repeat(10), "3f2a9c1b7d4e")).hasSizeLessThan(61)
			.startsWith("AVeryLongMessage");
	}

	private static void assertSameOperations(RecordedOperations recorded, List<Step> steps) {
		assertThat(recorded.failure()).isNull();
		List<Operation> expected = steps.stream().filter((step) -> !step.isCommentOnly()).map(Step::operation).toList();
		assertThat(recorded.operations()).hasSameSizeAs(expected);
		for (int index = 0; index < expected.size(); index++) {
			Operation actual = recorded.operations().get(index);
			if (expected.get(index) instanceof BulkInsert insert) {
				assertThat(actual).isInstanceOf(BulkInsert.class);
				assertSameRows(((BulkInsert) actual), insert);
			}
			else {
				assertThat(actual).isEqualTo(expected.get(index));
			}
		}
	}

	/** Rows compared value by value, byte arrays by content, column order included. */
	private static void assertSameRows(BulkInsert actual, BulkInsert expected) {
		assertThat(actual.table()).isEqualTo(expected.table());
		assertThat(actual.rows()).hasSameSizeAs(expected.rows());
		for (int index = 0; index < expected.rows().size(); index++) {
			Map<String, Object> actualRow = actual.rows().get(index);
			Map<String, Object> expectedRow = expected.rows().get(index);
			assertThat(actualRow.keySet()).containsExactlyElementsOf(expectedRow.keySet());
			expectedRow.forEach((column, value) -> {
				Object written = actualRow.get(column);
				if (value instanceof byte[] bytes) {
					assertThat(written).isInstanceOf(byte[].class);
					assertThat(Arrays.equals((byte[]) written, bytes)).as(column).isTrue();
				}
				else {
					assertThat(written).as(column).isEqualTo(value);
					if (value != null) {
						assertThat(written).as(column).isInstanceOf(value.getClass());
					}
				}
			});
		}
	}

	/**
	 * One draft: the operations as its upgrade, their comments as reviewers' notes, and
	 * the inverses (where they exist) as its downgrade, newest first.
	 */
	record Case(String name, RevisionDraft draft) {

		private static int count;

		Case(String name, List<Operation> operations) {
			this(name, draft(name, operations));
		}

		private static RevisionDraft draft(String name, List<Operation> operations) {
			count++;
			List<Step> upgrade = new ArrayList<>();
			List<Step> downgrade = new ArrayList<>();
			for (Operation operation : operations) {
				upgrade.add(new Step(operation, List.of("step: " + TRICKY), false));
				if (operation.isReversible()) {
					downgrade.add(0, Step.of(operation.inverse()));
				}
			}
			upgrade.add(Step.todo(TRICKY));
			String id = String.format("%012x", count);
			return new RevisionDraft(id, List.of(), name + ": " + TRICKY, List.of("label" + count), CREATED, upgrade,
					downgrade, List.of());
		}

		String packageName() {
			return "gen.case" + this.draft.id();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
