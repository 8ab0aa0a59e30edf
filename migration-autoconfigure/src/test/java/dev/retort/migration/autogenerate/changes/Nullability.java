package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code nickname} becomes NOT NULL, {@code title} becomes nullable. */
public final class Nullability {

	private Nullability() {
	}

	@Entity
	@Table(name = "people")
	public static class V1 {

		@Id
		Long id;

		String nickname;

		@Column(nullable = false)
		String title;

	}

	@Entity
	@Table(name = "people")
	public static class V2 {

		@Id
		Long id;

		@Column(nullable = false)
		String nickname;

		String title;

	}

}
