package dev.retort.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.retort.migration.autoconfigure.MigrationProperties;
import dev.retort.migration.autogenerate.RevisionDraft;
import dev.retort.migration.autogenerate.RevisionDrafts;
import dev.retort.migration.autogenerate.RevisionFiles;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.engine.DatabaseAccessException;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;

/**
 * What {@code migrate revision} and {@code migrate merge} share: checking the new
 * revision's id, labels and parents against the graph, and writing its file where
 * {@code migrations.autogenerate.*} says.
 */
final class NewRevisions {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

	private static final Set<String> RESERVED = Set.of("head", "heads", "base");

	/**
	 * A Java revision's id: {@code @Revision(id = "…"}, however the arguments are laid
	 * out.
	 */
	private static final Pattern JAVA_REVISION_ID = Pattern
		.compile("(?s)@Revision\\s*\\(.*?\\bid\\s*=\\s*\"([^\"]+)\"");

	/** An SQL revision's id header. */
	private static final Pattern SQL_REVISION_ID = Pattern.compile("(?m)^\\uFEFF?--\\s*revision:\\s*(\\S+)\\s*$");

	private final MigrateSession session;

	private final RevisionGraph graph;

	private final RevisionDrafts drafts = new RevisionDrafts();

	NewRevisions(MigrateSession session) {
		this.session = session;
		this.graph = session.migrator().graphAsFound();
	}

	RevisionGraph graph() {
		return this.graph;
	}

	RevisionDrafts drafts() {
		return this.drafts;
	}

	/** The id asked for with {@code --rev-id}, checked, or a fresh random one. */
	String id(String requested) {
		if (requested == null) {
			return this.drafts.newId((id) -> this.graph.find(id).isPresent());
		}
		if (!NAME.matcher(requested).matches() || RESERVED.contains(requested)) {
			throw usage("'" + requested + "' cannot be a revision id: use letters, digits and underscores "
					+ "(12 lowercase hex characters by convention), and not head, heads or base.");
		}
		this.graph.find(requested).ifPresent((existing) -> {
			throw usage("Revision " + requested + " exists already (" + existing.source()
					+ "). Choose another --rev-id, or leave it out for a random one.");
		});
		return requested;
	}

	/** The branch labels given, checked against the graph's. */
	List<String> branchLabels(List<String> labels) {
		for (String label : labels) {
			if (!NAME.matcher(label).matches() || RESERVED.contains(label)) {
				throw usage("'" + label + "' cannot be a branch label: use letters, digits and underscores, "
						+ "and not head, heads or base.");
			}
			this.graph.findBranch(label).ifPresent((owner) -> {
				throw usage("Branch label '" + label + "' belongs to revision " + owner
						+ " already. Choose another label.");
			});
		}
		return List.copyOf(new LinkedHashSet<>(labels));
	}

	/** The one revision a target names ({@code 3f2a}, {@code label@head}…), by id. */
	String single(String target, String option) {
		Set<String> resolved = this.graph.resolve(target, Set.of());
		if (resolved.size() != 1) {
			throw usage(option + " " + target + " names " + resolved.size() + " revisions ("
					+ String.join(", ", new TreeSet<>(resolved)) + "); name one.");
		}
		return resolved.iterator().next();
	}

