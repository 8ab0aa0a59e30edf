package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checks a set of revisions must pass before it becomes a {@link RevisionGraph}:
 * valid names, unique ids and labels, parents and dependencies that exist. Each check
 * reports every problem it finds at once, naming the files.
 */
final class RevisionValidation {

	private static final Set<String> RESERVED = Set.of("head", "heads", "base");

	private RevisionValidation() {
	}

	/**
	 * The longest id the version and history tables hold: their {@code varchar(64)}
	 * columns ({@code VersionTables}).
	 */
	static final int MAX_ID_LENGTH = 64;

	/** Whether the text can be a revision id or a branch label. */
	static boolean isValidName(String name) {
		if (name == null || name.isEmpty() || RESERVED.contains(name)) {
			return false;
		}
		for (int index = 0; index < name.length(); index++) {
			char c = name.charAt(index);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	static void checkNames(List<RevisionScript> revisions) {
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			if (!isValidName(revision.id())) {
				problems.add("Revision id '" + revision.id() + "' in " + revision.source() + " is not valid.");
			}
			else if (revision.id().length() > MAX_ID_LENGTH) {
				problems.add("Revision id '" + revision.id() + "' in " + revision.source() + " is "
						+ revision.id().length() + " characters long; the version and history tables hold ids of up to "
						+ MAX_ID_LENGTH + ". Shorten it (Retort's own ids are 12 hex characters).");
			}
			for (String label : sorted(revision.branchLabels())) {
				if (!isValidName(label)) {
					problems.add("Branch label '" + label + "' of revision " + revision.id() + " in "
							+ revision.source() + " is not valid.");
				}
			}
		}
		if (!problems.isEmpty()) {
			problems.add("Ids and branch labels use letters, digits and '_' only, and must not be "
					+ "'head', 'heads' or 'base' (targets use these words and the characters @ + -). Rename them.");
			throw new InvalidRevisionIdException(String.join(System.lineSeparator(), problems));
		}
	}

	private static Collection<String> sorted(Set<String> labels) {
		return (labels.size() < 2) ? labels : new TreeSet<>(labels);
	}

	/** The revisions by id. */
	static Map<String, RevisionScript> checkUnique(List<RevisionScript> revisions) {
		Map<String, RevisionScript> byId = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			RevisionScript previous = byId.putIfAbsent(revision.id(), revision);
			if (previous != null) {
				problems.add("Revision id " + revision.id() + " is declared twice: in " + previous.source() + " and in "
						+ revision.source() + ".");
			}
		}
		if (!problems.isEmpty()) {
			problems.add("Each revision needs its own id: give one of them a new id, "
					+ "and update the revisions that revise it.");
			throw new DuplicateRevisionException(String.join(System.lineSeparator(), problems));
		}
		return byId;
	}

	/** Each branch label with the revision that declares it. */
	static Map<String, String> checkLabels(List<RevisionScript> revisions, Map<String, RevisionScript> byId) {
		Map<String, String> labels = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			for (String label : sorted(revision.branchLabels())) {
				String previous = labels.putIfAbsent(label, revision.id());
				if (previous != null) {
					problems.add("Branch label '" + label + "' is declared by revision " + previous + " in "
							+ byId.get(previous).source() + " and by revision " + revision.id() + " in "
							+ revision.source() + ". A label names one branch: remove it from one of them.");
				}
				else if (byId.containsKey(label)) {
					problems.add("Branch label '" + label + "' of revision " + revision.id() + " in "
							+ revision.source() + " is also the id of the revision in " + byId.get(label).source()
							+ ". Rename the label.");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new DuplicateBranchLabelException(String.join(System.lineSeparator(), problems));
		}
		return labels;
	}

	/**
	 * What each revision requires: its parents, then its dependencies resolved to
	 * revision ids.
	 */
	static Map<String, List<String>> checkReferences(List<RevisionScript> revisions, Map<String, RevisionScript> byId,
			Map<String, String> labels) {
		Map<String, List<String>> requires = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (RevisionScript revision : revisions) {
			if (revision.dependsOn().isEmpty() && revision.parents().size() == 1
					&& byId.containsKey(revision.parents().get(0))) {
				// the common case: one parent that exists
				requires.put(revision.id(), revision.parents());
				continue;
			}
			Set<String> required = new LinkedHashSet<>();
			for (String parent : revision.parents()) {
				if (byId.containsKey(parent)) {
					required.add(parent);
				}
				else {
					problems.add("Revision " + revision.id() + " in " + revision.source() + " revises " + parent
							+ ", but no revision has that id. Correct 'revises' in " + revision.source()
							+ ", or restore the revision " + parent + ".");
				}
			}
			for (String dependency : revision.dependsOn()) {
				String resolved = byId.containsKey(dependency) ? dependency : labels.get(dependency);
				if (resolved != null) {
					required.add(resolved);
				}
				else {
					problems.add("Revision " + revision.id() + " in " + revision.source() + " depends on " + dependency
							+ ", but no revision or branch label has that name. Correct 'dependsOn' in "
							+ revision.source() + ", or restore the revision " + dependency + ".");
				}
			}
			requires.put(revision.id(), List.copyOf(required));
		}
		if (!problems.isEmpty()) {
			throw new MissingRevisionException(String.join(System.lineSeparator(), problems));
		}
		return requires;
	}

}
