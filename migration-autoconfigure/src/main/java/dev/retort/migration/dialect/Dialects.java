package dev.retort.migration.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Finds the dialect for a connection or a name.
 */
public final class Dialects {

	/**
	 * Listed in {@code META-INF/services}, so that this package does not depend on the
	 * dialects' own packages, which depend on it.
	 */
	private static final List<Dialect> ALL = load();

	private Dialects() {
	}

	/**
	 * Iterated, not streamed: every start runs this, before the JIT compiler has caught
	 * up.
	 */
	private static List<Dialect> load() {
		List<Dialect> dialects = new ArrayList<>(2);
		for (Dialect dialect : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
			dialects.add(dialect);
		}
		return List.copyOf(dialects);
	}

	/**
	 * The dialect with this name ({@code postgresql}, {@code sqlite}; {@code postgres}
	 * also works).
	 */
	public static Dialect named(String name) {
		String wanted = name.toLowerCase(Locale.ROOT).strip();
		if (wanted.equals("postgres") || wanted.equals("pg")) {
			wanted = "postgresql";
		}
		for (Dialect dialect : ALL) {
			if (dialect.name().equals(wanted)) {
				return dialect;
			}
		}
		throw new UnsupportedDatabaseException("Unknown dialect '" + name + "'. Use one of: " + names() + ".");
	}

	/** The dialect of the database behind this connection. */
	public static Dialect of(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		String lower = product.toLowerCase(Locale.ROOT);
		if (lower.contains("postgres")) {
			return named("postgresql");
		}
		if (lower.contains("sqlite")) {
			return named("sqlite");
		}
		throw new UnsupportedDatabaseException("Retort does not support " + product + " yet. Supported: " + names()
				+ ". Use a supported database or set migrations.dialect.");
	}

	public static List<String> names() {
		return ALL.stream().map(Dialect::name).toList();
	}

}
