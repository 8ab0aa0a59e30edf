package dev.retort.migration.revision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validated graph of revisions: heads, bases, branch points and merges, target
 * resolution with Alembic's syntax, and the plans that move a database between revisions.
 * (API fixed; implementation in progress.)
 */
public final class RevisionGraph {

	private RevisionGraph() {
	}

	/**
	 * Discovers revisions under the given locations ({@code classpath:db/migrations},
	 * {@code filesystem:/path}, or a plain directory path), Java and SQL mixed, and
	 * validates the graph they form.
	 */
	public static RevisionGraph load(List<String> locations, ClassLoader classLoader) {
		throw new UnsupportedOperationException("pending");
	}

	/** Validates and builds a graph from revisions already loaded. */
	public static RevisionGraph of(Collection<RevisionScript> revisions) {
		throw new UnsupportedOperationException("pending");
	}

	/** Every revision, parents before children (the order upgrades run in). */
	public List<RevisionScript> revisions() {
		throw new UnsupportedOperationException("pending");
	}

	public Optional<RevisionScript> find(String id) {
		throw new UnsupportedOperationException("pending");
	}

	/**
	 * The revision with this id or unique id prefix; an error naming the choices
	 * otherwise.
	 */
	public RevisionScript get(String idOrPrefix) {
		throw new UnsupportedOperationException("pending");
	}

	/** Revisions that no other revision revises. */
	public Set<String> heads() {
		throw new UnsupportedOperationException("pending");
	}

	/** Revisions with no parent. */
	public Set<String> bases() {
		throw new UnsupportedOperationException("pending");
	}

	/** Revisions with more than one child. */
	public Set<String> branchPoints() {
		throw new UnsupportedOperationException("pending");
	}

	/** Revisions with more than one parent. */
	public Set<String> merges() {
		throw new UnsupportedOperationException("pending");
	}

	/**
	 * All revisions applied when the version table holds {@code heads}: the heads and
	 * their ancestors.
	 */
	public Set<String> applied(Set<String> heads) {
		throw new UnsupportedOperationException("pending");
	}

	/**
	 * Resolves a target ({@code heads}, {@code a1b2@head}, {@code -1}…) against the
	 * current heads.
	 */
	public Set<String> resolve(String target, Set<String> currentHeads) {
		throw new UnsupportedOperationException("pending");
	}

	/** The steps that upgrade from {@code currentHeads} to {@code target}. */
	public MigrationPlan planUpgrade(Set<String> currentHeads, String target) {
		throw new UnsupportedOperationException("pending");
	}

	/** The steps that downgrade from {@code currentHeads} to {@code target}. */
	public MigrationPlan planDowngrade(Set<String> currentHeads, String target) {
		throw new UnsupportedOperationException("pending");
	}

	/** The version-table rows a stamp to {@code target} leaves. */
	public Set<String> stampHeads(Set<String> currentHeads, String target, boolean purge) {
		throw new UnsupportedOperationException("pending");
	}

}
