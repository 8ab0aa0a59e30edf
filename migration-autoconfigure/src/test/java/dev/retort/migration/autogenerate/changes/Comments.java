package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;

/**
 * Comments: the table's added, {@code colour}'s changed, {@code size}'s removed, and
 * {@code label}'s added.
 */
// @Check and @Comment are the Hibernate annotations users write; JPA 3.2 has replacements
@SuppressWarnings("deprecation")
public final class Comments {

	private Comments() {
	}

	@Entity
	@Table(name = "paints")
	public static class V1 {

		@Id
		Long id;

		@Comment("the colour")
		String colour;

		@Comment("litres")
		Integer size;

		String label;

	}

	@Entity
	@Table(name = "paints")
	@Comment("Paint we sell")
	public static class V2 {

		@Id
		Long id;

		@Comment("RAL code of the colour")
		String colour;

		Integer size;

		@Comment("what the tin says")
		String label;

	}

}
