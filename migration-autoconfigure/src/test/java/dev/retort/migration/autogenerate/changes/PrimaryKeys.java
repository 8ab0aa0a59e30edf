package dev.retort.migration.autogenerate.changes;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The primary key of {@code prices} grows from {@code (id)} to {@code (id, currency)}.
 */
public final class PrimaryKeys {

	private PrimaryKeys() {
	}

	@Entity
	@Table(name = "prices")
	public static class V1 {

		@Id
		Long id;

		String currency;

		int amount;

	}

	@Entity
	@Table(name = "prices")
	public static class V2 {

		@EmbeddedId
		Key key;

		int amount;

	}

	@Embeddable
	public static class Key implements Serializable {

		private static final long serialVersionUID = 1L;

		Long id;

		String currency;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key that && Objects.equals(this.id, that.id)
					&& Objects.equals(this.currency, that.currency);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.id, this.currency);
		}

	}

}
