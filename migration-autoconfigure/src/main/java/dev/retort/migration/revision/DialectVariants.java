package dev.retort.migration.revision;

import java.util.Map;
import java.util.TreeMap;

import dev.retort.migration.operation.Operations;

/**
 * One revision written once per dialect ({@code x.postgresql.sql} and
 * {@code x.sqlite.sql} sharing an id): runs the variant for the dialect being migrated.
 */
final class DialectVariants implements Migration {

	private final Map<String, RevisionScript> variants;

	DialectVariants(Map<String, RevisionScript> variants) {
		this.variants = new TreeMap<>(variants);
	}

	@Override
	public void upgrade(Operations op) {
		RevisionScript variant = this.variants.get(op.dialect());
		if (variant != null) {
			variant.migration().upgrade(op);
		}
	}

	@Override
	public void downgrade(Operations op) {
		RevisionScript variant = this.variants.get(op.dialect());
		if (variant != null) {
			variant.migration().downgrade(op);
		}
	}

	/**
	 * The checksum of the variant for a dialect; that of empty text when none applies.
	 */
	/** The revision written for the named dialect, or {@code null}. */
	RevisionScript variant(String dialect) {
		return this.variants.get(dialect);
	}

	String checksum(String dialect) {
		RevisionScript variant = this.variants.get(dialect);
		return (variant != null) ? variant.contentChecksum() : Checksums.ofText("");
	}

	@Override
	public String toString() {
		return String.join(", ", this.variants.values().stream().map(RevisionScript::source).toList());
	}

}
