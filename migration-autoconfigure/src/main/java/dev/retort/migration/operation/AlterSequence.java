package dev.retort.migration.operation;

import java.util.Objects;

import dev.retort.migration.schema.Sequence;

/**
 * Change a sequence's increment (PostgreSQL).
 *
 * @param name the sequence's name
 * @param incrementBy the new increment
 * @param existing the sequence as it is before the change, needed for the inverse, or
 * {@code null}
 */
public record AlterSequence(String name, long incrementBy, Sequence existing) implements Operation {

	public AlterSequence {
		Objects.requireNonNull(name, "name");
		if (incrementBy == 0) {
			throw new IllegalArgumentException("Sequence " + name + " needs a non-zero increment");
		}
	}

	@Override
	public String table() {
		return null;
	}

	@Override
	public Operation inverse() {
		if (this.existing == null) {
			throw new IrreversibleOperationException("alterSequence(\"" + this.name
					+ "\") cannot be reversed: the previous increment is unknown. Pass the sequence as it was.");
		}
		return new AlterSequence(this.name, this.existing.incrementBy(),
				new Sequence(this.name, this.existing.startWith(), this.incrementBy));
	}

}
