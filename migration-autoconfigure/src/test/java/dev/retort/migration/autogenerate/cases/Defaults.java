package dev.retort.migration.autogenerate.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/** Server defaults in the spellings databases rewrite. */
public final class Defaults {

	private Defaults() {
	}

	@Entity
	@Table(name = "literals")
	public static class Literals {

		@Id
		Long id;

		@ColumnDefault("'x'")
		@Column(length = 10)
		String letter;

		@ColumnDefault("-1")
		Integer negative;

		@ColumnDefault("'2020-01-01'")
		LocalDate day;

		@ColumnDefault("0.5")
		@Column(precision = 5, scale = 2)
		BigDecimal half;

		@ColumnDefault("(1 + 2)")
		Integer sum;

		@ColumnDefault("true")
		Boolean yes;

	}

	@Entity
	@Table(name = "stamps")
	public static class PostgresVolatile {

		@Id
		Long id;

		@ColumnDefault("gen_random_uuid()")
		UUID token;

		@ColumnDefault("now()")
		OffsetDateTime createdAt;

		@ColumnDefault("CURRENT_TIMESTAMP")
		OffsetDateTime seenAt;

	}

	@Entity
	@Table(name = "stamps")
	public static class PostgresVolatileChanged {

		@Id
		Long id;

		@ColumnDefault("gen_random_uuid()")
		UUID token;

		@ColumnDefault("clock_timestamp()")
		OffsetDateTime createdAt;

		@ColumnDefault("CURRENT_TIMESTAMP")
		OffsetDateTime seenAt;

	}

	@Entity
	@Table(name = "stamps")
	public static class SqliteVolatile {

		@Id
		Long id;

		@ColumnDefault("(lower(hex(randomblob(16))))")
		@Column(length = 32)
		String token;

		@ColumnDefault("(datetime('now'))")
		@Column(length = 32)
		String createdAt;

		@ColumnDefault("CURRENT_TIMESTAMP")
		@Column(length = 32)
		String seenAt;

	}

	@Entity
	@Table(name = "stamps")
	public static class SqliteVolatileChanged {

		@Id
		Long id;

		@ColumnDefault("(lower(hex(randomblob(16))))")
		@Column(length = 32)
		String token;

		@ColumnDefault("(datetime('now', 'localtime'))")
		@Column(length = 32)
		String createdAt;

		@ColumnDefault("CURRENT_TIMESTAMP")
		@Column(length = 32)
		String seenAt;

	}

	@Entity
	@Table(name = "tickets")
	public static class SequenceId {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		Long id;

		String title;

	}

	/** A default that names the id's sequence, the way a person writes it. */
	@Entity
	@Table(name = "tickets")
	public static class NextvalDefault {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
		@SequenceGenerator(name = "tickets", sequenceName = "tickets_seq", allocationSize = 1)
		Long id;

		@ColumnDefault("nextval('tickets_seq')")
		Long number;

	}

	@Entity
	@Table(name = "tickets")
	public static class StateOpen {

		@Id
		Long id;

		@ColumnDefault("'open'")
		@Column(length = 10)
		String state;

	}

	@Entity
	@Table(name = "tickets")
	public static class StateNewAndLonger {

		@Id
		Long id;

		@ColumnDefault("'new'")
		@Column(length = 20)
		String state;

	}

}
