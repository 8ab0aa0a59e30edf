package dev.retort.migration.autogenerate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks Hibernate writes for enum columns, in the spellings the model, SQLite and
 * PostgreSQL give them: a check that lets in every value the old one did is a value
 * added, which cannot fail on the rows there.
 */
class EnumCheckTests {

	@Test
	void aValueAddedToAStringEnumWidensItsCheckInEverySpelling() {
		String sqlite = "shape in ('CUBE','SLAB')";
		String postgres = "((shape)::text = ANY ((ARRAY['CUBE'::character varying, 'SLAB'::character varying])::text[]))";
		String model = "shape in ('CUBE','SLAB','TUBE')";

		assertThat(EnumCheck.widens(sqlite, model)).isTrue();
		assertThat(EnumCheck.widens(postgres, model)).isTrue();
		assertThat(EnumCheck.widens(model, sqlite)).as("a value taken away").isFalse();
		assertThat(EnumCheck.widens(postgres, "shape in ('CUBE','TUBE')")).as("a value renamed").isFalse();
		assertThat(EnumCheck.widens(sqlite, "kind in ('CUBE','SLAB','TUBE')")).as("another column").isFalse();
	}

	@Test
	void aValueAddedToAnOrdinalEnumWidensItsRange() {
		assertThat(EnumCheck.widens("status between 0 and 2", "status between 0 and 3")).isTrue();
		assertThat(EnumCheck.widens("((status >= 0) AND (status <= 2))", "status between 0 and 3")).isTrue();
		assertThat(EnumCheck.widens("status between 0 and 3", "status between 0 and 2")).isFalse();
		assertThat(EnumCheck.widens("status between 0 and 2", "status in ('A')")).isFalse();
	}

	@Test
	void otherChecksAreNotRead() {
		assertThat(EnumCheck.read("width > 0")).isNull();
		assertThat(EnumCheck.read("shape in ('A') or shape is null")).isNull();
		assertThat(EnumCheck.read("shape in (select code from shapes)")).isNull();
		assertThat(EnumCheck.widens("width > 0", "width >= 0")).isFalse();
	}

}
