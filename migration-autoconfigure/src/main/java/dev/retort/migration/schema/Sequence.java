package dev.retort.migration.schema;

import java.util.Objects;

/**
 * A database sequence, as PostgreSQL has them (SQLite has none).
 *
 * @param name the sequence name
 * @param startWith the first value it hands out
 * @param incrementBy the step between values (Hibernate allocates 50 by default)
 */
public record Sequence(String name, long startWith, long incrementBy) {

	public Sequence {
		Objects.requireNonNull(name, "name");
		if (incrementBy == 0) {
			throw new IllegalArgumentException("Sequence " + name + " needs a non-zero increment");
		}
	}

	/** A sequence starting at 1 that steps by {@code incrementBy}. */
	public static Sequence of(String name, long incrementBy) {
		return new Sequence(name, 1, incrementBy);
	}

}
