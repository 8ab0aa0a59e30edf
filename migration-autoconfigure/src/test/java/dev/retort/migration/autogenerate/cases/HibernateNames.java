package dev.retort.migration.autogenerate.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Constraint and index names as Hibernate makes them ({@code FK…}, {@code UK…}) or an
 * application writes them in mixed case.
 */
public final class HibernateNames {

	private HibernateNames() {
	}

	@Entity
	@Table(name = "buyers", uniqueConstraints = @UniqueConstraint(columnNames = "email"))
	public static class Buyer {

		@Id
		Long id;

		String email;

	}

	@Entity
	@Table(name = "purchases", indexes = @Index(name = "IX_Purchases_Placed", columnList = "placed"))
	public static class Purchase {

		@Id
		Long id;

		Long placed;

		@ManyToOne
		Buyer buyer;

	}

}
