package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Unique constraints added: {@code @Column(unique = true)} on {@code email}, and
 * {@code @Table(uniqueConstraints)} on {@code (team, handle)}.
 */
public final class Uniques {

	private Uniques() {
	}

	@Entity
	@Table(name = "accounts")
	public static class V1 {

		@Id
		Long id;

		String email;

		String team;

		String handle;

	}

	@Entity
	@Table(name = "accounts",
			uniqueConstraints = @UniqueConstraint(name = "uq_accounts_team_handle", columnNames = { "team", "handle" }))
	public static class V2 {

		@Id
		Long id;

		@Column(unique = true)
		String email;

		String team;

		String handle;

	}

}
