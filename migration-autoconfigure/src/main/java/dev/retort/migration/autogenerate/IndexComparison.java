package dev.retort.migration.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;

/**
 * Indexes of a table both sides have, matched by what they index (columns in order,
 * uniqueness, predicate) rather than by name. A unique index that stands for a unique
 * constraint of the other side, or the reverse, is the same thing and is left alone.
 */
final class IndexComparison {

	private final SchemaRules rules;

	IndexComparison(SchemaRules rules) {
		this.rules = rules;
	}

	List<Step> dropped(Table wanted, Table current) {
		List<Step> steps = new ArrayList<>();
		for (Index index : current.indexes()) {
			boolean kept = wanted.indexes().stream().anyMatch((other) -> sameIndex(other, index))
					|| (ConstraintComparison.isPlainUnique(index)
							&& ConstraintComparison.uniqueInModel(wanted, index.columns()));
			if (!kept) {
				steps.add(Step.of(new DropIndex(index.name(), current.name(), index, false)));
			}
		}
		return steps;
	}

	List<Step> added(Table wanted, Table current) {
		List<Step> steps = new ArrayList<>();
		for (Index index : wanted.indexes()) {
			boolean present = current.indexes().stream().anyMatch((other) -> sameIndex(index, other))
					|| (ConstraintComparison.isPlainUnique(index)
							&& ConstraintComparison.uniqueInDatabase(current, index.columns()));
			if (!present) {
				Index named = index.with(this.rules.storedIdentifier(index.name()), wanted.name(), index.columns());
				steps.add(Step.of(new CreateIndex(named, false)));
			}
		}
		return steps;
	}

	private boolean sameIndex(Index first, Index second) {
		return first.unique() == second.unique()
				&& ConstraintComparison.lower(first.columns()).equals(ConstraintComparison.lower(second.columns()))
				&& ConstraintComparison.lower(first.descendingColumns())
					.equals(ConstraintComparison.lower(second.descendingColumns()))
				&& Objects.equals(predicate(first.where()), predicate(second.where()));
	}

	private String predicate(String where) {
		return (where != null) ? this.rules.canonicalCheck(where) : null;
	}

}
