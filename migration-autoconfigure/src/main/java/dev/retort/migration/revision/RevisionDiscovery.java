package dev.retort.migration.revision;

import java.util.List;

/**
 * Finds Java and SQL revisions under locations.
 */
final class RevisionDiscovery {

	private RevisionDiscovery() {
	}

	static List<RevisionScript> discover(List<String> locations, ClassLoader classLoader) {
		throw new UnsupportedOperationException("discovery is not implemented yet");
	}

}
