package dev.retort.migration.autogenerate.changes;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Shipments that point at a warehouse bin by its two-column key: first two plain columns
 * ({@link Unlinked}), then a composite foreign key over both ({@link Linked}).
 */
public final class CompositeForeignKeys {

	private CompositeForeignKeys() {
	}

	@Entity
	@Table(name = "bins")
	public static class Bin {

		@EmbeddedId
		Key key;

		String label;

	}

	@Embeddable
	public static class Key implements Serializable {

		private static final long serialVersionUID = 1L;

		@Column(name = "aisle")
		Integer aisle;

		@Column(name = "shelf")
		Integer shelf;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key that && Objects.equals(this.aisle, that.aisle)
					&& Objects.equals(this.shelf, that.shelf);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.aisle, this.shelf);
		}

	}

	@Entity
	@Table(name = "shipments")
	public static class Unlinked {

		@Id
		Long id;

		@Column(name = "bin_aisle")
		Integer binAisle;

		@Column(name = "bin_shelf")
		Integer binShelf;

	}

	@Entity
	@Table(name = "shipments")
	public static class Linked {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumns({ @JoinColumn(name = "bin_aisle", referencedColumnName = "aisle"),
				@JoinColumn(name = "bin_shelf", referencedColumnName = "shelf") })
		Bin bin;

	}

}
