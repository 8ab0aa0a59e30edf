package dev.retort.migration.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;

/**
 * Sequences: created, dropped, and their increment changed (Hibernate allocates ids in
 * blocks of the increment, 50 by default, so a sequence that steps by 1 hands out ids
 * twice). The start value is not compared: it says where the sequence began, not where it
 * is.
 */
final class SequenceComparison {

	private final SchemaRules rules;

	SequenceComparison(SchemaRules rules) {
		this.rules = rules;
	}

	List<Step> created(Schema model, Schema database) {
		if (!this.rules.hasSequences()) {
			return List.of();
		}
		List<Step> steps = new ArrayList<>();
		for (Sequence sequence : sorted(model)) {
			if (database.sequence(sequence.name()).isEmpty()) {
				steps.add(Step.of(new CreateSequence(sequence)));
			}
		}
		return steps;
	}

	List<Step> changed(Schema model, Schema database) {
		if (!this.rules.hasSequences()) {
			return List.of();
		}
		List<Step> steps = new ArrayList<>();
		for (Sequence sequence : sorted(model)) {
			Optional<Sequence> existing = database.sequence(sequence.name());
			if (existing.isPresent() && existing.get().incrementBy() != sequence.incrementBy()) {
				steps.add(Step.of(new AlterSequence(existing.get().name(), sequence.incrementBy(), existing.get())));
			}
		}
		return steps;
	}

	List<Step> dropped(Schema model, Schema database) {
		if (!this.rules.hasSequences()) {
			return List.of();
		}
		List<Step> steps = new ArrayList<>();
		for (Sequence sequence : sorted(database)) {
			if (model.sequence(sequence.name()).isEmpty()) {
				steps.add(Step.destructive(new DropSequence(sequence.name(), sequence), "DESTRUCTIVE: drops sequence "
						+ sequence.name() + "; the downgrade recreates it from its start value, not where it was"));
			}
		}
		return steps;
	}

	private static List<Sequence> sorted(Schema schema) {
		return schema.sequences().values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
	}

}
