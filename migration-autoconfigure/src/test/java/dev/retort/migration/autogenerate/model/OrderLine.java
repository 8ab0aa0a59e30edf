package dev.retort.migration.autogenerate.model;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_lines")
public class OrderLine {

	@EmbeddedId
	Key key;

	int quantity;

	@Embeddable
	public static class Key implements Serializable {

		private static final long serialVersionUID = 1L;

		long orderId;

		int lineNumber;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key that && this.orderId == that.orderId && this.lineNumber == that.lineNumber;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.orderId, this.lineNumber);
		}

	}

}
