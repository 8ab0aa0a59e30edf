package dev.retort.migration.autogenerate.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Columns whose types a person spells differently from Hibernate. */
public final class Synonyms {

	private Synonyms() {
	}

	@Entity
	@Table(name = "synonyms")
	public static class Spelled {

		@Id
		Long id;

		Integer whole;

		Boolean flag;

		@Column(length = 80)
		String label;

		LocalDateTime stamp;

		Short small;

		Double ratio;

		@Column(precision = 10, scale = 2)
		BigDecimal amount;

	}

}
