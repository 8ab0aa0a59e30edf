package dev.retort.migration.revision;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A history range, Alembic style: {@code from:to} with either end a target,
 * {@code current}, or empty for no bound ({@code base:heads}, {@code ae10:},
 * {@code :ae10}, {@code -3:}).
 */
final class RevisionRange {

	private static final Pattern RELATIVE_DOWN = Pattern.compile("^-\\d+$");

	private final RevisionGraph graph;

	RevisionRange(RevisionGraph graph) {
		this.graph = graph;
	}

	/** The revisions from {@code from} up to {@code to}, in upgrade order. */
	List<RevisionScript> between(String from, String to, Supplier<Set<String>> current) {
		Set<String> lower = lowerBound(from, current);
		Set<String> upper = upperBound(to, current);
		return this.graph.revisions()
			.stream()
			.filter((revision) -> lower == null || lower.contains(revision.id()))
			.filter((revision) -> upper == null || upper.contains(revision.id()))
			.toList();
	}

	/** The revisions at or above {@code from}; {@code null} for no bound. */
	private Set<String> lowerBound(String from, Supplier<Set<String>> currentHeads) {
		if (from.isEmpty() || from.equals("base")) {
			return null;
		}
		Set<String> current = currentHeads.get();
		Set<String> starts;
		if (RELATIVE_DOWN.matcher(from).matches()) {
			// -N: the last N applied revisions, not the one they rest on
			Set<String> removed = new LinkedHashSet<>(this.graph.applied(current));
			removed.removeAll(this.graph.applied(this.graph.resolve(from, current)));
			starts = removed;
		}
		else {
			starts = from.equals("current") ? current : this.graph.resolve(from, current);
		}
		Set<String> above = new LinkedHashSet<>();
		for (RevisionScript revision : this.graph.revisions()) {
			Set<String> ancestors = this.graph.applied(Set.of(revision.id()));
			if (starts.stream().anyMatch(ancestors::contains)) {
				above.add(revision.id());
			}
		}
		return above;
	}

	/** The revisions at or below {@code to}; {@code null} for no bound. */
	private Set<String> upperBound(String to, Supplier<Set<String>> currentHeads) {
		if (to.isEmpty() || to.equals("heads") || to.equals("head")) {
			return null;
		}
		Set<String> current = currentHeads.get();
		return this.graph.applied(to.equals("current") ? current : this.graph.resolve(to, current));
	}

}
