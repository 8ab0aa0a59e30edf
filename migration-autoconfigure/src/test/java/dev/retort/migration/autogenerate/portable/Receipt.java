package dev.retort.migration.autogenerate.portable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An entity whose id sequence has its own name, start and increment. */
@Entity
@Table(name = "receipts")
public class Receipt {

	@Id
	@GeneratedValue(generator = "receipt_numbers")
	@SequenceGenerator(name = "receipt_numbers", sequenceName = "receipt_numbers", initialValue = 100,
			allocationSize = 1)
	Long id;

	String note;

}
