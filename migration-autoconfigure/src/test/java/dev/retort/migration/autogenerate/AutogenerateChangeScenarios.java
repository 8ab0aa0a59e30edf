package dev.retort.migration.autogenerate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.retort.migration.autogenerate.changes.CheckConstraints;
import dev.retort.migration.autogenerate.changes.ColumnTypes;
import dev.retort.migration.autogenerate.changes.Columns;
import dev.retort.migration.autogenerate.changes.CompositeForeignKeys;
import dev.retort.migration.autogenerate.changes.ForeignKeys;
import dev.retort.migration.autogenerate.changes.Indexes;
import dev.retort.migration.autogenerate.changes.Nullability;
import dev.retort.migration.autogenerate.changes.PrimaryKeys;
import dev.retort.migration.autogenerate.changes.Renames;
import dev.retort.migration.autogenerate.changes.RenamesWithReferences;
import dev.retort.migration.autogenerate.changes.ServerDefaults;
import dev.retort.migration.autogenerate.changes.Tables;
import dev.retort.migration.autogenerate.changes.Uniques;
import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Autogenerate, one kind of difference at a time. Each scenario takes the database to the
 * entities' first version with a generated revision, then to their second: the change is
 * seen and written as the operations a person would write, the database then matches the
 * model exactly, and the generated downgrade takes the schema back to the first version
 * as the database's reader sees it.
 */
abstract class AutogenerateChangeScenarios {

	protected AutogenerateRoundTrip database;

	protected abstract DataSource dataSource();

	protected abstract String dialectName();

	@BeforeEach
	void roundTrip() {
		this.database = new AutogenerateRoundTrip(this::dataSource, dialectName());
	}

	@Test
	void anEntityAddedIsATableCreatedAndAnEntityGoneATableDropped() {
		SchemaDiff.Result result = this.database.change(List.of(Tables.Kept.class, Tables.Gone.class),
				List.of(Tables.Kept.class, Tables.Added.class));

		assertThat(operations(result)).hasSize(2);
		assertThat(only(result, CreateTable.class).table()).isEqualTo("added_things");
		assertThat(only(result, DropTable.class).table()).isEqualTo("gone_things");
		assertThat(result.destructive()).singleElement()
			.satisfies((step) -> assertThat(step.operation()).isInstanceOf(DropTable.class))
			.satisfies((step) -> assertThat(step.comments()).anyMatch((line) -> line.startsWith("DESTRUCTIVE")));
	}

	@Test
	void aFieldAddedIsAColumnAddedAndAFieldGoneAColumnDropped() {
		SchemaDiff.Result result = this.database.change(List.of(Columns.V1.class), List.of(Columns.V2.class));

		assertThat(operations(result)).hasSize(2);
		AddColumn added = only(result, AddColumn.class);
		assertThat(added.column().name()).isEqualTo("archived");
		assertThat(added.column().isNullable()).isTrue();
		assertThat(only(result, DropColumn.class).column()).isEqualTo("legacy_code");
		assertThat(result.destructive()).singleElement()
			.satisfies((step) -> assertThat(step.operation()).isInstanceOf(DropColumn.class));
		assertThat(comments(result)).noneMatch((line) -> line.startsWith("Probably a rename"));
	}

