package dev.retort.migration.revision;

import java.util.Set;
import java.util.TreeSet;

/**
 * The dialect names a revision may be limited to ({@code ….postgresql.sql},
 * {@code -- dialect: sqlite}, {@code @Revision(dialects = …)}). A name Retort does not
 * know would limit a revision to no database at all, and it would be recorded as applied
 * without running; so it is an error when the graph loads.
 */
public final class DialectNames {

	/** Every dialect Retort has, as the dialect package names them. */
	public static final Set<String> KNOWN = Set.of("postgresql", "sqlite");

	private DialectNames() {
	}

	/** Whether Retort has a dialect of this name. */
	public static boolean isKnown(String name) {
		return KNOWN.contains(name);
	}

	/** The known names, sorted, for messages. */
	static String list() {
		return String.join(", ", new TreeSet<>(KNOWN));
	}

	/** A hint for a name that is close to a known one, or empty. */
	static String suggestion(String name) {
		if (name.startsWith("postgres") || name.equals("pg") || name.equals("pgsql")) {
			return " (did you mean 'postgresql'?)";
		}
		if (name.startsWith("sqlite")) {
			return " (did you mean 'sqlite'?)";
		}
		return "";
	}

}
