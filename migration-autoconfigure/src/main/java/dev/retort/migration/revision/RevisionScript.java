package dev.retort.migration.revision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One revision as found on the classpath or filesystem: a Java {@link Migration} class or
 * an SQL file. It knows its place in the graph, where it came from, and how to run
 * itself.
 *
 * @param id the revision id
 * @param parents the ids it revises (empty for a base, several for a merge)
 * @param branchLabels its branch labels
 * @param dependsOn ids that must be applied first without being parents
 * @param message what it does
 * @param created when it was created, or {@code null}
 * @param transactional whether it runs inside one transaction
 * @param dialects the dialects it applies to; empty for all
 * @param source where it came from: a class name or a resource description, for errors
 * @param kind whether it is Java or SQL
 * @param migration what it does, in both directions
 */
public record RevisionScript(String id, List<String> parents, Set<String> branchLabels, List<String> dependsOn,
		String message, Instant created, boolean transactional, Set<String> dialects, String source, Kind kind,
		Migration migration) {

	public RevisionScript {
		Objects.requireNonNull(id, "id");
		parents = List.copyOf(parents);
		branchLabels = Set.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
		dialects = Set.copyOf(dialects);
		message = (message != null) ? message : "";
	}

	public boolean isBase() {
		return this.parents.isEmpty();
	}

	public boolean isMerge() {
		return this.parents.size() > 1;
	}

	/** Whether this revision applies to the named dialect. */
	public boolean appliesTo(String dialect) {
		return this.dialects.isEmpty() || this.dialects.contains(dialect);
	}

	/**
	 * For an SQL file, the digest of its normalised text (computed when first asked for);
	 * {@code null} for Java revisions, whose checksum depends on the operations they
	 * record per dialect, and for SQL written once per dialect.
	 */
	public String contentChecksum() {
		return (this.migration instanceof SqlMigration sql) ? sql.checksum() : null;
	}

	/**
	 * The checksum recorded when this revision is applied to the named dialect: for SQL
	 * the digest of its normalised text, for Java the digest of the operations it records
	 * offline.
	 */
	public String checksum(String dialect) {
		return Checksums.of(this, dialect);
	}

	/**
	 * Why this revision's downgrade cannot run on the named dialect: the reason of an
	 * {@code op.irreversible(…)} it records (offline, so recording stops at a
	 * {@code jdbc()} call), or empty.
	 */
	public Optional<String> irreversibleReason(String dialect) {
		if (this.migration == null) {
			return Optional.empty();
		}
		return RecordedOperations.downgrade(this.migration, dialect).irreversibleReason();
	}

	/**
	 * Where one of this revision's statements is written, for an error about it: for an
	 * SQL file {@code source:line}, the line its statement starts on in the section of
	 * that direction; otherwise, or when the file has that statement more than once or
	 * not at all (Java revisions render their operations), the {@link #source() source}.
	 * @param statement the statement as it ran
	 * @param direction the section it ran from
	 * @param dialect the database it ran on, which picks the file of SQL written per
	 * dialect
	 * @return the source, with the statement's line when it is known
	 */
	public String sourceOf(String statement, Direction direction, String dialect) {
		Migration written = this.migration;
		String file = this.source;
		if (written instanceof DialectVariants variants) {
			RevisionScript variant = variants.variant(dialect);
			if (variant == null) {
				return this.source;
			}
			written = variant.migration();
			file = variant.source();
		}
		if (statement == null || !(written instanceof SqlMigration sql)) {
			return file;
		}
		int line = sql.lineOf(statement, direction);
		return (line > 0) ? file + ":" + line : file;
	}

	/** The first 12 characters of the id, for logs. */
	public String shortId() {
		return (this.id.length() > 12) ? this.id.substring(0, 12) : this.id;
	}

	@Override
	public String toString() {
		return describe(this.id);
	}

	/**
	 * The given form of the id followed by the message in parentheses, when there is one.
	 */
	public String describe(String shownId) {
		return this.message.isBlank() ? shownId : shownId + " (" + this.message + ")";
	}

	/** The two forms a revision can take. */
	public enum Kind {

		JAVA, SQL

	}

}