	@Test
	void columnTypesWidenNarrowAndChangeKind() {
		SchemaDiff.Result result = this.database.change(List.of(ColumnTypes.V1.class), List.of(ColumnTypes.V2.class));

		assertThat(changedTypes(result)).containsOnlyKeys(expectedTypeChanges());
		assertThat(changedTypes(result).get("label")).isEqualTo(Type.varchar(120));
		assertThat(changedTypes(result).get("quantity")).isEqualTo(Type.BIGINT);
		assertThat(changedTypes(result).get("amount")).isEqualTo(Type.numeric(12, 4));
		assertThat(changedTypes(result).get("code")).isEqualTo(Type.varchar(40));
		assertThat(result.destructive()).extracting((step) -> ((AlterColumn) step.operation()).column())
			.contains("code")
			.doesNotContain("label", "quantity", "amount");
		// the downgrade narrows what the upgrade widened
		assertThat(result.downgrade())
			.filteredOn((step) -> step.operation() instanceof AlterColumn alter && alter.column().equals("label")
					&& alter.type() != null)
			.singleElement()
			.satisfies((step) -> assertThat(step.comments()).containsExactly(
					"CAUTION: VARCHAR(120) -> VARCHAR(80) may not fit every value the upgrade let into readings.label"));
		assertThat(result.downgrade())
			.filteredOn((step) -> step.operation() instanceof AlterColumn alter && alter.column().equals("code")
					&& alter.type() != null)
			.singleElement()
			.satisfies((step) -> assertThat(step.comments()).as("widening back fits").isEmpty());
		if (expectedTypeChanges().contains("amount")) {
			assertThat(result.downgrade())
				.filteredOn((step) -> step.operation() instanceof AlterColumn alter && alter.column().equals("amount")
						&& alter.type() != null)
				.singleElement()
				.satisfies((step) -> assertThat(step.comments())
					.as("12,4 -> 10,2: 8 digits before the point either way")
					.containsExactly(
							"CAUTION: NUMERIC(12,4) -> NUMERIC(10,2) rounds every value of readings.amount to 2 "
									+ "decimal places"));
		}
	}

	@Test
	void aNumericWithFewerDigitsBeforeThePointNarrows() {
		assertThat(ColumnComparison.narrows(Type.numeric(10, 2), Type.numeric(10, 3))).isTrue();
		assertThat(ColumnComparison.narrows(Type.numeric(10, 2), Type.numeric(12, 4))).isFalse();
		assertThat(ColumnComparison.narrows(Type.numeric(12, 4), Type.numeric(10, 2))).isTrue();
		assertThat(ColumnComparison.narrows(Type.numeric(10, 2), Type.numeric(11, 2))).isFalse();
	}

	/** The columns whose type changes on this database. */
	protected List<String> expectedTypeChanges() {
		return List.of("label", "quantity", "taken_at", "amount", "code");
	}

	@Test
	void nullabilityChangesBothWays() {
		SchemaDiff.Result result = this.database.change(List.of(Nullability.V1.class), List.of(Nullability.V2.class));

		List<AlterColumn> changes = all(result, AlterColumn.class);
		assertThat(changes).extracting(AlterColumn::column, AlterColumn::nullable)
			.containsExactlyInAnyOrder(tuple("nickname", false), tuple("title", true));
		assertThat(changes).allSatisfy((change) -> assertThat(change.type()).isNull());
		assertThat(result.destructive()).singleElement()
			.satisfies((step) -> assertThat(((AlterColumn) step.operation()).column()).isEqualTo("nickname"));
	}

	@Test
	void serverDefaultsAreAddedChangedAndRemoved() {
		SchemaDiff.Result result = this.database.change(List.of(ServerDefaults.V1.class),
				List.of(ServerDefaults.V2.class));

		List<AlterColumn> changes = all(result, AlterColumn.class);
		assertThat(changes).extracting(AlterColumn::column, AlterColumn::serverDefault)
			.containsExactlyInAnyOrder(tuple("priority", Optional.of("3")), tuple("state", Optional.of("'new'")),
					tuple("source", Optional.empty()));
		assertThat(changes).allSatisfy((change) -> assertThat(change.type()).isNull())
			.allSatisfy((change) -> assertThat(change.nullable()).isNull());
		this.database.upgradeWith(result);
		this.database.execute("INSERT INTO tickets (id) VALUES (1)");
		assertThat(this.database.rows("SELECT priority, state, source FROM tickets"))
			.containsExactly(Arrays.asList("3", "new", null));
	}

