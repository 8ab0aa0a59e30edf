package dev.retort.migration.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a backup holds, written next to it as {@code FILE.manifest} when it was taken and
 * verified: the database, its revisions, when, the rows of every table it holds (counted
 * in the snapshot the backup was taken from), the file's SHA-256, and whether it holds
 * every row or the schema only.
 *
 * @param database the database's name (SQLite: the file's name without extension)
 * @param dialect {@code sqlite} or {@code postgresql}
 * @param revisions the version table's rows in the backup; empty for base
 * @param takenAt when the backup was taken
 * @param rowCounts rows per table ({@code schema.table} on PostgreSQL)
 * @param sha256 the backup file's SHA-256, hex
 * @param strategy whether it holds every row or the schema and Retort's own rows only
 */
public record BackupManifest(String database, String dialect, Set<String> revisions, Instant takenAt,
		Map<String, Long> rowCounts, String sha256, BackupStrategy strategy) {

	static final String SUFFIX = ".manifest";

	/** The manifest file of a backup file. */
	public static Path of(Path backup) {
		return backup.resolveSibling(backup.getFileName() + SUFFIX);
	}

	/** The revisions as the file names and messages show them: ids, or {@code base}. */
	public String revisionLabel() {
		return this.revisions.isEmpty() ? "base" : String.join("+", this.revisions);
	}

	/**
	 * What it holds, for messages: {@code 4 tables, 12 rows}, or for a schema-only backup
	 * {@code schema only (rows of Retort's own tables alone: 3)}.
	 */
	public String contents() {
		long rows = this.rowCounts.values().stream().mapToLong(Long::longValue).sum();
		if (this.strategy == BackupStrategy.SCHEMA_ONLY) {
			return "schema only (rows of Retort's own tables alone: " + rows + ")";
		}
		return this.rowCounts.size() + " tables, " + rows + " rows";
	}

	void write(Path file) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("database", this.database);
		properties.setProperty("dialect", this.dialect);
		properties.setProperty("revisions", String.join(",", this.revisions));
		properties.setProperty("taken-at", this.takenAt.toString());
		properties.setProperty("sha256", this.sha256);
		properties.setProperty("strategy", this.strategy.label());
		this.rowCounts.forEach((table, rows) -> properties.setProperty("rows." + table, Long.toString(rows)));
		try (OutputStream out = Files.newOutputStream(file)) {
			properties.store(out, "Retort backup manifest: do not edit");
		}
	}

	/** Reads a backup's manifest; {@code null} when it has none. */
	static BackupManifest read(Path backup) {
		Path file = of(backup);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
			Map<String, Long> rows = new TreeMap<>();
			for (String name : properties.stringPropertyNames()) {
				if (name.startsWith("rows.")) {
					rows.put(name.substring("rows.".length()), Long.parseLong(properties.getProperty(name)));
				}
			}
			String revisions = properties.getProperty("revisions", "");
			return new BackupManifest(required(properties, "database", file), required(properties, "dialect", file),
					revisions.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(revisions.split(","))),
					Instant.parse(required(properties, "taken-at", file)), rows, required(properties, "sha256", file),
					BackupStrategy.ofLabel(properties.getProperty("strategy")));
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidBackupException("The manifest " + file + " of backup " + backup + " cannot be read ("
					+ ex.getMessage() + "): the backup cannot be trusted. Use another backup.", ex);
		}
	}

	private static String required(Properties properties, String key, Path file) {
		String value = properties.getProperty(key);
		if (value == null) {
			throw new IllegalArgumentException("no " + key + " in " + file);
		}
		return value;
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
