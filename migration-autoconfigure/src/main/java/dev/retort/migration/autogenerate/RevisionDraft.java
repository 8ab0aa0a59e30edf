package dev.retort.migration.autogenerate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A revision about to be written as a source file: where it sits in the graph and the
 * steps of each direction. Autogenerate fills the steps from a diff; an empty revision or
 * a merge has none.
 *
 * @param id the new revision's id (12 lowercase hex characters)
 * @param revises its parents: none for a first revision, two or more for a merge
 * @param message what it does, in a few words; also the source of the class name
 * @param branchLabels branch labels to give it, usually none
 * @param created when it was written
 * @param upgrade the steps of {@code upgrade}, in order
 * @param downgrade the steps of {@code downgrade}, in order
 * @param dependsOn revisions (usually on another branch) that must be applied first,
 * usually none
 */
public record RevisionDraft(String id, List<String> revises, String message, List<String> branchLabels, Instant created,
		List<Step> upgrade, List<Step> downgrade, List<String> dependsOn) {

	public RevisionDraft {
		Objects.requireNonNull(id, "id");
		revises = List.copyOf(revises);
		message = (message != null) ? message : "";
		branchLabels = List.copyOf(branchLabels);
		Objects.requireNonNull(created, "created");
		upgrade = List.copyOf(upgrade);
		downgrade = List.copyOf(downgrade);
		dependsOn = List.copyOf(dependsOn);
	}

	/** A draft that depends on no other revision. */
	public RevisionDraft(String id, List<String> revises, String message, List<String> branchLabels, Instant created,
			List<Step> upgrade, List<Step> downgrade) {
		this(id, revises, message, branchLabels, created, upgrade, downgrade, List.of());
	}

	/** Whether neither direction has anything to do. */
	public boolean isEmpty() {
		return this.upgrade.isEmpty() && this.downgrade.isEmpty();
	}

}
