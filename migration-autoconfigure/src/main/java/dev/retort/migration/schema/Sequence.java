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

	/**
	 * Hibernate's increment where the mapping gives none (JPA's {@code allocationSize}).
	 */
	public static final long DEFAULT_INCREMENT = 50;

	/**
	 * The column of the one-row table Hibernate keeps a sequence in where the database
	 * has no sequences (SQLite; Hibernate's {@code TableStructure}).
	 */
	public static final String TABLE_VALUE_COLUMN = "next_val";

	/** Whether a table has the shape of the one-row table a sequence is kept in. */
	public static boolean isKeptIn(Table table) {
		return table.columns().size() == 1 && table.columns().get(0).name().equalsIgnoreCase(TABLE_VALUE_COLUMN)
				&& table.primaryKey() == null && table.indexes().isEmpty() && table.foreignKeys().isEmpty();
	}

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
