package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/**
 * A server default added ({@code priority}), changed ({@code state}), removed
 * ({@code source}).
 */
public final class ServerDefaults {

	private ServerDefaults() {
	}

	@Entity
	@Table(name = "tickets")
	public static class V1 {

		@Id
		Long id;

		Integer priority;

		@ColumnDefault("'open'")
		@Column(length = 20)
		String state;

		@ColumnDefault("'web'")
		@Column(length = 20)
		String source;

	}

	@Entity
	@Table(name = "tickets")
	public static class V2 {

		@Id
		Long id;

		@ColumnDefault("3")
		Integer priority;

		@ColumnDefault("'new'")
		@Column(length = 20)
		String state;

		@Column(length = 20)
		String source;

	}

}
