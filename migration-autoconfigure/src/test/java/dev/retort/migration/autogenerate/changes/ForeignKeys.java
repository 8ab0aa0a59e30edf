package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * Comments that belong to posts: first a plain {@code post_id} column ({@link Unlinked}),
 * then a foreign key to {@code posts} ({@link Linked}), then the same key with
 * {@code ON DELETE CASCADE} ({@link Cascading}).
 */
public final class ForeignKeys {

	private ForeignKeys() {
	}

	@Entity
	@Table(name = "posts")
	public static class Post {

		@Id
		Long id;

		String title;

	}

	@Entity
	@Table(name = "remarks")
	public static class Unlinked {

		@Id
		Long id;

		@Column(name = "post_id")
		Long postId;

	}

	@Entity
	@Table(name = "remarks")
	public static class Linked {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "post_id")
		Post post;

	}

	@Entity
	@Table(name = "remarks")
	public static class Cascading {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "post_id")
		@OnDelete(action = OnDeleteAction.CASCADE)
		Post post;

	}

}