	/** The revisions the given targets name, by id, each once. */
	List<String> resolveAll(List<String> targets) {
		List<String> ids = new ArrayList<>();
		for (String target : targets) {
			for (String id : new TreeSet<>(this.graph.resolve(target, Set.of()))) {
				if (!ids.contains(id)) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	/** The heads, each as {@code id (message)}, for messages. */
	String describeHeads() {
		List<String> heads = new ArrayList<>();
		for (String head : new TreeSet<>(this.graph.heads())) {
			RevisionScript revision = this.graph.get(head);
			heads.add(revision.id() + (revision.message().isEmpty() ? "" : " (" + revision.message() + ")"));
		}
		return String.join(", ", heads);
	}

	InvalidRevisionRequestException usage(String message) {
		return new InvalidRevisionRequestException(message);
	}

	/**
	 * Refuses, before anything is resolved or written, a folder that is not the project's
	 * and a build older than the revision files in it: commands call it first, so a
	 * {@code --head} naming a revision written since the last build gets the build's
	 * message rather than "no such revision".
	 */
	void checkWritable(boolean sql) {
		MigrationProperties.Autogenerate settings = settings();
		Path javaDirectory = Path.of(settings.getSourceDir());
		if (!settings.getPackage().isEmpty()) {
			javaDirectory = javaDirectory.resolve(settings.getPackage().replace('.', '/'));
		}
		if (sql) {
			requireProjectDirectory(settings.getSqlDir(), "migrations.autogenerate.sql-dir");
		}
		else {
			requireProjectDirectory(settings.getSourceDir(), "migrations.autogenerate.source-dir");
		}
		requireBuilt(javaDirectory, ".java", JAVA_REVISION_ID);
		requireBuilt(Path.of(settings.getSqlDir()), ".sql", SQL_REVISION_ID);
	}

	private MigrationProperties.Autogenerate settings() {
		return this.session.beans(MigrationProperties.class).getIfAvailable(MigrationProperties::new).getAutogenerate();
	}

	/**
	 * Writes the draft as a Java revision into {@code migrations.autogenerate.source-dir}
	 * and {@code .package}, or with {@code sql} as an SQL revision for the application's
	 * database into {@code migrations.autogenerate.sql-dir}; the command has called
	 * {@link #checkWritable} before it resolved anything.
	 */
	Path write(RevisionDraft draft, boolean sql) {
		MigrationProperties.Autogenerate settings = settings();
		if (!sql) {
			return RevisionFiles.writeJava(draft, Path.of(settings.getSourceDir()), settings.getPackage());
		}
		// the database the migrator migrates, which may be a dedicated migration
		// DataSource
		DataSource dataSource = this.session.migrator().dataSource();
		try (Connection connection = dataSource.getConnection()) {
			Dialect dialect = Dialects.of(connection);
			return RevisionFiles.writeSql(draft, dialect, dialect.live(connection), Path.of(settings.getSqlDir()));
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("Could not read the database to write the SQL revision: "
					+ ex.getMessage() + ". Check that it is reachable.", ex);
		}
	}

	/**
	 * Refuses to write into a relative folder of which nothing is in the working
	 * directory: the command was run from somewhere other than the project (the
	 * application's jar can be run from anywhere), and the revision would land in a
	 * {@code src/main/java} of its own there, out of every build.
	 */
	private void requireProjectDirectory(String directory, String property) {
		Path path = Path.of(directory);
		if (path.isAbsolute() || path.getNameCount() == 0 || Files.exists(path.getName(0))) {
			return;
		}
		throw usage("Nothing of " + directory + " is in the working directory, " + Path.of("").toAbsolutePath()
				+ ", so this is not the project's directory: new revisions go into " + directory + " under it ("
				+ property + "). Run the command from the project's directory, or set " + property
				+ " to the folder they go in. Nothing was written.");
	}

	/**
	 * Refuses to write while a revision file in the folder revisions are written to is
	 * not in the graph the application loaded: the build is older than the sources, so
	 * the new revision would revise what that one revises, and the graph would get a
	 * second head no one asked for.
	 */
	private void requireBuilt(Path directory, String suffix, Pattern revisionId) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		List<Path> files;
		try (Stream<Path> listed = Files.list(directory)) {
			files = listed.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			// writing there fails with its own message
			return;
		}
		for (Path file : files) {
			String text;
			try {
				text = Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException | UncheckedIOException ex) {
				continue;
			}
			Matcher id = revisionId.matcher(text);
			if (id.find() && this.graph.find(id.group(1)).isEmpty()) {
				throw usage(file + " holds revision " + id.group(1) + ", which the application does not have: "
						+ "it was written after the application was last built, so a revision written now would not "
						+ "revise it and the revisions would get a second head. Build the application (e.g. "
						+ "./mvnw compile) and run the command again.");
			}
		}
	}

	/** The line that says what was written. */
	static String wrote(RevisionDraft draft, Path file) {
		String parents = draft.revises().isEmpty() ? "base" : String.join(", ", draft.revises());
		return "Wrote revision " + draft.id() + (draft.message().isEmpty() ? "" : " (" + draft.message() + ")") + " on "
				+ parents + ": " + file;
	}

}
