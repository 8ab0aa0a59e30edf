package dev.retort.migration.operation;

import java.util.Objects;

/**
 * Marks a downgrade that cannot be written. Downgrading past the revision that records it
 * fails with the reason before anything runs.
 *
 * @param reason why the change cannot be undone
 */
public record Irreversible(String reason) implements Operation {

	public Irreversible {
		Objects.requireNonNull(reason, "reason");
	}

	@Override
	public String table() {
		return null;
	}

	@Override
	public Operation inverse() {
		throw new IrreversibleOperationException(this.reason);
	}

}
