package dev.retort.migration.autogenerate.cases;

import java.io.Serializable;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Composite keys whose columns Hibernate's own DDL ({@code ddl-auto=create}) orders by
 * size, then name, while the mapping lists them as declared: an {@code @IdClass} of a
 * {@code bigint} and an {@code integer}, a foreign key to it, and a many-to-many join
 * table.
 */
public final class CompositeKeys {

	private CompositeKeys() {
	}

	public record MembershipKey(Long groupId, Integer userId) implements Serializable {

	}

	@Entity(name = "Membership")
	@Table(name = "memberships")
	@IdClass(MembershipKey.class)
	public static class Membership {

		@Id
		Long groupId;

		@Id
		Integer userId;

	}

	@Entity(name = "Grant")
	@Table(name = "grants")
	public static class Grant {

		@Id
		Long id;

		@ManyToOne
		@JoinColumns({ @JoinColumn(name = "membership_group", referencedColumnName = "groupId"),
				@JoinColumn(name = "membership_user", referencedColumnName = "userId") })
		Membership membership;

	}

	@Entity(name = "Label")
	@Table(name = "labels")
	public static class Label {

		@Id
		Integer id;

	}

	@Entity(name = "Article")
	@Table(name = "articles")
	public static class Article {

		@Id
		Long id;

		@ManyToMany
		Set<Label> labels;

	}

}
