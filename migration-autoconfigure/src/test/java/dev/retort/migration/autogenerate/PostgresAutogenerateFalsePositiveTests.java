package dev.retort.migration.autogenerate;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.retort.migration.autogenerate.cases.Defaults;
import dev.retort.migration.autogenerate.cases.Enums;
import dev.retort.migration.autogenerate.cases.Json;
import dev.retort.migration.autogenerate.cases.Misc;
import dev.retort.migration.autogenerate.cases.TypeChanges;
import dev.retort.migration.autogenerate.cases.Uniqueness;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.Execute;
import dev.retort.migration.schema.Type;
import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.retort.migration.autogenerate.AutogenerateChangeScenarios.only;
import static dev.retort.migration.autogenerate.AutogenerateChangeScenarios.operations;
import static dev.retort.migration.autogenerate.AutogenerateRoundTrip.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The false-positive scenarios on PostgreSQL, and the cases only PostgreSQL has:
 * {@code timestamptz}, {@code json}/{@code jsonb}, {@code nextval} defaults, serial
 * columns, sequences' increments, comments.
 */
class PostgresAutogenerateFalsePositiveTests extends AutogenerateFalsePositiveScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@BeforeEach
	void emptySchema() throws SQLException {
		postgres.reset();
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

	@Override
	protected String dialectName() {
		return "postgresql";
	}

	@Test
	void aNamedEnumTypeIsCreatedBeforeItsTableAndDroppedAfterIt() {
		SchemaDiff.Result result = this.database.compare(Enums.NamedEnumPerson.class);

		assertThat(operations(result)).first().isEqualTo(new Execute("create type Mood as enum ('ANGRY','CALM')"));
		assertThat(operations(result)).filteredOn(CreateTable.class::isInstance).hasSize(1);
		this.database.upgradeWith(result);
		assertThat(describe(this.database.compare(Enums.NamedEnumPerson.class))).isEmpty();
		assertThat(enumValues("mood")).containsExactly("ANGRY", "CALM");
		this.database.execute("INSERT INTO people (id, mood) VALUES (1, 'CALM')");

		this.database.downgradeOne();
		assertThat(this.database.reflect().tables()).isEmpty();
		assertThat(enumValues("mood")).as("the type is dropped with its casts").isEmpty();
	}

	@Test
	void aValueAddedToANamedEnumIsAddedAndItsRemovalIsATodo() {
		this.database.generateAndApply(Enums.NamedEnumPerson.class);

		SchemaDiff.Result added = this.database.compare(Enums.Later.NamedEnumPerson.class);
		// placed where Hibernate lists it when it creates the type, so that a database
		// built by revisions sorts the column as a new one would
		assertThat(operations(added))
			.containsExactly(new Execute("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'BORED' BEFORE 'CALM'"));
		assertThat(added.downgrade()).singleElement()
			.satisfies((step) -> assertThat(step.comments()).singleElement()
				.asString()
				.startsWith("TODO PostgreSQL cannot remove the value 'BORED' from the enum type mood"));
		this.database.upgradeWith(added);
		assertThat(describe(this.database.compare(Enums.Later.NamedEnumPerson.class))).isEmpty();
		assertThat(enumValues("mood")).containsExactly("ANGRY", "BORED", "CALM");

		SchemaDiff.Result removed = this.database.compare(Enums.NamedEnumPerson.class);
		assertThat(operations(removed)).as("never written as SQL that cannot run").isEmpty();
		assertThat(describe(removed)).singleElement()
			.asString()
			.startsWith("TODO the entities no longer have the value 'BORED' of the enum type mood");
	}

	private List<String> enumValues(String type) {
		return this.database
			.rows("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = '" + type
					+ "' ORDER BY e.enumsortorder")
			.stream()
			.map((row) -> row.get(0))
			.toList();
	}

	@Test
	void timestampToTimestamptzIsAChangeThatConverges() {
		SchemaDiff.Result result = this.database.change(List.of(TypeChanges.Local.class),
				List.of(TypeChanges.Zoned.class));

		assertThat(only(result, AlterColumn.class).type()).isEqualTo(Type.timestampWithTimeZone(6));
	}

	@Test
	void fractionalSecondsPrecisionSixToThreeIsAChangeThatConverges() {
		SchemaDiff.Result result = this.database.change(List.of(TypeChanges.Local.class),
				List.of(TypeChanges.Millis.class));

		assertThat(only(result, AlterColumn.class).type()).isEqualTo(Type.timestamp(3));
		assertThat(result.destructive()).hasSize(1);
	}

	@Test
	void jsonAndJsonbAreDifferentTypes() {
		this.database.execute("CREATE TABLE documents (id bigint NOT NULL PRIMARY KEY, body json)");

		SchemaDiff.Result result = this.database.generateAndApply(Json.Document.class);

		assertThat(only(result, AlterColumn.class).type()).isEqualTo(Type.JSON);
		assertThat(operations(result)).hasSize(1);
	}

	@Test
	void nextvalWithAndWithoutRegclassCastIsTheSameDefault() {
		this.database.execute("CREATE SEQUENCE tickets_seq INCREMENT BY 1",
				"CREATE TABLE tickets (id bigint NOT NULL PRIMARY KEY, number bigint DEFAULT nextval('tickets_seq'))");

		assertThat(this.database.rows("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"))
			.containsExactly(List.of("nextval('tickets_seq'::regclass)"));
		assertThat(describe(this.database.compare(Defaults.NextvalDefault.class))).isEmpty();
	}

	@Test
	void literalCastsPostgresqlAddsAreTheSameDefault() {
		this.database.execute("CREATE TABLE literals (id bigint NOT NULL PRIMARY KEY, "
				+ "letter varchar(10) DEFAULT ('x'::character varying), negative integer DEFAULT '-1'::integer, "
				+ "day date DEFAULT '2020-01-01'::date, half numeric(5,2) DEFAULT 0.5, sum integer DEFAULT (1 + 2), "
				+ "yes boolean DEFAULT true)");

		assertThat(describe(this.database.compare(Defaults.Literals.class))).isEmpty();
	}

	@Test
	void serialIsAnIntegerWithAnOwnedSequenceAndANextvalDefault() {
		this.database.execute("CREATE TABLE serials (id serial PRIMARY KEY, n integer)",
				"CREATE TABLE big_serials (id bigserial PRIMARY KEY)");

		assertThat(describe(this.database.compare(Misc.Serial.class, Misc.BigSerial.class))).isEmpty();
	}

	@Test
	void aSequenceIncrementOfFiftyAgainstOneIsDetectedAndEqualIncrementsDoNotChurn() {
		this.database.execute("CREATE SEQUENCE tickets_seq INCREMENT BY 1",
				"CREATE TABLE tickets (id bigint NOT NULL PRIMARY KEY, title varchar(255))");

		SchemaDiff.Result result = this.database.generateAndApply(Defaults.SequenceId.class);

		assertThat(only(result, AlterSequence.class).incrementBy()).isEqualTo(50);
		assertThat(operations(result)).hasSize(1);
	}

	@Test
	void anEmptyCommentIsNoComment() {
		this.database.execute("CREATE TABLE remarks (id bigint NOT NULL PRIMARY KEY, body varchar(255))",
				"COMMENT ON TABLE remarks IS ''", "COMMENT ON COLUMN remarks.body IS ''");

		assertThat(describe(this.database.compare(Misc.EmptyComments.class))).isEmpty();
		this.database.generateAndApply(Misc.EmptyComments.class);
	}

	@Test
	void aUniqueConstraintOverAnIndexMadeFirstIsStillOneObject() {
		this.database.execute("CREATE TABLE codes (id bigint NOT NULL PRIMARY KEY, code varchar(20))",
				"CREATE UNIQUE INDEX ux_codes_code ON codes (code)",
				"ALTER TABLE codes ADD CONSTRAINT uq_codes_code UNIQUE USING INDEX ux_codes_code");

		assertThat(this.database.table("codes").indexes()).isEmpty();
		assertThat(describe(this.database.compare(Uniqueness.UniqueColumn.class))).isEmpty();
	}

}