	@Test
	void aPrimaryKeyThatGainsAColumnIsDroppedAndAddedAgain() {
		SchemaDiff.Result result = this.database.change(List.of(PrimaryKeys.V1.class), List.of(PrimaryKeys.V2.class));

		DropConstraint dropped = only(result, DropConstraint.class);
		assertThat(dropped.kind()).isEqualTo(Constraint.Kind.PRIMARY_KEY);
		AddConstraint added = only(result, AddConstraint.class);
		assertThat(((PrimaryKey) added.constraint()).columns()).containsExactly("currency", "id");
		assertThat(result.destructive()).anySatisfy((step) -> assertThat(step.operation()).isSameAs(dropped));
		assertThat(this.database.table("prices").primaryKey().columns()).containsExactly("id");
	}

	@Test
	void uniqueConstraintsFromColumnAndTableAnnotationsAreAdded() {
		SchemaDiff.Result result = this.database.change(List.of(Uniques.V1.class), List.of(Uniques.V2.class));

		assertThat(all(result, AddConstraint.class))
			.extracting((add) -> ((UniqueConstraint) add.constraint()).columns())
			.containsExactlyInAnyOrder(List.of("email"), List.of("team", "handle"));
		assertThat(all(result, AddConstraint.class))
			.allSatisfy((add) -> assertThat(add.constraint()).isInstanceOf(UniqueConstraint.class));
		assertThat(operations(result)).hasSize(2);
	}

	@Test
	void indexesAreAddedDroppedAndRebuiltWhenTheirColumnOrderChanges() {
		SchemaDiff.Result result = this.database.change(List.of(Indexes.V1.class), List.of(Indexes.V2.class));

		assertThat(all(result, DropIndex.class)).extracting(DropIndex::name)
			.containsExactlyInAnyOrder("ix_events_kind_day", "ix_events_source");
		assertThat(all(result, CreateIndex.class))
			.extracting((create) -> create.index().name(), (create) -> create.index().columns())
			.containsExactlyInAnyOrder(tuple("ix_events_kind_day", List.of("day", "kind")),
					tuple("ix_events_day", List.of("day")));
		assertThat(operations(result)).hasSize(4);
	}

	@Test
	void aForeignKeyIsAddedToAnExistingColumn() {
		SchemaDiff.Result result = this.database.change(List.of(ForeignKeys.Post.class, ForeignKeys.Unlinked.class),
				List.of(ForeignKeys.Post.class, ForeignKeys.Linked.class));

		ForeignKey key = (ForeignKey) only(result, AddConstraint.class).constraint();
		assertThat(key.columns()).containsExactly("post_id");
		assertThat(key.referencedTable()).isEqualTo("posts");
		assertThat(key.referencedColumns()).containsExactly("id");
		assertThat(key.onDelete()).isEqualTo(ForeignKey.Action.NO_ACTION);
		assertThat(operations(result)).hasSize(1);
	}

