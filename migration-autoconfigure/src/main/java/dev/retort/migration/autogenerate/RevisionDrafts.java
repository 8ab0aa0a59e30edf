package dev.retort.migration.autogenerate;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Drafts of the revisions that need no diff: an empty one to fill in
 * ({@code migrate revision}) and a merge of heads ({@code migrate merge}), and the ids
 * new revisions get.
 */
public final class RevisionDrafts {

	private static final int ID_BYTES = 6;

	private static final int MAX_ATTEMPTS = 1000;

	private final RandomGenerator random;

	private final Instant now;

	/** Drafts with random ids, created now. */
	public RevisionDrafts() {
		this(new SecureRandom(), Instant.now());
	}

	/**
	 * Drafts with ids from {@code random}, created at {@code now} (to the second).
	 */
	public RevisionDrafts(RandomGenerator random, Instant now) {
		this.random = random;
		this.now = now.truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * A new revision id: 12 random lowercase hex characters that {@code taken} does not
	 * hold.
	 */
	public String newId(Predicate<String> taken) {
		byte[] bytes = new byte[ID_BYTES];
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			this.random.nextBytes(bytes);
			String id = HexFormat.of().formatHex(bytes);
			if (!taken.test(id)) {
				return id;
			}
		}
		throw new IllegalStateException("No free revision id after " + MAX_ATTEMPTS + " attempts");
	}

	/**
	 * A revision to fill in: upgrade and downgrade hold only a comment saying what to
	 * write there.
	 * @param id its id
	 * @param revises its parents: the current head, or none for a first revision
	 * @param message what it will do
	 * @param branchLabels branch labels to give it
	 * @param dependsOn revisions that must be applied before it
	 */
	public RevisionDraft empty(String id, List<String> revises, String message, List<String> branchLabels,
			List<String> dependsOn) {
		return new RevisionDraft(id, revises, message, branchLabels, this.now,
				List.of(Step.todo("write the changes this revision makes")),
				List.of(Step.todo("undo the upgrade, last change first, or declare it irreversible")), dependsOn);
	}

	/**
	 * A merge revision: it revises every given head and does nothing itself.
	 * @param id its id
	 * @param heads the heads it joins, two or more
	 * @param message what it merges
	 * @param branchLabels branch labels to give it
	 */
	public RevisionDraft merge(String id, List<String> heads, String message, List<String> branchLabels) {
		if (Set.copyOf(heads).size() < 2) {
			throw new IllegalArgumentException("A merge joins two or more heads, got " + heads);
		}
		return new RevisionDraft(id, heads, message, branchLabels, this.now, List.of(), List.of(), List.of());
	}

	/** When the drafts are created. */
	public Instant now() {
		return this.now;
	}

}
