package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table added and one dropped: {@code kept_things} stays throughout. */
public final class Tables {

	private Tables() {
	}

	@Entity
	@Table(name = "kept_things")
	public static class Kept {

		@Id
		Long id;

		String name;

	}

	@Entity
	@Table(name = "gone_things")
	public static class Gone {

		@Id
		Long id;

		String name;

	}

	@Entity
	@Table(name = "added_things")
	public static class Added {

		@Id
		Long id;

		int size;

	}

}
