package dev.retort.migration.autogenerate.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Unique constraints, unique indexes, and index column order. */
public final class Uniqueness {

	private Uniqueness() {
	}

	@Entity
	@Table(name = "codes")
	public static class UniqueColumn {

		@Id
		Long id;

		@Column(unique = true, length = 20)
		String code;

	}

	@Entity
	@Table(name = "codes")
	public static class PlainColumn {

		@Id
		Long id;

		@Column(length = 20)
		String code;

	}

	/** A unique constraint without a name: Hibernate makes one up from a hash. */
	@Entity
	@Table(name = "pairs", uniqueConstraints = @UniqueConstraint(columnNames = { "a", "b" }))
	public static class UnnamedPair {

		@Id
		Long id;

		@Column(length = 20)
		String a;

		@Column(length = 20)
		String b;

	}

	@Entity
	@Table(name = "pairs", indexes = @Index(name = "ix_pairs_a_b", columnList = "b, a"))
	public static class IndexBA {

		@Id
		Long id;

		@Column(length = 20)
		String a;

		@Column(length = 20)
		String b;

	}

	@Entity
	@Table(name = "pairs", indexes = @Index(name = "ux_pairs_a_b", columnList = "a, b", unique = true))
	public static class UniqueIndexAB {

		@Id
		Long id;

		@Column(length = 20)
		String a;

		@Column(length = 20)
		String b;

	}

	@Entity
	@Table(name = "pairs", indexes = @Index(name = "ix_pairs_a_b", columnList = "a, b"))
	public static class IndexAB {

		@Id
		Long id;

		@Column(length = 20)
		String a;

		@Column(length = 20)
		String b;

	}

	/** An index whose second column sorts descending: the newest first per name. */
	@Entity
	@Table(name = "pairs", indexes = @Index(name = "ix_pairs_a_b", columnList = "a, b DESC"))
	public static class IndexABDescending {

		@Id
		Long id;

		@Column(length = 20)
		String a;

		@Column(length = 20)
		String b;

	}

}
