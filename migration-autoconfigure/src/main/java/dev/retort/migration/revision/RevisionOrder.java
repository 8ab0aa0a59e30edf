package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * The order upgrades run in: every revision after what it revises or depends on, and
 * where several orders would do, one chosen the same way on every machine from the graph
 * alone. Downgrades run in the reverse order.
 * <p>
 * Of the revisions whose requirements are all placed, the one made ready last comes
 * first: a branch runs to its end (or to a merge that still waits for another branch)
 * before the next branch starts, as in Alembic. Revisions made ready by the same
 * revision, such as siblings under a common ancestor or several bases, come earliest
 * {@code created} first (those without one last), then by id.
 */
final class RevisionOrder {

	private static final Comparator<RevisionScript> CHRONOLOGICAL = Comparator
		.comparing(RevisionScript::created, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(RevisionScript::id);

	private RevisionOrder() {
	}

	/**
	 * The revisions, each after everything it requires.
	 * @throws RevisionCycleException when revisions require each other in a circle
	 */
	static List<RevisionScript> sort(List<RevisionScript> revisions, Map<String, List<String>> requires) {
		Map<String, RevisionScript> byId = new HashMap<>();
		Map<String, Integer> waitingOn = new HashMap<>();
		Map<String, List<String>> unlocks = new HashMap<>();
		for (RevisionScript revision : revisions) {
			byId.put(revision.id(), revision);
			waitingOn.put(revision.id(), requires.get(revision.id()).size());
			for (String required : requires.get(revision.id())) {
				unlocks.computeIfAbsent(required, (id) -> new ArrayList<>()).add(revision.id());
			}
		}
		// the position of the revision whose placing made each one ready; -1 for bases
		Map<String, Integer> readyAfter = new HashMap<>();
		PriorityQueue<RevisionScript> ready = new PriorityQueue<>(Comparator
			.comparing((RevisionScript revision) -> readyAfter.get(revision.id()), Comparator.reverseOrder())
			.thenComparing(CHRONOLOGICAL));
		for (RevisionScript revision : revisions) {
			if (waitingOn.get(revision.id()) == 0) {
				readyAfter.put(revision.id(), -1);
				ready.add(revision);
			}
		}
		List<RevisionScript> ordered = new ArrayList<>(revisions.size());
		while (!ready.isEmpty()) {
			RevisionScript next = ready.poll();
			int position = ordered.size();
			ordered.add(next);
			for (String unlocked : unlocks.getOrDefault(next.id(), List.of())) {
				if (waitingOn.merge(unlocked, -1, Integer::sum) == 0) {
					readyAfter.put(unlocked, position);
					ready.add(byId.get(unlocked));
				}
			}
		}
		if (ordered.size() < revisions.size()) {
			List<String> cycle = findCycle(waitingOn, requires);
			String sources = cycle.stream()
				.distinct()
				.map((id) -> id + " in " + byId.get(id).source())
				.collect(Collectors.joining(", "));
			throw new RevisionCycleException("Revisions form a cycle: " + String.join(" -> ", cycle) + " (" + sources
					+ "). Each revises or depends on the next, so none can be applied first. "
					+ "Correct 'revises' or 'dependsOn' in one of these so that a revision never revises its own descendants.");
		}
		return ordered;
	}

	/** A cycle among the revisions the sort could not place. */
	private static List<String> findCycle(Map<String, Integer> waitingOn, Map<String, List<String>> requires) {
		String start = waitingOn.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.orElseThrow();
		// Every unplaced revision requires an unplaced one, so walking requirements must
		// revisit one.
		List<String> path = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		String current = start;
		while (!seen.containsKey(current)) {
			seen.put(current, path.size());
			path.add(current);
			current = requires.get(current)
				.stream()
				.filter((id) -> waitingOn.get(id) > 0)
				.sorted()
				.findFirst()
				.orElseThrow();
		}
		List<String> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
		Collections.reverse(cycle);
		cycle.add(0, cycle.get(cycle.size() - 1));
		return cycle;
	}

}