	@Test
	void aForeignKeyIsDropped() {
		SchemaDiff.Result result = this.database.change(List.of(ForeignKeys.Post.class, ForeignKeys.Linked.class),
				List.of(ForeignKeys.Post.class, ForeignKeys.Unlinked.class));

		assertThat(only(result, DropConstraint.class).kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
		assertThat(operations(result)).hasSize(1);
		assertThat(this.database.table("remarks").foreignKeys()).as("after the downgrade").hasSize(1);
		this.database.upgradeWith(result);
		assertThat(this.database.table("remarks").foreignKeys()).isEmpty();
	}

	@Test
	void aForeignKeysOnDeleteActionChanges() {
		SchemaDiff.Result result = this.database.change(List.of(ForeignKeys.Post.class, ForeignKeys.Linked.class),
				List.of(ForeignKeys.Post.class, ForeignKeys.Cascading.class));

		assertThat(only(result, DropConstraint.class).kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
		ForeignKey key = (ForeignKey) only(result, AddConstraint.class).constraint();
		assertThat(key.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
		assertThat(this.database.table("remarks").foreignKeys()).singleElement()
			.satisfies((existing) -> assertThat(existing.onDelete()).isEqualTo(ForeignKey.Action.NO_ACTION));
	}

	@Test
	void aCompositeForeignKeyIsAddedOverAllItsColumns() {
		SchemaDiff.Result result = this.database.change(
				List.of(CompositeForeignKeys.Bin.class, CompositeForeignKeys.Unlinked.class),
				List.of(CompositeForeignKeys.Bin.class, CompositeForeignKeys.Linked.class));

		ForeignKey key = (ForeignKey) only(result, AddConstraint.class).constraint();
		assertThat(key.columns()).containsExactly("bin_aisle", "bin_shelf");
		assertThat(key.referencedTable()).isEqualTo("bins");
		assertThat(key.referencedColumns()).containsExactly("aisle", "shelf");
		assertThat(operations(result)).hasSize(1);
	}

	@Test
	void checksAreAddedChangedAndDroppedAndAnEnumValueAddedChangesItsCheck() {
		this.database.generateAndApply(CheckConstraints.V1.class);
		this.database.execute("INSERT INTO boxes (id, width, height, depth, shape) VALUES (1, 20, 5, 5, 'CUBE')");

		SchemaDiff.Result result = this.database.changeTo(List.of(CheckConstraints.V2.class));

		assertThat(all(result, DropConstraint.class))
			.allSatisfy((drop) -> assertThat(drop.kind()).isEqualTo(Constraint.Kind.CHECK))
			.hasSize(3);
		assertThat(all(result, AddConstraint.class))
			.extracting((add) -> ((CheckConstraint) add.constraint()).expression())
			.hasSize(3)
			.contains("width >= 10", "depth between 1 and 100")
			.anyMatch((expression) -> expression.contains("'TUBE'"));
		assertThat(this.database.rows("SELECT shape FROM boxes")).containsExactly(List.of("CUBE"));
		assertThat(result.upgrade()).filteredOn((step) -> step.operation() instanceof AddConstraint)
			.allSatisfy((step) -> {
				String expression = ((CheckConstraint) ((AddConstraint) step.operation()).constraint()).expression();
				if (expression.contains("'TUBE'")) {
					assertThat(step.comments()).as("a value added to the enum cannot fail").isEmpty();
				}
				else {
					assertThat(step.comments()).singleElement().asString().startsWith("CAUTION: fails while rows");
				}
			});
		// the downgrade brings the narrower checks back, which rows the upgrade let in
		// break
		assertThat(result.downgrade()).filteredOn((step) -> step.operation() instanceof AddConstraint)
			.hasSize(3)
			.allSatisfy((step) -> assertThat(step.comments()).singleElement()
				.asString()
				.startsWith("CAUTION: fails while rows of boxes break ")
				.endsWith(", which the upgrade allowed"));
	}

	@Test
	void anEnumThatLosesAValueWarnsInTheUpgradeAndNotInTheDowngrade() {
		this.database.generateAndApply(CheckConstraints.V2.class);

		SchemaDiff.Result result = this.database.changeTo(List.of(CheckConstraints.V1.class));

		assertThat(result.upgrade())
			.filteredOn((step) -> step.operation() instanceof AddConstraint add
					&& ((CheckConstraint) add.constraint()).expression().contains("'SLAB'"))
			.singleElement()
			.satisfies((step) -> assertThat(step.comments()).singleElement()
				.asString()
				.startsWith("CAUTION: fails while rows of boxes break "));
		assertThat(result.downgrade())
			.filteredOn((step) -> step.operation() instanceof AddConstraint add
					&& add.constraint() instanceof CheckConstraint check && check.expression().contains("TUBE"))
			.singleElement()
			.satisfies((step) -> assertThat(step.comments()).as("the wider check comes back").isEmpty());
	}

	@Test
	void renamedFromRenamesTheTableAndTheColumnKeepingTheirRows() {
		this.database.generateAndApply(Renames.V1.class);
		this.database.execute("INSERT INTO old_notes (id, body) VALUES (1, 'kept')");

		SchemaDiff.Result result = this.database.changeTo(List.of(Renames.Declared.class));

		assertThat(only(result, RenameTable.class)).isEqualTo(new RenameTable("old_notes", "notes"));
		AlterColumn rename = only(result, AlterColumn.class);
		assertThat(rename.column()).isEqualTo("body");
		assertThat(rename.newName()).isEqualTo("text");
		assertThat(operations(result)).hasSize(2);
		assertThat(result.destructive()).isEmpty();
		assertThat(this.database.rows("SELECT id, body FROM old_notes")).containsExactly(List.of("1", "kept"));
		this.database.upgradeWith(result);
		assertThat(this.database.rows("SELECT id, text FROM notes")).containsExactly(List.of("1", "kept"));
	}

	@Test
	void aRenamedTableAndColumnKeepTheIndexesConstraintsAndForeignKeysThatReferToThem() {
		this.database.generateAndApply(RenamesWithReferences.NoteV1.class, RenamesWithReferences.PinV1.class);
		this.database.execute("INSERT INTO old_notes (id, body, code, kind) VALUES (1, 'kept', 'a', 'IDEA')",
				"INSERT INTO pins (id, note_id) VALUES (7, 1)");

		SchemaDiff.Result result = this.database
			.changeTo(List.of(RenamesWithReferences.NoteV2.class, RenamesWithReferences.PinV2.class));

		assertThat(AutogenerateRoundTrip.describe(result)).hasSize(3);
		assertThat(only(result, RenameTable.class)).isEqualTo(new RenameTable("old_notes", "notes"));
		assertThat(all(result, AlterColumn.class)).extracting(AlterColumn::column, AlterColumn::newName)
			.containsExactlyInAnyOrder(tuple("body", "text"), tuple("kind", "category"));
		this.database.upgradeWith(result);
		assertThat(this.database.rows("SELECT p.id, n.text FROM pins p JOIN notes n ON n.id = p.note_id"))
			.containsExactly(List.of("7", "kept"));
	}

	@Test
	void withoutRenamedFromARenameIsADropAndAnAddMarkedAsAProbableRename() {
		SchemaDiff.Result result = this.database.change(List.of(Renames.V1.class), List.of(Renames.Undeclared.class));

		assertThat(only(result, AddColumn.class).column().name()).isEqualTo("text");
		assertThat(only(result, DropColumn.class).column()).isEqualTo("body");
		assertThat(result.upgrade()).filteredOn((step) -> step.operation() != null)
			.allSatisfy((step) -> assertThat(step.comments())
				.anyMatch((line) -> line.startsWith("Probably a rename of body to text?")));
		assertThat(result.destructive()).singleElement()
			.satisfies((step) -> assertThat(step.operation()).isInstanceOf(DropColumn.class));
	}

	static List<Operation> operations(SchemaDiff.Result result) {
		return result.upgrade().stream().map(Step::operation).filter((operation) -> operation != null).toList();
	}

	static List<String> comments(SchemaDiff.Result result) {
		return result.upgrade().stream().flatMap((step) -> step.comments().stream()).toList();
	}

	static <T extends Operation> List<T> all(SchemaDiff.Result result, Class<T> type) {
		return operations(result).stream().filter(type::isInstance).map(type::cast).toList();
	}

	static <T extends Operation> T only(SchemaDiff.Result result, Class<T> type) {
		List<T> found = all(result, type);
		assertThat(found).as("the %s operations of %s", type.getSimpleName(), AutogenerateRoundTrip.describe(result))
			.hasSize(1);
		return found.get(0);
	}

	private static Map<String, Type> changedTypes(SchemaDiff.Result result) {
		Map<String, Type> types = new LinkedHashMap<>();
		for (AlterColumn change : all(result, AlterColumn.class)) {
			if (change.type() != null) {
				types.put(change.column(), change.type());
			}
		}
		return types;
	}

}
