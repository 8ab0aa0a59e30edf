package dev.retort.migration.autogenerate.portable;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity with the id a plain {@code @GeneratedValue} gives: a sequence where the
 * database has them, a one-row table on SQLite, so not one of the portable entities.
 */
@Entity
@Table(name = "invoices")
public class Invoice {

	@Id
	@GeneratedValue
	Long id;

	@Column(precision = 10, scale = 2)
	BigDecimal total;

}
