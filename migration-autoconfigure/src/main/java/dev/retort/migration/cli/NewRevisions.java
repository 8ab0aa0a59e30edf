package dev.retort.migration.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
	 * Writes the draft as a Java revision into {@code migrations.autogenerate.source-dir}
	 * and {@code .package}, or with {@code sql} as an SQL revision for the application's
	 * database into {@code migrations.autogenerate.sql-dir}.
	 */
	Path write(RevisionDraft draft, boolean sql) {
		MigrationProperties.Autogenerate settings = this.session.beans(MigrationProperties.class)
			.getIfAvailable(MigrationProperties::new)
			.getAutogenerate();
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

	/** The line that says what was written. */
	static String wrote(RevisionDraft draft, Path file) {
		String parents = draft.revises().isEmpty() ? "base" : String.join(", ", draft.revises());
		return "Wrote revision " + draft.id() + (draft.message().isEmpty() ? "" : " (" + draft.message() + ")") + " on "
				+ parents + ": " + file;
	}

}
