package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code legacy_code} dropped and {@code archived} added. */
public final class Columns {

	private Columns() {
	}

	@Entity
	@Table(name = "items")
	public static class V1 {

		@Id
		Long id;

		String name;

		Integer legacyCode;

	}

	@Entity
	@Table(name = "items")
	public static class V2 {

		@Id
		Long id;

		String name;

		Boolean archived;

	}

}
