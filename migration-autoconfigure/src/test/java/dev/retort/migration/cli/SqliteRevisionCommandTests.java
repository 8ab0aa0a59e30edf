package dev.retort.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.retort.migration.autogenerate.GeneratedSources;
import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New revisions from the command line, run on an SQLite file; and the Java revisions and
 * mistakes that need only one database to show they work.
 */
class SqliteRevisionCommandTests extends RevisionCommandScenarios {

	@TempDir
	static Path databaseDirectory;

	private final SqliteTestDatabase sqlite = new SqliteTestDatabase(databaseDirectory.resolve("revisions.db"));

	@Override
	TestDatabase database() {
		return this.sqlite;
	}

	@Test
	void javaRevisionsAreWrittenIntoTheConfiguredPackageAndCompile() throws Exception {
		Run run = migrateJava("revision", "-m", "add widget colour", "--branch-label", "colours", "--depends-on",
				"aaaa00000001");
		assertThat(run.exitCode()).as(run.err()).isZero();
		Path file = written(run);
		assertThat(file).isEqualTo(javaDirectory().resolve("com/example/migrations/AddWidgetColour.java"));
		assertThat(Files.readString(file)).startsWith("package com.example.migrations;\n")
			.contains("revises = \"aaaa00000002\"")
			.contains("branchLabels = \"colours\"")
			.contains("dependsOn = \"aaaa00000001\"")
			.contains("// TODO write the changes this revision makes")
			.contains("// TODO undo the upgrade");
		// before a build the application does not have it: a second revision would revise
		// aaaa00000002 too, a second head no one asked for
		Run again = migrateJava("generate", "-m", "add widget colour");
		assertThat(again.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(again.err())
			.contains(file + " holds revision " + idOf(run) + ", which the application does not have")
			.contains("Build the application (e.g. ./mvnw compile) and run the command again.");
		// naming the new revision or its label as --head, or merging it, says the same,
		// not that no such revision exists
		for (String[] command : List.of(new String[] { "revision", "-m", "more colour", "--head", idOf(run) },
				new String[] { "revision", "-m", "more colour", "--head", "colours@head" },
				new String[] { "merge", "heads", idOf(run), "-m", "join" })) {
			Run onIt = migrateJava(command);
			assertThat(onIt.exitCode()).as(String.join(" ", command)).isEqualTo(MigrateCommand.USAGE);
			assertThat(onIt.err()).as(String.join(" ", command))
				.contains(file + " holds revision " + idOf(run) + ", which the application does not have");
		}
		try (Stream<Path> files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}

		ClassLoader compiled = GeneratedSources.compile(javaDirectory(),
				Files.createDirectories(this.directory.resolve("classes")));
		RevisionGraph graph = RevisionGraph
			.load(List.of(MigrateCommandScenarios.GOOD, "classpath:com/example/migrations"), compiled);
		RevisionScript colour = graph.get(idOf(run));
		assertThat(colour.parents()).containsExactly("aaaa00000002");
		assertThat(colour.branchLabels()).containsExactly("colours");
		assertThat(colour.dependsOn()).containsExactly("aaaa00000001");
		assertThat(colour.message()).isEqualTo("add widget colour");
		assertThat(graph.heads()).containsExactly(idOf(run));
	}

	@Test
	void mistakesAreUsageErrorsAndWriteNothing() throws IOException {
		Run noMessage = migrateJava("revision");
		assertThat(noMessage.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(noMessage.err()).contains("--message");
		Run takenId = migrateJava("revision", "-m", "again", "--rev-id", "aaaa00000001");
		assertThat(takenId.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(takenId.err()).contains("Revision aaaa00000001 exists already");
		Run badId = migrateJava("revision", "-m", "again", "--rev-id", "not-hex!");
		assertThat(badId.exitCode()).isEqualTo(MigrateCommand.USAGE);
		Run unknownHead = migrateJava("revision", "-m", "again", "--head", "ffff00000000");
		assertThat(unknownHead.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(unknownHead.err()).contains("ffff00000000");
		Run oneHead = migrateJava("merge", "heads", "-m", "nothing to join");
		assertThat(oneHead.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(oneHead.err()).contains("Nothing to merge").contains("aaaa00000002");
		assertThat(Files.exists(javaDirectory())).isFalse();
	}

}
