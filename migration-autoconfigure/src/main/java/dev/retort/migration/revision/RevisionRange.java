package dev.retort.migration.revision;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A history range, Alembic style: {@code from:to} with either end a target,
 * {@code current}, or empty for no bound ({@code base:heads}, {@code ae10:},
 * {@code :ae10}, {@code -3:}). As in Alembic, the lower end must be an ancestor of the
 * upper one. {@code label@base} is where the branch starts from, whatever the database
 * holds: there is nothing to remove, as there is for downgrade and stamp.
 */
final class RevisionRange {

	private static final Pattern RELATIVE_DOWN = Pattern.compile("^-\\d+$");

	private final RevisionGraph graph;

	RevisionRange(RevisionGraph graph) {
		this.graph = graph;
	}

	/**
	 * The revisions from {@code from} up to {@code to}, in upgrade order.
	 * @throws InvalidRangeException when {@code from} is not an ancestor of {@code to},
	 * or the range holds no revision
	 */
	List<RevisionScript> between(String from, String to, Supplier<Set<String>> current) {
		Set<String> starts = starts(from, current);
		Set<String> ends = ends(to, current);
		Set<String> upper = (ends != null) ? this.graph.applied(ends) : null;
		String range = "'" + from + ":" + to + "'";
		if (starts != null && upper != null) {
			for (String start : starts) {
				if (!upper.contains(start)) {
					boolean reversed = ends.stream().allMatch(this.graph.closure(Set.of(start))::contains);
					throw new InvalidRangeException("History range " + range + " is impossible: revision " + start
							+ describeEnd(from, start) + " is not an ancestor of " + describe(ends)
							+ describeEnd(to, ends) + ", so no revision lies between them. "
							+ (reversed ? "The lower end comes first: history -r " + to + ":" + from + "."
									: "They are on different branches.")
							+ " A range runs from a revision up to one that descends from it;"
							+ " `history` shows the whole graph.");
				}
			}
		}
		List<RevisionScript> revisions = this.graph.revisions()
			.stream()
			.filter((revision) -> starts == null || isAtOrAbove(revision, starts))
			.filter((revision) -> upper == null || upper.contains(revision.id()))
			.toList();
		if (revisions.isEmpty() && (starts != null || upper != null) && !this.graph.revisions().isEmpty()) {
			throw new InvalidRangeException("History range " + range + " holds no revision: it runs from "
					+ ((starts != null) ? describe(starts) + describeEnd(from, starts) : "base") + " to "
					+ ((ends != null) ? describe(ends) + describeEnd(to, ends) : "heads")
					+ ". Name a lower end that is an ancestor of the upper one, e.g. base:heads.");
		}
		return revisions;
	}

	/** The revisions {@code from} names, the range's lower end; {@code null} for base. */
	private Set<String> starts(String from, Supplier<Set<String>> currentHeads) {
		if (from.isEmpty() || from.equals("base")) {
			return null;
		}
		if (Target.parse(from) instanceof Target.BranchBase branchBase) {
			Set<String> before = this.graph.beforeBranch(branchBase.label(), from);
			return before.isEmpty() ? null : before;
		}
		Set<String> current = currentHeads.get();
		if (RELATIVE_DOWN.matcher(from).matches()) {
			// -N: the last N applied revisions, not the one they rest on
			Set<String> removed = new LinkedHashSet<>(this.graph.applied(current));
			removed.removeAll(this.graph.applied(this.graph.resolve(from, current)));
			return removed;
		}
		Set<String> starts = from.equals("current") ? current : this.graph.resolve(from, current);
		return starts.isEmpty() ? null : starts;
	}

	/** The revisions {@code to} names, the range's upper end; {@code null} for heads. */
	private Set<String> ends(String to, Supplier<Set<String>> currentHeads) {
		if (to.isEmpty() || to.equals("heads") || to.equals("head")) {
			return null;
		}
		if (Target.parse(to) instanceof Target.BranchBase branchBase) {
			return this.graph.beforeBranch(branchBase.label(), to);
		}
		Set<String> current = currentHeads.get();
		return to.equals("current") ? current : this.graph.resolve(to, current);
	}

	private boolean isAtOrAbove(RevisionScript revision, Set<String> starts) {
		Set<String> ancestors = this.graph.applied(Set.of(revision.id()));
		return starts.stream().anyMatch(ancestors::contains);
	}

	private static String describe(Set<String> ids) {
		return ids.isEmpty() ? "base" : String.join(", ", ids);
	}

	/** How an end was written, when that differs from the revisions it names. */
	private static String describeEnd(String text, String id) {
		return text.equals(id) ? "" : " ('" + text + "')";
	}

	private static String describeEnd(String text, Set<String> ids) {
		return (ids.size() == 1) ? describeEnd(text, ids.iterator().next()) : " ('" + text + "')";
	}

}
