package dev.retort.migration.autogenerate.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.GeneratedColumn;

/** Serial keys, empty comments, generated columns. */
// @Check and @Comment are the Hibernate annotations users write; JPA 3.2 has replacements
@SuppressWarnings("deprecation")
public final class Misc {

	private Misc() {
	}

	@Entity
	@Table(name = "serials")
	public static class Serial {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Integer id;

		Integer n;

	}

	@Entity
	@Table(name = "big_serials")
	public static class BigSerial {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

	}

	@Entity
	@Table(name = "remarks")
	@Comment("")
	public static class EmptyComments {

		@Id
		Long id;

		@Comment("")
		String body;

	}

	@Entity
	@Table(name = "remarks")
	@Comment("What people said")
	public static class Commented {

		@Id
		Long id;

		@Comment("the words")
		String body;

	}

	@Entity
	@Table(name = "rectangles")
	public static class Generated {

		@Id
		Long id;

		int width;

		int height;

		@GeneratedColumn("width * height")
		@Column(insertable = false, updatable = false)
		Integer area;

	}

	@Entity
	@Table(name = "rectangles")
	public static class Ungenerated {

		@Id
		Long id;

		int width;

		int height;

	}

	/** {@link Ungenerated} with a key SQLite can only add by rebuilding the table. */
	@Entity
	@Table(name = "rectangles",
			uniqueConstraints = @UniqueConstraint(name = "uq_rectangles_size", columnNames = { "width", "height" }))
	public static class UngeneratedUnique {

		@Id
		Long id;

		int width;

		int height;

	}

}
