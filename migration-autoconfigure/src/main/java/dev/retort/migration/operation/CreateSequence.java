package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Sequence;

/**
 * Create a sequence (PostgreSQL).
 *
 * @param sequence the sequence to create
 */
public record CreateSequence(Sequence sequence) implements Operation {

	public CreateSequence {
		Objects.requireNonNull(sequence, "sequence");
	}

	@Override
	public String table() {
		return null;
	}

	@Override
	public Operation inverse() {
		return new DropSequence(this.sequence.name(), this.sequence);
	}

}
