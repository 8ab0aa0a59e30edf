package dev.retort.migration.revision;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.retort.migration.operation.Operation;

/**
 * Computes revision checksums: SHA-256 (hex) of an SQL revision's normalised text, or of
 * a canonical rendering of the operations a Java revision records offline.
 */
final class Checksums {

	private static final Map<Key, String> cache = new ConcurrentHashMap<>();

	private Checksums() {
	}

	static String of(RevisionScript script, String dialect) {
		if (script.contentChecksum() != null) {
			return script.contentChecksum();
		}
		if (script.migration() instanceof DialectVariants variants) {
			return variants.checksum(dialect);
		}
		if (script.migration() == null) {
			throw new IllegalArgumentException("Revision " + script.id() + " has neither content nor a migration");
		}
		return cache.computeIfAbsent(new Key(script, dialect), (key) -> ofOperations(script.migration(), dialect));
	}

	/**
	 * The digest of SQL text: line endings, trailing whitespace and blank lines ignored.
	 */
	static String ofText(String text) {
		StringBuilder normalised = new StringBuilder();
		for (String line : text.split("\r\n|\r|\n")) {
			String stripped = line.stripTrailing();
			if (!stripped.isEmpty()) {
				normalised.append(stripped).append('\n');
			}
		}
		return sha256(normalised.toString());
	}

	private static String ofOperations(Migration migration, String dialect) {
		StringBuilder rendering = new StringBuilder();
		render(rendering, "upgrade", RecordedOperations.upgrade(migration, dialect));
		render(rendering, "downgrade", RecordedOperations.downgrade(migration, dialect));
		return sha256(rendering.toString());
	}

	private static void render(StringBuilder rendering, String direction, RecordedOperations recorded) {
		rendering.append(direction).append(":\n");
		for (Operation operation : recorded.operations()) {
			rendering.append("  ");
			canonical(rendering, operation);
			rendering.append('\n');
		}
		if (recorded.stoppedAt() != null) {
			rendering.append("  ").append(recorded.stoppedAt()).append('\n');
		}
	}

	/**
	 * Renders records component by component, maps by sorted key and sets sorted, so that
	 * the rendering is the same in every run: {@code Map.of} and {@code Set.of} iterate
	 * in an order that changes between JVM runs, and arrays have no readable
	 * {@code toString}.
	 */
	private static void canonical(StringBuilder out, Object value) {
		if (value instanceof Record record) {
			out.append(record.getClass().getSimpleName()).append('[');
			RecordComponent[] components = record.getClass().getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				out.append((i > 0) ? ", " : "").append(components[i].getName()).append('=');
				canonical(out, component(record, components[i]));
			}
			out.append(']');
		}
		else if (value instanceof Map<?, ?> map) {
			List<String> entries = new ArrayList<>();
			map.forEach((key, entry) -> entries.add(rendered(key) + "=" + rendered(entry)));
			Collections.sort(entries);
			out.append('{').append(String.join(", ", entries)).append('}');
		}
		else if (value instanceof Set<?> set) {
			List<String> elements = new ArrayList<>();
			set.forEach((element) -> elements.add(rendered(element)));
			Collections.sort(elements);
			out.append('[').append(String.join(", ", elements)).append(']');
		}
		else if (value instanceof Collection<?> collection) {
			List<String> elements = new ArrayList<>();
			collection.forEach((element) -> elements.add(rendered(element)));
			out.append('[').append(String.join(", ", elements)).append(']');
		}
		else if (value instanceof byte[] bytes) {
			out.append("0x").append(HexFormat.of().formatHex(bytes));
		}
		else if (value instanceof String text) {
			out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		else if (value != null && !hasOwnToString(value)) {
			// Object.toString carries an identity hash, which differs between runs.
			out.append(value.getClass().getName());
		}
		else {
			out.append(value);
		}
	}

	private static String rendered(Object value) {
		StringBuilder out = new StringBuilder();
		canonical(out, value);
		return out.toString();
	}

	private static boolean hasOwnToString(Object value) {
		try {
			return value.getClass().getMethod("toString").getDeclaringClass() != Object.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static Object component(Record record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of " + record, ex);
		}
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private record Key(RevisionScript script, String dialect) {
	}

}
