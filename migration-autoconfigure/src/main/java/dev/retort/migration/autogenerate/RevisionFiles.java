package dev.retort.migration.autogenerate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.SchemaSource;

/**
 * Writes new revisions into a project's source tree: Java revisions into
 * {@code <source-dir>/<package path>/<Class>.java}, SQL revisions into
 * {@code <sql-dir>/<file>.sql}. Directories are created; an existing file is never
 * overwritten (a Java class whose name is taken gets a number).
 */
public final class RevisionFiles {

	private RevisionFiles() {
	}

	/**
	 * Writes the draft as a Java revision.
	 * @param draft the revision
	 * @param sourceDirectory the source root, e.g. {@code src/main/java}
	 * @param packageName the package, e.g. {@code db.migrations}
	 * @return the file written
	 */
	public static Path writeJava(RevisionDraft draft, Path sourceDirectory, String packageName) {
		Path directory = sourceDirectory;
		if (!packageName.isEmpty()) {
			directory = directory.resolve(packageName.replace('.', '/'));
		}
		createDirectories(directory);
		String className = freeClassName(directory, JavaRevisionWriter.className(draft.message(), draft.id()));
		String source = new JavaRevisionWriter(packageName).write(draft, className);
		return create(directory.resolve(className + ".java"), source);
	}

	/**
	 * Writes the draft as an SQL revision for one database.
	 * @param draft the revision
	 * @param dialect the database it is written for
	 * @param live the database as it is now, before the upgrade
	 * @param sqlDirectory the directory, e.g. {@code src/main/resources/db/migrations}
	 * @return the file written
	 */
	public static Path writeSql(RevisionDraft draft, Dialect dialect, SchemaSource live, Path sqlDirectory) {
		createDirectories(sqlDirectory);
		SqlRevisionWriter writer = new SqlRevisionWriter(dialect);
		return create(sqlDirectory.resolve(writer.fileName(draft)), writer.write(draft, live));
	}

	/**
	 * {@code name}, or {@code name2}, {@code name3}… when a file of that name exists in
	 * the directory (compared ignoring case, as some file systems do).
	 */
	static String freeClassName(Path directory, String name) {
		Set<String> taken;
		try (Stream<Path> files = Files.list(directory)) {
			taken = files.map((file) -> file.getFileName().toString().toLowerCase(Locale.ROOT))
				.collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new RevisionWriteException("Cannot list " + directory + " to name the new revision: "
					+ ex.getMessage() + ". Check that it is a readable directory.", ex);
		}
		String candidate = name;
		for (int number = 2; taken.contains(candidate.toLowerCase(Locale.ROOT) + ".java")
				|| taken.contains(candidate.toLowerCase(Locale.ROOT) + ".class"); number++) {
			candidate = name + number;
		}
		return candidate;
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new RevisionWriteException("Cannot create the directory " + directory + " for the new revision: " + ex
					+ ". Check the path and its permissions, or configure another directory.", ex);
		}
	}

	private static Path create(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			return file;
		}
		catch (FileAlreadyExistsException ex) {
			throw new RevisionWriteException("The revision file " + file
					+ " exists already; Retort does not overwrite files. Move it away, or give the revision another id.",
					ex);
		}
		catch (IOException ex) {
			throw new RevisionWriteException("Cannot write the revision file " + file + ": " + ex
					+ ". Check the directory's permissions and free space.", ex);
		}
	}

}
