package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Index;

/**
 * Drop an index.
 *
 * @param name the index name
 * @param table the indexed table
 * @param definition the index, needed to recreate it, or {@code null}
 * @param concurrently drop it without locking writes (PostgreSQL)
 */
public record DropIndex(String name, String table, Index definition, boolean concurrently) implements Operation {

	public DropIndex {
		Objects.requireNonNull(name, "name");
	}

	@Override
	public boolean requiresNoTransaction() {
		return this.concurrently;
	}

	@Override
	public Operation inverse() {
		if (this.definition == null) {
			throw new IrreversibleOperationException("dropIndex(\"" + this.name
					+ "\") cannot be reversed: the index definition is unknown. Write the createIndex in downgrade() yourself.");
		}
		return new CreateIndex(this.definition, this.concurrently);
	}

}
