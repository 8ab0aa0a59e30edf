package dev.retort.migration.autogenerate.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * No {@code @Table} and no {@code @Column}: every name comes from the naming strategy (a
 * class of its own, since a nested class's implicit table name holds its outer class's).
 */
@Entity
public class ShipmentLabel {

	@Id
	Long id;

	String trackingCode;

	Integer parcelCount;

}
