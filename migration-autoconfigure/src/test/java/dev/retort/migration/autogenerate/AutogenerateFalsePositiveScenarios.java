package dev.retort.migration.autogenerate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.autogenerate.cases.Actions;
import dev.retort.migration.autogenerate.cases.CompositeKeys;
import dev.retort.migration.autogenerate.cases.Defaults;
import dev.retort.migration.autogenerate.cases.Enums;
import dev.retort.migration.autogenerate.cases.HibernateNames;
import dev.retort.migration.autogenerate.cases.Json;
import dev.retort.migration.autogenerate.cases.LongNames;
import dev.retort.migration.autogenerate.cases.Misc;
import dev.retort.migration.autogenerate.cases.ShipmentLabel;
import dev.retort.migration.autogenerate.cases.Synonyms;
import dev.retort.migration.autogenerate.cases.TypeChanges;
import dev.retort.migration.autogenerate.cases.Uniqueness;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.retort.migration.autogenerate.AutogenerateChangeScenarios.all;
import static dev.retort.migration.autogenerate.AutogenerateChangeScenarios.comments;
import static dev.retort.migration.autogenerate.AutogenerateChangeScenarios.only;
import static dev.retort.migration.autogenerate.AutogenerateChangeScenarios.operations;
import static dev.retort.migration.autogenerate.AutogenerateRoundTrip.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known false positives (and false negatives) of the other tools, each a scenario
 * named after its row in AUTOGENERATE.md's table "Rules that avoid the known false
 * positives". Database states a model cannot produce are made with plain SQL.
 */
abstract class AutogenerateFalsePositiveScenarios {

	protected AutogenerateRoundTrip database;

	protected abstract DataSource dataSource();

	protected abstract String dialectName();

	@BeforeEach
	void roundTrip() {
		this.database = new AutogenerateRoundTrip(this::dataSource, dialectName());
	}

	boolean postgres() {
		return this.database.isPostgres();
	}

	@Test
	void aSchemaHibernateCreatedWithItsOwnColumnOrderMatchesTheModel() throws IOException {
		List<Class<?>> entities = List.of(CompositeKeys.Membership.class, CompositeKeys.Grant.class,
				CompositeKeys.Label.class, CompositeKeys.Article.class);
		String ddl = createWithHibernatesOwnDdl(entities);
		assertThat(ddl).as("Hibernate's own order differs from the mapping's")
			.containsPattern("(?i)primary key \\(user_id, ?group_id\\)");

		List<String> differences = describe(this.database.compare(entities.toArray(Class<?>[]::new)));
		if (postgres()) {
			assertThat(differences).isEmpty();
		}
		else {
			// Hibernate's SQLite DDL leaves the foreign keys out (SQLite cannot add one
			// to a
			// table): a real difference, which autogenerate adds by rebuilding the tables
			assertThat(differences).isNotEmpty()
				.allSatisfy((step) -> assertThat(step).startsWith("AddConstraint[").contains("ForeignKey["));
		}
	}

