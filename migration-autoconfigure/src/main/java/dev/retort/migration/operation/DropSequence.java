package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Sequence;

/**
 * Drop a sequence (PostgreSQL).
 *
 * @param name the sequence's name
 * @param definition the sequence, needed to create it again, or {@code null}
 */
public record DropSequence(String name, Sequence definition) implements Operation {

	public DropSequence {
		Objects.requireNonNull(name, "name");
	}

	@Override
	public String table() {
		return null;
	}

	@Override
	public Operation inverse() {
		if (this.definition == null) {
			throw new IrreversibleOperationException("dropSequence(\"" + this.name
					+ "\") cannot be reversed: its definition is unknown. Pass it: dropSequence(Sequence.of(\""
					+ this.name + "\", …)).");
		}
		return new CreateSequence(this.definition);
	}

}
