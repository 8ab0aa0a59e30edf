package dev.retort.migration.autogenerate.changes;

import dev.retort.migration.autogenerate.RenamedFrom;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@code old_notes.body} becomes {@code notes.text} with {@link RenamedFrom} on both
 * ({@link Declared}); {@code old_notes.body} becomes {@code old_notes.text} without it
 * ({@link Undeclared}).
 */
public final class Renames {

	private Renames() {
	}

	@Entity
	@Table(name = "old_notes")
	public static class V1 {

		@Id
		Long id;

		String body;

	}

	@Entity
	@Table(name = "notes")
	@RenamedFrom("old_notes")
	public static class Declared {

		@Id
		Long id;

		@RenamedFrom("body")
		String text;

	}

	@Entity
	@Table(name = "old_notes")
	public static class Undeclared {

		@Id
		Long id;

		String text;

	}

}
