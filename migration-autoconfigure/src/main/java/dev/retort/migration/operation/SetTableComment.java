package dev.retort.migration.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * Set or remove a table's comment.
 *
 * @param table the table
 * @param comment the new comment, or {@code null} to remove it
 * @param existing the previous comment ({@code Optional.empty()} for none), or
 * {@code null} when unknown
 */
public record SetTableComment(String table, String comment, Optional<String> existing) implements Operation {

	public SetTableComment {
		Objects.requireNonNull(table, "table");
	}

	@Override
	public Operation inverse() {
		if (this.existing == null) {
			throw new IrreversibleOperationException(
					"The comment change on " + this.table + " cannot be reversed: the previous comment is unknown.");
		}
		return new SetTableComment(this.table, this.existing.orElse(null), Optional.ofNullable(this.comment));
	}

}
