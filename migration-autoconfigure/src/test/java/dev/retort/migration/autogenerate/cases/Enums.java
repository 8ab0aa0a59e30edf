package dev.retort.migration.autogenerate.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Checks Hibernate writes for enums, a check whose expression changes, named enums. */
// @Check and @Comment are the Hibernate annotations users write; JPA 3.2 has replacements
@SuppressWarnings("deprecation")
public final class Enums {

	private Enums() {
	}

	public enum Mood {

		CALM, ANGRY

	}

	public enum MoreMood {

		CALM, ANGRY, BORED

	}

	@Entity
	@Table(name = "people")
	public static class Person {

		@Id
		Long id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false, length = 10)
		Mood mood;

	}

	@Entity
	@Table(name = "people")
	public static class MoodierPerson {

		@Id
		Long id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false, length = 10)
		MoreMood mood;

	}

	@Entity
	@Table(name = "boxes")
	public static class UncheckedBox {

		@Id
		Long id;

		int width;

	}

	@Entity
	@Table(name = "boxes")
	@Check(name = "ck_boxes_width", constraints = "width > 0")
	public static class Box {

		@Id
		Long id;

		int width;

	}

	@Entity
	@Table(name = "boxes")
	@Check(name = "ck_boxes_width", constraints = "width > 1")
	public static class WiderBox {

		@Id
		Long id;

		int width;

	}

	@Entity
	@Table(name = "people")
	public static class NamedEnumPerson {

		@Id
		Long id;

		@Enumerated(EnumType.STRING)
		@JdbcTypeCode(SqlTypes.NAMED_ENUM)
		Mood mood;

	}

	/**
	 * The same enum, named alike (its database type is named after it), a value later.
	 */
	public static final class Later {

		private Later() {
		}

		public enum Mood {

			CALM, ANGRY, BORED

		}

		@Entity
		@Table(name = "people")
		public static class NamedEnumPerson {

			@Id
			Long id;

			@Enumerated(EnumType.STRING)
			@JdbcTypeCode(SqlTypes.NAMED_ENUM)
			Mood mood;

		}

	}

}
