package dev.retort.migration.autogenerate.changes;

import dev.retort.migration.autogenerate.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A renamed table and columns that other objects refer to: an index and a unique
 * constraint on {@code body}, the check Hibernate writes for the enum column
 * {@code kind}, and a foreign key from {@code pins} to the table.
 */
public final class RenamesWithReferences {

	private RenamesWithReferences() {
	}

	public enum Kind {

		IDEA, TODO

	}

	@Entity
	@Table(name = "old_notes", indexes = @Index(name = "ix_notes_body", columnList = "body"),
			uniqueConstraints = @UniqueConstraint(name = "uq_notes_body_code", columnNames = { "body", "code" }))
	public static class NoteV1 {

		@Id
		Long id;

		String body;

		@Column(length = 10)
		String code;

		@Enumerated(EnumType.STRING)
		@Column(length = 10)
		Kind kind;

	}

	@Entity
	@Table(name = "pins")
	public static class PinV1 {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "note_id")
		NoteV1 note;

	}

	@Entity
	@Table(name = "notes", indexes = @Index(name = "ix_notes_body", columnList = "text"),
			uniqueConstraints = @UniqueConstraint(name = "uq_notes_body_code", columnNames = { "text", "code" }))
	@RenamedFrom("old_notes")
	public static class NoteV2 {

		@Id
		Long id;

		@RenamedFrom("body")
		String text;

		@Column(length = 10)
		String code;

		@RenamedFrom("kind")
		@Enumerated(EnumType.STRING)
		@Column(length = 10)
		Kind category;

	}

	@Entity
	@Table(name = "pins")
	public static class PinV2 {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "note_id")
		NoteV2 note;

	}

}
