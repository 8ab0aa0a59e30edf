package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as the user wrote it, parsed into Alembic's forms. Resolution against a graph
 * happens in {@link RevisionGraph}.
 */
sealed interface Target {

	Pattern RELATIVE = Pattern.compile("^(.*?)([+-])(\\d+)$");

	/** {@code heads}: every head. */
	record Heads() implements Target {
	}

	/**
	 * {@code base}: nothing applied.
	 */
	record Base() implements Target {
	}

	/** {@code label@base}: the state before the labelled branch. */
	record BranchBase(String label) implements Target {
	}

	/** {@code label@heads}: every head of a branch. */
	record BranchHeads(String label) implements Target {
	}

	/** {@code +N} / {@code -N}: steps from the current heads. */
	record Relative(int steps) implements Target {
	}

	/**
	 * {@code label@+N} / {@code label@-N}: steps along a branch from its current head.
	 */
	record BranchRelative(String label, int steps) implements Target {
	}

	/**
	 * One revision, possibly walked up or down from an anchor ({@code ae10+2},
	 * {@code head-1}, {@code label@head}). {@code steps} is 0 for the anchor itself.
	 */
	record Anchored(Anchor anchor, int steps) implements Target {
	}

	/**
	 * Several targets at once ({@code a1b2,c3d4}): each {@link Anchored} or
	 * {@link BranchHeads}.
	 */
	record Several(List<Target> targets) implements Target {
	}

	/** The revision a relative target counts from. */
	sealed interface Anchor {

	}

	/** {@code head}: the only head. */
	record HeadAnchor() implements Anchor {
	}

	/** {@code base}, as the start of {@code base+N}. */
	record BaseAnchor() implements Anchor {
	}

	/** {@code label@base}, as the start of {@code label@base+N}. */
	record BranchBaseAnchor(String label) implements Anchor {
	}

	/** {@code label@head}: the head of a branch. */
	record BranchHeadAnchor(String label) implements Anchor {
	}

	/** {@code label@ae10}: a revision of a branch. */
	record BranchRevisionAnchor(String label, String idOrPrefix) implements Anchor {
	}

	/**
	 * A branch label, a full id or an id prefix. Before '@', a revision id also names a
	 * branch: the one that revision is on.
	 */
	record Named(String name) implements Anchor {
	}

	static Target parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidTargetException("No target given. Use head, heads, base, a revision id, +N or -N.");
		}
		String target = text.strip();
		if (target.contains(":")) {
			throw new InvalidTargetException("Target '" + target + "' is a range, which only a script takes: "
					+ "`upgrade FROM:TO --sql` (e.g. base:heads) or `downgrade FROM:TO --sql` (e.g. heads:base) prints "
					+ "the SQL from one end to the other. To migrate the database, name where it goes: heads, a "
					+ "revision id or prefix, +N or -N.");
		}
		if (target.contains(",") || target.contains(" ")) {
			List<Target> targets = new ArrayList<>();
			for (String part : target.split("[,\\s]+")) {
				if (part.isEmpty()) {
					continue;
				}
				Target one = parse(part);
				if (!(one instanceof Anchored || one instanceof BranchHeads)) {
					throw new InvalidTargetException("Target '" + target + "' lists '" + part
							+ "', which cannot be combined with others: list revision ids (or label@head, label@heads) only.");
				}
				targets.add(one);
			}
			return new Several(targets);
		}
		if (target.equals("heads")) {
			return new Heads();
		}
		if (target.equals("base")) {
			return new Base();
		}
		Matcher relative = RELATIVE.matcher(target);
		if (relative.matches()) {
			String anchor = relative.group(1);
			int steps = steps(target, relative.group(3));
			int signed = relative.group(2).equals("+") ? steps : -steps;
			if (anchor.isEmpty()) {
				return new Relative(signed);
			}
			if (anchor.endsWith("@")) {
				return new BranchRelative(label(target, anchor.substring(0, anchor.length() - 1)), signed);
			}
			return new Anchored(anchor(target, anchor), signed);
		}
		int at = target.indexOf('@');
		if (at >= 0 && target.substring(at + 1).equals("base")) {
			return new BranchBase(label(target, target.substring(0, at)));
		}
		if (at >= 0 && target.substring(at + 1).equals("heads")) {
			return new BranchHeads(label(target, target.substring(0, at)));
		}
		return new Anchored(anchor(target, target), 0);
	}

	private static Anchor anchor(String target, String text) {
		if (text.equals("head")) {
			return new HeadAnchor();
		}
		if (text.equals("base")) {
			return new BaseAnchor();
		}
		if (text.equals("heads")) {
			throw new InvalidTargetException("Target '" + target
					+ "' counts from 'heads', which may be several revisions: count from one head instead (head, label@head or a revision id).");
		}
		int at = text.indexOf('@');
		if (at < 0) {
			return new Named(name(target, text));
		}
		String label = label(target, text.substring(0, at));
		String rest = text.substring(at + 1);
		if (rest.equals("head")) {
			return new BranchHeadAnchor(label);
		}
		if (rest.equals("base")) {
			return new BranchBaseAnchor(label);
		}
		if (rest.equals("heads")) {
			throw new InvalidTargetException("Target '" + target + "' counts from '" + text
					+ "', which may be several revisions: count from one head instead (" + label
					+ "@head or a revision id).");
		}
		return new BranchRevisionAnchor(label, name(target, rest));
	}

	private static String label(String target, String label) {
		if (!RevisionValidation.isValidName(label)) {
			throw new InvalidTargetException("Target '" + target + "' has no valid branch label before '@'. "
					+ "Write label@head, label@heads, label@base, label@base+N, label@+N, label@-N or label@<revision> "
					+ "(a revision id works as the label: the branch that revision is on).");
		}
		return label;
	}

	private static String name(String target, String name) {
		if (!RevisionValidation.isValidName(name)) {
			throw new InvalidTargetException("Target '" + target + "' is not understood. "
					+ "Use head, heads, base, a revision id or prefix, a branch label, +N, -N, <revision>+N, "
					+ "head-N, base+N, label@head, label@heads, label@base, label@base+N, label@+N or label@-N.");
		}
		return name;
	}

	private static int steps(String target, String digits) {
		int steps;
		try {
			steps = Integer.parseInt(digits);
		}
		catch (NumberFormatException ex) {
			throw new InvalidTargetException("Target '" + target + "' moves more steps than any graph has: "
					+ "use a smaller number, or name the revision (heads, base, an id).");
		}
		if (steps == 0) {
			throw new InvalidTargetException("Target '" + target + "' moves 0 steps: use +1 or more, or -1 or more.");
		}
		return steps;
	}

}
