package dev.retort.migration.autogenerate.cases;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Type changes the other tools miss, one column each. */
public final class TypeChanges {

	private TypeChanges() {
	}

	@Entity
	@Table(name = "counters")
	public static class Int4 {

		@Id
		Long id;

		Integer hits;

	}

	@Entity
	@Table(name = "counters")
	public static class Int8 {

		@Id
		Long id;

		Long hits;

	}

	@Entity
	@Table(name = "labels")
	public static class Bounded {

		@Id
		Long id;

		@Column(length = 80)
		String text;

	}

	@Entity
	@Table(name = "labels")
	public static class Unbounded {

		@Id
		Long id;

		@Column(columnDefinition = "varchar")
		String text;

	}

	@Entity
	@Table(name = "moments")
	public static class Local {

		@Id
		Long id;

		LocalDateTime at;

	}

	@Entity
	@Table(name = "moments")
	public static class Zoned {

		@Id
		Long id;

		OffsetDateTime at;

	}

	@Entity
	@Table(name = "moments")
	public static class Millis {

		@Id
		Long id;

		@Column(secondPrecision = 3)
		LocalDateTime at;

	}

	@Entity
	@Table(name = "fingerprints")
	public static class Definition {

		@Id
		Long id;

		@Column(columnDefinition = "char(32)")
		String digest;

	}

	@Entity
	@Table(name = "fingerprints")
	public static class DefinitionWithDefault {

		@Id
		Long id;

		@Column(columnDefinition = "varchar(20) default 'new' not null")
		String state;

	}

}
