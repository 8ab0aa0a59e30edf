package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Index;

/**
 * Create an index.
 *
 * @param index the index
 * @param concurrently build it without locking writes (PostgreSQL); makes the revision
 * non-transactional
 */
public record CreateIndex(Index index, boolean concurrently) implements Operation {

	public CreateIndex {
		Objects.requireNonNull(index, "index");
	}

	@Override
	public String table() {
		return this.index.table();
	}

	@Override
	public boolean requiresNoTransaction() {
		return this.concurrently;
	}

	@Override
	public Operation inverse() {
		return new DropIndex(this.index.name(), this.index.table(), this.index, this.concurrently);
	}

}
