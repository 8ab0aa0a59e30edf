package dev.retort.migration.revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

import org.springframework.util.CollectionUtils;

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

	/**
	 * Made ready last first, then earliest {@code created} (none last), then by id:
	 * written out rather than as a chain of comparators, which costs a lambda per link
	 * and several calls per comparison on every start.
	 */
	private static final Comparator<Node> READY_ORDER = new Comparator<>() {

		@Override
		public int compare(Node one, Node other) {
			int byReady = Integer.compare(other.readyAfter, one.readyAfter);
			if (byReady != 0) {
				return byReady;
			}
			Instant created = one.revision.created();
			Instant otherCreated = other.revision.created();
			if (created != null || otherCreated != null) {
				if (created == null) {
					return 1;
				}
				if (otherCreated == null) {
					return -1;
				}
				int byCreated = created.compareTo(otherCreated);
				if (byCreated != 0) {
					return byCreated;
				}
			}
			return one.revision.id().compareTo(other.revision.id());
		}

	};

	private RevisionOrder() {
	}

	/**
	 * The revisions, each after everything it requires.
	 * @throws RevisionCycleException when revisions require each other in a circle
	 */
	static List<RevisionScript> sort(List<RevisionScript> revisions, Map<String, List<String>> requires) {
		// one entry per revision rather than a map per fact: every start sorts the whole
		// graph
		Map<String, Node> nodes = CollectionUtils.newHashMap(revisions.size());
		for (RevisionScript revision : revisions) {
			nodes.put(revision.id(), new Node(revision, requires.get(revision.id()).size()));
		}
		for (RevisionScript revision : revisions) {
			Node node = nodes.get(revision.id());
			for (String required : requires.get(revision.id())) {
				nodes.get(required).unlocks.add(node);
			}
		}
		PriorityQueue<Node> ready = new PriorityQueue<>(READY_ORDER);
		for (RevisionScript revision : revisions) {
			Node node = nodes.get(revision.id());
			if (node.waitingOn == 0) {
				ready.add(node);
			}
		}
		List<RevisionScript> ordered = new ArrayList<>(revisions.size());
		while (!ready.isEmpty()) {
			Node next = ready.poll();
			int position = ordered.size();
			ordered.add(next.revision);
			for (Node unlocked : next.unlocks) {
				if (--unlocked.waitingOn == 0) {
					unlocked.readyAfter = position;
					ready.add(unlocked);
				}
			}
		}
		if (ordered.size() < revisions.size()) {
			List<String> cycle = findCycle(nodes, requires);
			String sources = cycle.stream()
				.distinct()
				.map((id) -> id + " in " + nodes.get(id).revision.source())
				.collect(Collectors.joining(", "));
			throw new RevisionCycleException("Revisions form a cycle: " + String.join(" -> ", cycle) + " (" + sources
					+ "). Each revises or depends on the next, so none can be applied first. "
					+ "Correct 'revises' or 'dependsOn' in one of these so that a revision never revises its own descendants.");
		}
		return ordered;
	}

	/** A cycle among the revisions the sort could not place. */
	private static List<String> findCycle(Map<String, Node> nodes, Map<String, List<String>> requires) {
		String start = nodes.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().waitingOn > 0)
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
				.filter((id) -> nodes.get(id).waitingOn > 0)
				.sorted()
				.findFirst()
				.orElseThrow();
		}
		List<String> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
		Collections.reverse(cycle);
		cycle.add(0, cycle.get(cycle.size() - 1));
		return cycle;
	}

	/** A revision while it is being placed. */
	private static final class Node {

		final RevisionScript revision;

		/** The revisions that require this one. */
		final List<Node> unlocks = new ArrayList<>(1);

		/** How many of its requirements are not placed yet. */
		int waitingOn;

		/** The position of the revision whose placing made it ready; -1 for bases. */
		int readyAfter = -1;

		Node(RevisionScript revision, int waitingOn) {
			this.revision = revision;
			this.waitingOn = waitingOn;
		}

	}

}