	/**
	 * Creates the entities' schema as {@code ddl-auto=create} does, with Hibernate's own
	 * DDL, and returns that DDL.
	 */
	private String createWithHibernatesOwnDdl(List<Class<?>> entities) throws IOException {
		Metadata metadata = TestMetadata.build(dialectName(), entities);
		// what ddl-auto=create does before it writes the tables: keys by size, then name
		((MetadataImplementor) metadata).orderColumns(true);
		Path script = Files.createTempFile("hibernate-ddl", ".sql");
		try {
			SchemaManagementToolCoordinator.process(metadata,
					((MetadataImplementor) metadata).getMetadataBuildingOptions().getServiceRegistry(),
					Map.of("jakarta.persistence.schema-generation.scripts.action", "create",
							"jakarta.persistence.schema-generation.scripts.create-target", script.toString(),
							"hibernate.hbm2ddl.delimiter", ";"),
					DelayedDropRegistryNotAvailableImpl.INSTANCE);
			String ddl = Files.readString(script);
			this.database.execute(ddl.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.map((line) -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line)
				.toArray(String[]::new));
			return ddl;
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	@Test
	void constraintAndIndexNamesAreThoseHibernatesOwnDdlLeavesInTheDatabase() throws IOException {
		// a database ddl-auto made (production, adopted with stamp) and one the revisions
		// built (development, CI) must have the same names, or a later revision that
		// drops or changes one by name fails on one of them
		List<Class<?>> entities = List.of(HibernateNames.Buyer.class, HibernateNames.Purchase.class);
		String ddl = createWithHibernatesOwnDdl(entities);
		assertThat(ddl).containsPattern("(?i)index IX_Purchases_Placed");
		List<String> byHibernate = constraintAndIndexNames();
		this.database.execute("DROP TABLE purchases", "DROP TABLE buyers");

		this.database.generateAndApply(entities.toArray(Class<?>[]::new));

		List<String> byRevisions = constraintAndIndexNames();
		if (postgres()) {
			assertThat(byRevisions).isEqualTo(byHibernate)
				.contains("purchases index ix_purchases_placed")
				.anySatisfy((name) -> assertThat(name).matches("purchases foreign key fk[0-9a-z]+"));
		}
		else {
			// Hibernate's SQLite DDL has no foreign keys, and SQLite compares names
			// without case
			assertThat(byRevisions)
				.containsAll(byHibernate.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList())
				.contains("purchases index ix_purchases_placed");
		}
	}

	/**
	 * The names of the foreign keys and indexes (Hibernate's DDL writes a one-column
	 * unique constraint inline, unnamed, when it creates a table, and names it when it
	 * updates one, so the names of unique constraints cannot agree with both).
	 */
	private List<String> constraintAndIndexNames() {
		List<String> names = new ArrayList<>();
		this.database.reflect().tables().forEach((name, table) -> {
			table.foreignKeys()
				.stream()
				.filter((key) -> key.name() != null)
				.forEach((key) -> names.add(name + " foreign key " + key.name()));
			table.indexes().forEach((index) -> names.add(name + " index " + index.name()));
		});
		names.sort(null);
		return names;
	}

	@Test
	void typeSynonymsAreTheSameType() {
		if (postgres()) {
			this.database.execute("CREATE TABLE synonyms (id int8 NOT NULL PRIMARY KEY, whole int4, flag bool, "
					+ "label character varying(80), stamp timestamp(6), small int2, ratio float8, "
					+ "amount decimal(10,2))");
		}
		else {
			this.database.execute("CREATE TABLE synonyms (id BIGINT NOT NULL PRIMARY KEY, whole INT, flag BOOLEAN, "
					+ "label varchar(80), stamp TIMESTAMP, small SMALLINT, ratio DOUBLE, amount decimal(10,2))");
		}

		assertThat(describe(this.database.compare(Synonyms.Spelled.class))).isEmpty();
	}

	@Test
	void int4ToInt8IsAChangeThatConverges() {
		SchemaDiff.Result result = this.database.change(List.of(TypeChanges.Int4.class),
				List.of(TypeChanges.Int8.class));

		assertThat(only(result, AlterColumn.class).type()).isEqualTo(Type.BIGINT);
	}

	@Test
	void boundedVarcharToUnboundedIsAChangeThatConverges() {
		SchemaDiff.Result result = this.database.change(List.of(TypeChanges.Bounded.class),
				List.of(TypeChanges.Unbounded.class));

		assertThat(only(result, AlterColumn.class).type()).isEqualTo(Type.VARCHAR);
		assertThat(result.destructive()).isEmpty();
	}

	@Test
	void aColumnDefinitionIsUsedVerbatim() {
		this.database.generateAndApply(TypeChanges.Definition.class);

		Column digest = this.database.table("fingerprints").column("digest").orElseThrow();
		assertThat(digest.type()).isEqualTo(Type.raw(postgres() ? "character(32)" : "char(32)"));
	}

	@Test
	void aDefaultWrittenInsideAColumnDefinitionIsTheColumnsDefault() {
		this.database.generateAndApply(TypeChanges.DefinitionWithDefault.class);

		Column state = this.database.table("fingerprints").column("state").orElseThrow();
		assertThat(state.type()).isEqualTo(Type.varchar(20));
		assertThat(state.serverDefault()).isEqualTo("'new'");
		assertThat(state.isNullable()).isFalse();
	}

	@Test
	void jsonIsComparedAsDeclared() {
		this.database.generateAndApply(Json.Document.class);

		assertThat(this.database.table("documents").column("body").orElseThrow().type())
			.isEqualTo(postgres() ? Type.JSON : Type.raw("clob"));
	}

	@Test
	void castLiteralsParenthesesAndNegativeNumbersInDefaultsAreTheSameDefault() {
		this.database.generateAndApply(Defaults.Literals.class);

		assertThat(describe(this.database.compare(Defaults.Literals.class))).isEmpty();
	}

	@Test
	void volatileDefaultsAreComparedAsTextNeverEvaluated() {
		Class<?> before = postgres() ? Defaults.PostgresVolatile.class : Defaults.SqliteVolatile.class;
		Class<?> after = postgres() ? Defaults.PostgresVolatileChanged.class : Defaults.SqliteVolatileChanged.class;
		this.database.generateAndApply(before);
		assertThat(describe(this.database.compare(before))).as("compared again").isEmpty();

		SchemaDiff.Result result = this.database.changeTo(List.of(after));

		AlterColumn change = only(result, AlterColumn.class);
		assertThat(change.column()).isEqualTo("created_at");
		assertThat(change.serverDefault()).hasValueSatisfying(
				(expression) -> assertThat(expression).isIn("clock_timestamp()", "(datetime('now', 'localtime'))"));
	}

	@Test
	void aSequenceBackedIdGetsNoInventedNextvalDefault() {
		this.database.generateAndApply(Defaults.SequenceId.class);

		assertThat(this.database.table("tickets").column("id").orElseThrow().serverDefault()).isNull();
		assertThat(describe(this.database.compare(Defaults.SequenceId.class))).isEmpty();
	}

	@Test
	void eachDefaultDifferenceIsOneOperation() {
		SchemaDiff.Result result = this.database.change(List.of(Defaults.StateOpen.class),
				List.of(Defaults.StateNewAndLonger.class));

		AlterColumn change = only(result, AlterColumn.class);
		assertThat(change.serverDefault()).hasValue("'new'");
		assertThat(change.type()).isEqualTo(Type.varchar(20));
		assertThat(operations(result)).hasSize(1);
	}

	@Test
	void aUniqueConstraintAndItsBackingIndexAreOneObject() {
		this.database.generateAndApply(Uniqueness.UniqueColumn.class);

		Table codes = this.database.table("codes");
		assertThat(codes.uniqueConstraints()).singleElement()
			.satisfies((unique) -> assertThat(unique.columns()).containsExactly("code"));
		assertThat(codes.indexes()).isEmpty();
	}

	@Test
	void aUniqueIndexMadeByHandStandsForTheModelsUniqueConstraint() {
		this.database.execute("CREATE TABLE codes (id BIGINT NOT NULL PRIMARY KEY, code VARCHAR(20))",
				"CREATE UNIQUE INDEX ux_codes_code ON codes (code)");

		assertThat(describe(this.database.compare(Uniqueness.UniqueColumn.class))).isEmpty();
	}

	@Test
	void droppingAUniqueConstraintNeverDropsItsOwnIndex() {
		SchemaDiff.Result result = this.database.change(List.of(Uniqueness.UniqueColumn.class),
				List.of(Uniqueness.PlainColumn.class));

		assertThat(only(result, DropConstraint.class).kind()).isEqualTo(Constraint.Kind.UNIQUE);
		assertThat(all(result, DropIndex.class)).isEmpty();
		assertThat(operations(result)).hasSize(1);
	}

	@Test
	void unnamedUniqueConstraintsAreMatchedByTheirColumns() {
		this.database.execute("CREATE TABLE pairs (id BIGINT NOT NULL PRIMARY KEY, a VARCHAR(20), b VARCHAR(20), "
				+ "UNIQUE (a, b))");

		assertThat(describe(this.database.compare(Uniqueness.UnnamedPair.class))).isEmpty();
		this.database.generateAndApply(Uniqueness.UnnamedPair.class);
		assertThat(describe(this.database.compare(Uniqueness.UnnamedPair.class))).isEmpty();
	}

	@Test
	void aUniqueIndexOfTheModelMatchesAUniqueConstraintOfTheDatabase() {
		this.database.execute("CREATE TABLE pairs (id BIGINT NOT NULL PRIMARY KEY, a VARCHAR(20), b VARCHAR(20), "
				+ "CONSTRAINT uq_pairs_a_b UNIQUE (a, b))");

		assertThat(describe(this.database.compare(Uniqueness.UniqueIndexAB.class))).isEmpty();
	}

	@Test
	void indexColumnOrderMatters() {
		this.database.execute("CREATE TABLE pairs (id BIGINT NOT NULL PRIMARY KEY, a VARCHAR(20), b VARCHAR(20))",
				"CREATE INDEX ix_pairs_a_b ON pairs (a, b)");

		SchemaDiff.Result result = this.database.generateAndApply(Uniqueness.IndexBA.class);

		assertThat(only(result, DropIndex.class).name()).isEqualTo("ix_pairs_a_b");
		assertThat(only(result, CreateIndex.class).index().columns()).containsExactly("b", "a");
	}

	@Test
	void anIndexColumnSortingDescendingIsWrittenAndCompared() {
		SchemaDiff.Result created = this.database.generateAndApply(Uniqueness.IndexABDescending.class);

		List<Index> written = new ArrayList<>();
		all(created, CreateIndex.class).forEach((create) -> written.add(create.index()));
		all(created, CreateTable.class).forEach((create) -> written.addAll(create.definition().indexes()));
		assertThat(written).singleElement().satisfies((index) -> {
			assertThat(index.columns()).containsExactly("a", "b");
			assertThat(index.descending()).containsExactly("b");
		});
		Index stored = this.database.table("pairs").indexes().get(0);
		assertThat(stored.isDescending("b")).as("the database's index sorts b descending").isTrue();
		assertThat(stored.isDescending("a")).isFalse();
		assertThat(describe(this.database.compare(Uniqueness.IndexABDescending.class))).isEmpty();

		SchemaDiff.Result ascending = this.database.changeTo(List.of(Uniqueness.IndexAB.class));

		assertThat(only(ascending, DropIndex.class).name()).isEqualTo("ix_pairs_a_b");
		assertThat(only(ascending, CreateIndex.class).index().descending()).isEmpty();
	}

	@Test
	void identifiersLongerThan63BytesAreComparedAsPostgresqlStoresThem() {
		this.database.generateAndApply(LongNames.Parent.class, LongNames.Child.class);

		assertThat(describe(this.database.compare(LongNames.Parent.class, LongNames.Child.class))).isEmpty();
	}

	@Test
	void onDeleteNoActionIsTheSameAsNoAction() {
		this.database.execute("CREATE TABLE posts (id BIGINT NOT NULL PRIMARY KEY)",
				"CREATE TABLE remarks (id BIGINT NOT NULL PRIMARY KEY, post_id BIGINT, "
						+ "CONSTRAINT fk_remarks_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE NO ACTION)");

		assertThat(describe(this.database.compare(Actions.Post.class, Actions.Remark.class))).isEmpty();
	}

	@Test
	void onDeleteRestrictIsNotNoAction() {
		this.database.execute("CREATE TABLE posts (id BIGINT NOT NULL PRIMARY KEY)",
				"CREATE TABLE remarks (id BIGINT NOT NULL PRIMARY KEY, post_id BIGINT, "
						+ "CONSTRAINT fk_remarks_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE RESTRICT)");

		SchemaDiff.Result result = this.database.generateAndApply(Actions.Post.class, Actions.Remark.class);

		assertThat(only(result, DropConstraint.class).kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
		assertThat(((ForeignKey) only(result, AddConstraint.class).constraint()).onDelete())
			.isEqualTo(ForeignKey.Action.NO_ACTION);
	}

	@Test
	void compositeForeignKeysCompareEveryColumnTheTargetAndTheActions() {
		SchemaDiff.Result result = this.database.change(List.of(Actions.Bin.class, Actions.Shipment.class),
				List.of(Actions.Bin.class, Actions.CascadingShipment.class));

		assertThat(only(result, DropConstraint.class).kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
		ForeignKey key = (ForeignKey) only(result, AddConstraint.class).constraint();
		assertThat(key.columns()).containsExactly("bin_aisle", "bin_shelf");
		assertThat(key.referencedColumns()).containsExactly("aisle", "shelf");
		assertThat(key.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
	}

	@Test
	void aCompositeForeignKeyThatPairsItsColumnsCrosswiseIsADifferentKey() {
		this.database.generateAndApply(Actions.Bin.class, Actions.CrosswiseShipment.class);
		this.database.upgradeWith((op) -> op.createForeignKey("fk_shipments_bin", "shipments",
				List.of("bin_aisle", "bin_shelf"), "bins", List.of("shelf", "aisle")));

		SchemaDiff.Result result = this.database.compare(Actions.Bin.class, Actions.Shipment.class);

		assertThat(only(result, DropConstraint.class).kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
		ForeignKey key = (ForeignKey) only(result, AddConstraint.class).constraint();
		assertThat(key.referencedColumns()).containsExactly("aisle", "shelf");
	}

	@Test
	void checksHibernateWritesForEnumsEqualTheDatabasesStoredForm() {
		this.database.generateAndApply(Enums.Person.class);

		assertThat(this.database.table("people").checks()).hasSize(1);
		assertThat(describe(this.database.compare(Enums.Person.class))).isEmpty();
	}

	@Test
	void addingAnEnumValueIsAChange() {
		SchemaDiff.Result result = this.database.change(List.of(Enums.Person.class),
				List.of(Enums.MoodierPerson.class));

		assertThat(only(result, DropConstraint.class).kind()).isEqualTo(Constraint.Kind.CHECK);
		assertThat(((CheckConstraint) only(result, AddConstraint.class).constraint()).expression()).contains("'BORED'");
		assertThat(operations(result)).hasSize(2);
	}

	@Test
	void aCheckAnnotationIsSeenWhenAddedAndWhenDropped() {
		SchemaDiff.Result result = this.database.change(List.of(Enums.UncheckedBox.class), List.of(Enums.Box.class));

		assertThat(only(result, AddConstraint.class).constraint())
			.isEqualTo(new CheckConstraint("ck_boxes_width", "width > 0"));
		assertThat(operations(result)).hasSize(1);
		assertThat(describe(this.database.compare(Enums.UncheckedBox.class))).as("dropped by the downgrade").isEmpty();
	}

	@Test
	void aCheckWhoseExpressionChangesUnderTheSameNameIsAChange() {
		SchemaDiff.Result result = this.database.change(List.of(Enums.Box.class), List.of(Enums.WiderBox.class));

		assertThat(only(result, DropConstraint.class).name()).isEqualTo("ck_boxes_width");
		assertThat(only(result, AddConstraint.class).constraint())
			.isEqualTo(new CheckConstraint("ck_boxes_width", "width > 1"));
	}

	@Test
	void aGeneratedColumnIsAskedForAsATodoAndNeverWrittenAsAPlainColumn() {
		SchemaDiff.Result result = this.database.compare(Misc.Generated.class);

		assertThat(only(result, CreateTable.class).definition().column("area")).as("left to the user").isEmpty();
		assertThat(comments(result))
			.anySatisfy((comment) -> assertThat(comment).startsWith("TODO add the generated column rectangles.area ")
				.contains("GENERATED ALWAYS AS (width * height) by hand"));

		this.database.upgradeWith(result);
		assertThat(describe(this.database.compare(Misc.Generated.class))).as("until the user adds it").hasSize(1);
		addAreaByHand();
		assertThat(describe(this.database.compare(Misc.Generated.class))).as("once the user has added it").isEmpty();
	}

	@Test
	void aGeneratedColumnAddedToAnExistingTableIsATodoBothWays() {
		this.database.generateAndApply(Misc.Ungenerated.class);

		SchemaDiff.Result result = this.database.compare(Misc.Generated.class);

		assertThat(operations(result)).as("nothing is written for it").isEmpty();
		assertThat(comments(result)).singleElement()
			.asString()
			.startsWith("TODO add the generated column rectangles.area ");
		assertThat(result.downgrade()).singleElement()
			.satisfies((step) -> assertThat(step.comments()).singleElement()
				.asString()
				.startsWith("TODO drop the generated column rectangles.area"));
		addAreaByHand();
		assertThat(describe(this.database.compare(Misc.Generated.class))).isEmpty();
	}

	@Test
	void aGeneratedColumnTheUpgradeDropsIsPutBackByATodoInTheDowngradeNeverAsAPlainColumn() {
		this.database.generateAndApply(Misc.Ungenerated.class);
		addAreaByHand();

		SchemaDiff.Result tableGone = this.database.compare(ShipmentLabel.class);
		assertThat(only(tableGone, DropTable.class).table()).isEqualTo("rectangles");
		assertThat(tableGone.downgrade()).filteredOn((step) -> step.operation() instanceof CreateTable)
			.singleElement()
			.satisfies((step) -> assertThat(((CreateTable) step.operation()).table()).isEqualTo("rectangles"));
		List<String> readded = tableGone.downgrade()
			.stream()
			.flatMap((step) -> step.comments().stream())
			.filter((comment) -> comment.contains("add back the generated column rectangles.area"))
			.toList();
		assertThat(readded).singleElement()
			.asString()
			.startsWith("TODO ")
			.contains("GENERATED ALWAYS AS (")
			.contains("must not add it back as a plain column");
		if (postgres()) {
			assertThat(readded.get(0)).as("the database's own expression, and the plain column to drop first")
				.contains("(width * height)")
				.contains("re-created above with area as a plain column");
		}

		SchemaDiff.Result columnGone = this.database.compare(Misc.Ungenerated.class);
		assertThat(only(columnGone, DropColumn.class).column()).isEqualTo("area");
		assertThat(columnGone.downgrade()).as("no plain column put back").noneMatch((step) -> step.operation() != null);
		assertThat(columnGone.downgrade()).singleElement()
			.satisfies((step) -> assertThat(step.comments()).singleElement()
				.asString()
				.startsWith("TODO add back the generated column rectangles.area "
						+ (postgres() ? "int4 GENERATED ALWAYS AS ((width * height))"
								: "INTEGER GENERATED ALWAYS AS (width * height)")));
		this.database.upgradeWith(columnGone);
		// every column, generated ones too (SQLite's table_info hides them)
		assertThat(
				this.database.rows(postgres()
						? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
								+ "AND table_name = 'rectangles'"
						: "SELECT name FROM pragma_table_xinfo('rectangles')"))
			.as("the upgrade drops it")
			.flatExtracting((row) -> row)
			.doesNotContain("area")
			.contains("width", "height");
		assertThat(describe(this.database.compare(Misc.Ungenerated.class))).as("and then nothing differs").isEmpty();
	}

	@Test
	void aGeneratedColumnTheEntitiesDropAlongWithAChangeThatRebuildsTheTableIsDroppedFirst() {
		this.database.generateAndApply(Misc.Ungenerated.class);
		addAreaByHand();

		SchemaDiff.Result result = this.database.compare(Misc.UngeneratedUnique.class);

		assertThat(result.upgrade()).filteredOn((step) -> step.operation() != null)
			.extracting((step) -> step.operation().getClass().getSimpleName())
			.containsExactly("DropColumn", "AddConstraint");
		// on SQLite the unique key is added by a rebuild, which refuses a table with a
		// generated column it would lose; dropped first, there is none
		this.database.upgradeWith(result);
		assertThat(describe(this.database.compare(Misc.UngeneratedUnique.class))).isEmpty();
	}

	private void addAreaByHand() {
		this.database.execute(postgres()
				? "ALTER TABLE rectangles ADD COLUMN area integer GENERATED ALWAYS AS (width * height) STORED"
				: "ALTER TABLE rectangles ADD COLUMN area INTEGER GENERATED ALWAYS AS (width * height) VIRTUAL");
	}

	@Test
	void springsNamingStrategyGivesTheApplicationsOwnNames() {
		this.database.generateAndApply(ShipmentLabel.class);

		Table table = this.database.table("shipment_label");
		assertThat(table.columns()).extracting(Column::name)
			.containsExactlyInAnyOrder("id", "tracking_code", "parcel_count");
	}

	@Test
	void aModelWithEveryCommonMappingAndEveryCaseIsCleanAfterItsOwnRevision() {
		List<Class<?>> entities = new java.util.ArrayList<>(AutogenerateScenarios.EVERY_COMMON_MAPPING);
		entities.addAll(List.of(Defaults.Literals.class, Defaults.SequenceId.class,
				postgres() ? Defaults.PostgresVolatile.class : Defaults.SqliteVolatile.class, LongNames.Parent.class,
				LongNames.Child.class, Enums.Person.class, Enums.Box.class, Uniqueness.UnnamedPair.class,
				Actions.Bin.class, Actions.CascadingShipment.class, ShipmentLabel.class, Misc.Serial.class,
				Misc.BigSerial.class, Misc.Commented.class, TypeChanges.DefinitionWithDefault.class,
				TypeChanges.Millis.class, TypeChanges.Unbounded.class, Synonyms.Spelled.class));
		Class<?>[] all = entities.toArray(Class<?>[]::new);

		this.database.generateAndApply(all);

		assertThat(describe(this.database.compare(all))).isEmpty();
	}

	@Test
	void generatingAgainRightAfterApplyingFindsNothing() {
		this.database.generateAndApply(AutogenerateScenarios.EVERY_COMMON_MAPPING.toArray(Class<?>[]::new));

		for (int i = 0; i < 2; i++) {
			assertThat(describe(
					this.database.compare(AutogenerateScenarios.EVERY_COMMON_MAPPING.toArray(Class<?>[]::new))))
				.isEmpty();
		}
	}

}
