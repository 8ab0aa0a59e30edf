package dev.retort.migration.autogenerate.changes;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Every column changes type: varchar(80) to varchar(120), integer to bigint, timestamp to
 * timestamp with time zone, numeric(10,2) to numeric(12,4), and varchar(120) narrowed to
 * varchar(40).
 */
public final class ColumnTypes {

	private ColumnTypes() {
	}

	@Entity
	@Table(name = "readings")
	public static class V1 {

		@Id
		Long id;

		@Column(length = 80)
		String label;

		Integer quantity;

		LocalDateTime takenAt;

		@Column(precision = 10, scale = 2)
		BigDecimal amount;

		@Column(length = 120)
		String code;

	}

	@Entity
	@Table(name = "readings")
	public static class V2 {

		@Id
		Long id;

		@Column(length = 120)
		String label;

		Long quantity;

		OffsetDateTime takenAt;

		@Column(precision = 12, scale = 4)
		BigDecimal amount;

		@Column(length = 40)
		String code;

	}

}
