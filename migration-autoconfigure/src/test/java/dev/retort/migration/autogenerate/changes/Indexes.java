package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * {@code ix_events_kind_day} changes column order, {@code ix_events_source} is dropped
 * and {@code ix_events_day} added.
 */
public final class Indexes {

	private Indexes() {
	}

	@Entity
	@Table(name = "events", indexes = { @Index(name = "ix_events_kind_day", columnList = "kind, day"),
			@Index(name = "ix_events_source", columnList = "source") })
	public static class V1 {

		@Id
		Long id;

		String kind;

		Integer day;

		String source;

	}

	@Entity
	@Table(name = "events", indexes = { @Index(name = "ix_events_kind_day", columnList = "day, kind"),
			@Index(name = "ix_events_day", columnList = "day") })
	public static class V2 {

		@Id
		Long id;

		String kind;

		Integer day;

		String source;

	}

}
