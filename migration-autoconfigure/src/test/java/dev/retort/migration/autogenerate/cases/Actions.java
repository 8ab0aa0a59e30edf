package dev.retort.migration.autogenerate.cases;

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
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** Foreign keys with and without an {@code ON DELETE} action, single and composite. */
public final class Actions {

	private Actions() {
	}

	@Entity
	@Table(name = "posts")
	public static class Post {

		@Id
		Long id;

	}

	@Entity
	@Table(name = "remarks")
	public static class Remark {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "post_id")
		Post post;

	}

	@Entity
	@Table(name = "remarks")
	public static class CascadingRemark {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "post_id")
		@OnDelete(action = OnDeleteAction.CASCADE)
		Post post;

	}

	@Entity
	@Table(name = "bins")
	public static class Bin {

		@EmbeddedId
		Key key;

	}

	@Embeddable
	public static class Key implements Serializable {

		private static final long serialVersionUID = 1L;

		Integer aisle;

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
	public static class Shipment {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumns({ @JoinColumn(name = "bin_aisle", referencedColumnName = "aisle"),
				@JoinColumn(name = "bin_shelf", referencedColumnName = "shelf") })
		Bin bin;

	}

	@Entity
	@Table(name = "shipments")
	public static class CascadingShipment {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumns({ @JoinColumn(name = "bin_aisle", referencedColumnName = "aisle"),
				@JoinColumn(name = "bin_shelf", referencedColumnName = "shelf") })
		@OnDelete(action = OnDeleteAction.CASCADE)
		Bin bin;

	}

	/** A shipment that points at bins by {@code (bin_shelf, bin_aisle)} crosswise. */
	@Entity
	@Table(name = "shipments")
	public static class CrosswiseShipment {

		@Id
		Long id;

		@Column(name = "bin_aisle")
		Integer binAisle;

		@Column(name = "bin_shelf")
		Integer binShelf;

	}

}
