package dev.retort.migration.autogenerate.changes;

import dev.retort.migration.autogenerate.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A renamed table and column that other objects refer to: an index and a unique
 * constraint on the column, and a foreign key from {@code pins} to the table.
 */
public final class RenamesWithReferences {

	private RenamesWithReferences() {
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
