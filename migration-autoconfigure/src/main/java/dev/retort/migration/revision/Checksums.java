package dev.retort.migration.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes revision checksums: SHA-256 (hex) of an SQL revision's normalised text, or of
 * the {@linkplain ChecksumRendering documented rendering} of the operations a Java
 * revision records offline.
 */
final class Checksums {

	/**
	 * Per migration instance, per dialect. Weak keys: a revision class and its class
	 * loader (a devtools restart's) must not outlive the graph that holds them.
	 */
	private static final Map<Migration, Map<String, String>> cache = Collections.synchronizedMap(new WeakHashMap<>());

	private static final MessageDigest SHA_256 = sha256Prototype();

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
		Migration migration = script.migration();
		Map<String, String> byDialect = cache.computeIfAbsent(migration, (key) -> new ConcurrentHashMap<>());
		return byDialect.computeIfAbsent(dialect, (key) -> ofOperations(migration, dialect));
	}

	/**
	 * The digest of SQL text: line endings, trailing whitespace and blank lines ignored.
	 */
	static String ofText(String text) {
		StringBuilder normalised = new StringBuilder(text.length());
		int length = text.length();
		int start = 0;
		while (start <= length) {
			int end = start;
			while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			int last = end;
			while (last > start && Character.isWhitespace(text.charAt(last - 1))) {
				last--;
			}
			if (last > start) {
				normalised.append(text, start, last).append('\n');
			}
			start = end + 1;
		}
		return sha256(normalised.toString());
	}

	private static String ofOperations(Migration migration, String dialect) {
		return sha256(ChecksumRendering.of(RecordedOperations.upgrade(migration, dialect),
				RecordedOperations.downgrade(migration, dialect)));
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = (MessageDigest) SHA_256.clone();
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 digests of this JVM cannot be copied", ex);
		}
	}

	/** Copied per digest: looking the algorithm up each time costs more than hashing. */
	private static MessageDigest sha256Prototype() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
