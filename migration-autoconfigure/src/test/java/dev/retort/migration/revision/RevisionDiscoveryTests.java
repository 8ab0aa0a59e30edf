package dev.retort.migration.revision;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.Operations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionDiscoveryTests {

	private static final String FIXTURES = "classpath:dev/retort/migration/revision/fixtures/";

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void classpathLocationFindsJavaAndSqlRevisionsMixed() {
		RevisionGraph graph = RevisionGraph.load(List.of(FIXTURES + "mixed"), this.classLoader);

		assertThat(graph.revisions()).extracting(RevisionScript::id)
			.containsExactly("a1b2c3d4e5f6", "3f2a9c1b7d4e", "5e6f7a8b9c0d", "9d8c7b6a5f4e");
		assertThat(graph.heads()).containsExactly("9d8c7b6a5f4e");
		RevisionScript users = graph.get("a1b2c3d4e5f6");
		assertThat(users.kind()).isEqualTo(RevisionScript.Kind.JAVA);
		assertThat(users.source()).isEqualTo("dev.retort.migration.revision.fixtures.mixed.CreateUsers");
		assertThat(users.branchLabels()).containsExactly("core");
		assertThat(users.message()).isEqualTo("create users");
		assertThat(graph.get("5e6f").transactional()).isFalse();
		RevisionScript tasks = graph.get("3f2a9c1b7d4e");
		assertThat(tasks.kind()).isEqualTo(RevisionScript.Kind.SQL);
		assertThat(tasks.source()).isEqualTo(
				"classpath:dev/retort/migration/revision/fixtures/mixed/20261121_1200_3f2a9c1b7d4e_add_tasks.sql");
		assertThat(SqlRevisionFileTests.upgrade(tasks)).containsExactly(
				new Execute(
						"CREATE TABLE tasks (id BIGINT PRIMARY KEY, title TEXT NOT NULL DEFAULT 'untitled; for now')"),
				new Execute("CREATE INDEX ix_tasks_title ON tasks (title)"));
	}

	@Test
	void oneRevisionWrittenPerDialectRunsTheFileForTheDialect() {
		RevisionGraph graph = RevisionGraph.load(List.of(FIXTURES + "mixed"), this.classLoader);
		RevisionScript search = graph.get("9d8c7b6a5f4e");

		assertThat(search.dialects()).containsExactlyInAnyOrder("postgresql", "sqlite");
		assertThat(search.source()).contains("task_search.postgresql.sql").contains("task_search.sqlite.sql");
		List<Operation> postgres = new ArrayList<>();
		search.migration().upgrade(new Operations(SqlRevisionFileTests.recorder(postgres, "postgresql")));
		List<Operation> sqlite = new ArrayList<>();
		search.migration().upgrade(new Operations(SqlRevisionFileTests.recorder(sqlite, "sqlite")));
		assertThat(postgres).singleElement().asString().contains("CREATE FUNCTION tasks_touch()").contains("$$");
		assertThat(sqlite).singleElement()
			.asString()
			.contains("CREATE TRIGGER tasks_touch")
			.contains("WHERE id = NEW.id;\nEND");
		assertThat(search.checksum("postgresql")).isNotEqualTo(search.checksum("sqlite"));
		assertThat(search.sourceOf("DROP TRIGGER tasks_touch", Direction.DOWNGRADE, "sqlite"))
			.as("a statement is found in the file written for the database it ran on")
			.endsWith("/more/20261121_1300_9d8c7b6a5f4e_task_search.sqlite.sql:9");
	}

	@Test
	void filesystemLocationFindsSqlFilesInSubdirectories(@TempDir Path directory) throws IOException {
		write(directory.resolve("20261121_1000_aaaaaaaaaaaa_base.sql"), "aaaaaaaaaaaa", "");
		Files.createDirectories(directory.resolve("later"));
		write(directory.resolve("later/20261121_1100_bbbbbbbbbbbb_next.sql"), "bbbbbbbbbbbb", "aaaaaaaaaaaa");
		Files.writeString(directory.resolve("README.md"), "not a revision");

		RevisionGraph prefixed = RevisionGraph.load(List.of("filesystem:" + directory), this.classLoader);
		RevisionGraph plain = RevisionGraph.load(List.of(directory.toString()), this.classLoader);

		assertThat(prefixed.revisions()).extracting(RevisionScript::id).containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb");
		assertThat(plain.revisions()).extracting(RevisionScript::id).containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb");
		assertThat(prefixed.get("bbbb").source())
			.isEqualTo(directory.resolve("later/20261121_1100_bbbbbbbbbbbb_next.sql").toString());
	}

	@Test
	void springFileLocationsNameADirectoryToo(@TempDir Path parent) throws IOException {
		Path directory = Files.createDirectories(parent.resolve("db revisions"));
		write(directory.resolve("20261121_1000_aaaaaaaaaaaa_base.sql"), "aaaaaaaaaaaa", "");

		RevisionGraph path = RevisionGraph.load(List.of("file:" + directory), this.classLoader);
		RevisionGraph url = RevisionGraph.load(List.of(directory.toUri().toString()), this.classLoader);

		assertThat(directory.toUri().toString()).startsWith("file:///").contains("db%20revisions");
		assertThat(path.revisions()).extracting(RevisionScript::id).containsExactly("aaaaaaaaaaaa");
		assertThat(url.revisions()).extracting(RevisionScript::id).containsExactly("aaaaaaaaaaaa");
		assertThat(url.get("aaaa").source())
			.isEqualTo(directory.resolve("20261121_1000_aaaaaaaaaaaa_base.sql").toString());
	}

	@Test
	void aLocationWithAPrefixRetortDoesNotKnowIsRefusedByName() {
		assertThatExceptionOfType(RevisionLocationException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of("classpth:db/migrations"), this.classLoader))
			.withMessageContaining("'classpth:db/migrations' starts with 'classpth:', which Retort does not know")
			.withMessageContaining("use classpath:<package>, filesystem:<directory>");
		assertThatExceptionOfType(RevisionLocationException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of("classpath*:db/migrations"), this.classLoader))
			.withMessageContaining("(classpath:db/migrations reads that folder in every class path entry already)");
	}

	@Test
	void classpathAndFilesystemLocationsCombineIntoOneGraph(@TempDir Path directory) throws IOException {
		write(directory.resolve("20261121_1400_cccccccccccc_extra.sql"), "cccccccccccc", "9d8c7b6a5f4e");

		RevisionGraph graph = RevisionGraph.load(List.of(FIXTURES + "mixed", "filesystem:" + directory),
				this.classLoader);

		assertThat(graph.heads()).containsExactly("cccccccccccc");
		assertThat(graph.planUpgrade(Set.of(), "head").steps()).hasSize(5);
	}

	@Test
	void classpathLocationInsideAJarIsScanned(@TempDir Path directory) throws IOException {
		Path jar = directory.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// Directory entries, as Maven and Spring Boot write them.
			out.putNextEntry(new JarEntry("jarred/"));
			out.putNextEntry(new JarEntry("jarred/migrations/"));
			for (String[] entry : new String[][] { { "aaaaaaaaaaaa", "" }, { "bbbbbbbbbbbb", "aaaaaaaaaaaa" } }) {
				out.putNextEntry(new JarEntry("jarred/migrations/20261121_" + entry[0] + ".sql"));
				out.write(revisionText(entry[0], entry[1]).getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}

		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, this.classLoader)) {
			RevisionGraph graph = RevisionGraph.load(List.of("classpath:jarred/migrations"), loader);

			assertThat(graph.revisions()).extracting(RevisionScript::id)
				.containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb");
			assertThat(graph.get("bbbb").source()).isEqualTo("classpath:jarred/migrations/20261121_bbbbbbbbbbbb.sql");
		}
	}

	@Test
	void classpathLocationInADirectoryIsWalkedIntoSubdirectoriesAndSkipsOtherFiles(@TempDir Path directory)
			throws IOException {
		Path migrations = Files.createDirectories(directory.resolve("walked/migrations/2026/11"));
		write(directory.resolve("walked/migrations/20261121_aaaaaaaaaaaa.sql"), "aaaaaaaaaaaa", "");
		write(migrations.resolve("20261122_bbbbbbbbbbbb.sql"), "bbbbbbbbbbbb", "aaaaaaaaaaaa");
		Files.writeString(migrations.resolve("README.md"), "-- revision: cccccccccccc\n-- +upgrade\n");
		Files.createDirectories(directory.resolve("walked/migrations/empty.sql"));

		try (URLClassLoader loader = new URLClassLoader(new URL[] { directory.toUri().toURL() }, this.classLoader)) {
			RevisionGraph graph = RevisionGraph.load(List.of("classpath:/walked/migrations/"), loader);

			assertThat(graph.revisions()).extracting(RevisionScript::id)
				.containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb");
			assertThat(graph.get("bbbb").source())
				.isEqualTo("classpath:walked/migrations/2026/11/20261122_bbbbbbbbbbbb.sql");
		}
	}

	@Test
	void classpathDirectoryFollowsLinkedFilesAndNamesUnusualFileNamesByTheirUrl(@TempDir Path directory)
			throws IOException {
		Path folder = Files.createDirectories(directory.resolve("classes/odd/migrations"));
		Path elsewhere = Files.createDirectories(directory.resolve("shared"));
		write(folder.resolve("20261121 première aaaaaaaaaaaa.sql"), "aaaaaaaaaaaa", "");
		write(elsewhere.resolve("20261122_bbbbbbbbbbbb.sql"), "bbbbbbbbbbbb", "aaaaaaaaaaaa");
		Files.createSymbolicLink(folder.resolve("20261122_bbbbbbbbbbbb.sql"),
				elsewhere.resolve("20261122_bbbbbbbbbbbb.sql"));
		// the same file twice, once through the link: named by each URL
		write(elsewhere.resolve("twice.sql"), "cccccccccccc", "bbbbbbbbbbbb");
		Files.createSymbolicLink(folder.resolve("twice.sql"), elsewhere.resolve("twice.sql"));
		Files.copy(elsewhere.resolve("twice.sql"), folder.resolve("twice copy.sql"));

		try (URLClassLoader loader = new URLClassLoader(new URL[] { directory.resolve("classes").toUri().toURL() },
				this.classLoader)) {
			assertThatExceptionOfType(DuplicateRevisionException.class)
				.isThrownBy(() -> RevisionGraph.load(List.of("classpath:odd/migrations"), loader))
				.withMessageContaining(
						"in classpath:odd/migrations/twice%20copy.sql and in classpath:odd/migrations/twice.sql");
			Files.delete(folder.resolve("twice copy.sql"));
			RevisionGraph graph = RevisionGraph.load(List.of("classpath:odd/migrations"), loader);

			assertThat(graph.revisions()).extracting(RevisionScript::id)
				.containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc");
			String url = folder.resolve("20261121 première aaaaaaaaaaaa.sql").toUri().toURL().toString();
			assertThat(graph.get("aaaa").source())
				.isEqualTo("classpath:" + url.substring(url.indexOf("odd/migrations/")));
			assertThat(graph.get("bbbb").source()).isEqualTo("classpath:odd/migrations/20261122_bbbbbbbbbbbb.sql");
		}
	}

	@Test
	void aLinkedFolderIsNotWalkedSoALinkBackUpCannotLoopAndAFilesystemLocationIsWalkedTheSameWay(
			@TempDir Path directory) throws IOException {
		Path folder = Files.createDirectories(directory.resolve("classes/linked/migrations"));
		Path shared = Files.createDirectories(directory.resolve("shared"));
		write(folder.resolve("20261121_aaaaaaaaaaaa.sql"), "aaaaaaaaaaaa", "");
		write(shared.resolve("20261122_bbbbbbbbbbbb.sql"), "bbbbbbbbbbbb", "aaaaaaaaaaaa");
		Files.createSymbolicLink(folder.resolve("shared"), shared);
		Files.createSymbolicLink(folder.resolve("loop"), folder);

		try (URLClassLoader loader = new URLClassLoader(new URL[] { directory.resolve("classes").toUri().toURL() },
				this.classLoader)) {
			RevisionGraph graph = RevisionGraph.load(List.of("classpath:linked/migrations"), loader);

			assertThat(graph.revisions()).extracting(RevisionScript::id).containsExactly("aaaaaaaaaaaa");
		}
		RevisionGraph graph = RevisionGraph.load(List.of("filesystem:" + folder), this.classLoader);
		assertThat(graph.revisions()).extracting(RevisionScript::source)
			.containsExactly(folder.resolve("20261121_aaaaaaaaaaaa.sql").toString());
	}

	@Test
	void aFolderNamedLikeAnSqlFileIsWalkedALinkToOneIsNotAndALinkToNothingIsSkipped(@TempDir Path directory)
			throws IOException {
		Path folder = Files.createDirectories(directory.resolve("classes/named/migrations"));
		Path shared = Files.createDirectories(directory.resolve("shared/linked.sql"));
		write(folder.resolve("20261121_aaaaaaaaaaaa.sql"), "aaaaaaaaaaaa", "");
		write(Files.createDirectories(folder.resolve("2026.sql")).resolve("20261122_bbbbbbbbbbbb.sql"), "bbbbbbbbbbbb",
				"aaaaaaaaaaaa");
		write(shared.resolve("20261123_cccccccccccc.sql"), "cccccccccccc", "bbbbbbbbbbbb");
		Files.createSymbolicLink(folder.resolve("linked.sql"), shared);
		Files.createSymbolicLink(folder.resolve("gone.sql"), directory.resolve("deleted.sql"));

		try (URLClassLoader loader = new URLClassLoader(new URL[] { directory.resolve("classes").toUri().toURL() },
				this.classLoader)) {
			RevisionGraph graph = RevisionGraph.load(List.of("classpath:named/migrations"), loader);

			assertThat(graph.revisions()).extracting(RevisionScript::source)
				.containsExactly("classpath:named/migrations/20261121_aaaaaaaaaaaa.sql",
						"classpath:named/migrations/2026.sql/20261122_bbbbbbbbbbbb.sql");
		}
		RevisionGraph graph = RevisionGraph.load(List.of("filesystem:" + folder), this.classLoader);
		assertThat(graph.revisions()).extracting(RevisionScript::source)
			.containsExactly(folder.resolve("20261121_aaaaaaaaaaaa.sql").toString(),
					folder.resolve("2026.sql/20261122_bbbbbbbbbbbb.sql").toString());
	}

	@Test
	void classpathLocationInADirectoryAndAJarCombinesBothAndNamesACopyFoundTwiceByItsUrl(@TempDir Path directory)
			throws IOException {
		Path folder = Files.createDirectories(directory.resolve("classes/split/migrations"));
		write(folder.resolve("20261121_aaaaaaaaaaaa.sql"), "aaaaaaaaaaaa", "");
		write(folder.resolve("20261122_bbbbbbbbbbbb.sql"), "bbbbbbbbbbbb", "aaaaaaaaaaaa");
		Path jar = directory.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("split/"));
			out.putNextEntry(new JarEntry("split/migrations/"));
			out.putNextEntry(new JarEntry("split/migrations/20261121_aaaaaaaaaaaa.sql"));
			out.write(revisionText("aaaaaaaaaaaa", "").getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		URL[] entries = { directory.resolve("classes").toUri().toURL(), jar.toUri().toURL() };

		try (URLClassLoader loader = new URLClassLoader(entries, this.classLoader)) {
			assertThatExceptionOfType(DuplicateRevisionException.class)
				.isThrownBy(() -> RevisionGraph.load(List.of("classpath:split/migrations"), loader))
				.withMessageContaining("classpath:split/migrations/20261121_aaaaaaaaaaaa.sql ("
						+ folder.resolve("20261121_aaaaaaaaaaaa.sql").toUri().toURL())
				.withMessageContaining("classpath:split/migrations/20261121_aaaaaaaaaaaa.sql (jar:"
						+ jar.toUri().toURL() + "!/split/migrations/20261121_aaaaaaaaaaaa.sql)");
		}
	}

	@Test
	void classpathLocationWithAWildcardIsExpanded(@TempDir Path directory) throws IOException {
		write(Files.createDirectories(directory.resolve("modules/one/migrations")).resolve("a.sql"), "aaaaaaaaaaaa",
				"");
		write(Files.createDirectories(directory.resolve("modules/two/migrations")).resolve("b.sql"), "bbbbbbbbbbbb",
				"aaaaaaaaaaaa");

		try (URLClassLoader loader = new URLClassLoader(new URL[] { directory.toUri().toURL() }, this.classLoader)) {
			RevisionGraph graph = RevisionGraph.load(List.of("classpath:modules/*/migrations"), loader);

			assertThat(graph.revisions()).extracting(RevisionScript::id)
				.containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb");
		}
	}

	@Test
	void emptyOrMissingClasspathLocationHasNoRevisions() {
		RevisionGraph graph = RevisionGraph.load(List.of("classpath:db/nothing_here"), this.classLoader);

		assertThat(graph.revisions()).isEmpty();
		assertThat(graph.heads()).isEmpty();
		assertThat(graph.planUpgrade(Set.of(), "heads").isEmpty()).isTrue();
	}

	@Test
	void missingDirectoryIsReported(@TempDir Path directory) {
		Path missing = directory.resolve("nope");

		assertThatExceptionOfType(RevisionLocationException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of("filesystem:" + missing), this.classLoader))
			.withMessageContaining("is not a directory (" + missing + ")");
	}

	@Test
	void unparsableSqlFileOnTheClasspathNamesTheFile() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of(FIXTURES + "badsql"), this.classLoader))
			.withMessageContaining("fixtures/badsql/20261121_1400_missing_header.sql:1")
			.withMessageContaining("'-- revision: <id>'");
	}

	@Test
	void revisionClassThatIsNotAMigrationIsNamed() {
		assertThatExceptionOfType(RevisionClassException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of(FIXTURES + "notmigration"), this.classLoader))
			.withMessageContaining("fixtures.notmigration.NotAMigration is annotated @Revision")
			.withMessageContaining("implements Migration");
	}

	@Test
	void revisionClassWithoutANoArgumentConstructorIsNamed() {
		assertThatExceptionOfType(RevisionClassException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of(FIXTURES + "noconstructor"), this.classLoader))
			.withMessageContaining("fixtures.noconstructor.NeedsArgument has no public no-argument constructor");
	}

	@Test
	void revisionClassWhoseStaticInitializerThrowsIsNamedEveryTimeTheGraphLoads() {
		// the first load runs the initializer; later loads (the runner's after the
		// warm-up's) meet a class the JVM marked unusable
		for (int load = 1; load <= 2; load++) {
			assertThatExceptionOfType(RevisionClassException.class).as("load %d", load)
				.isThrownBy(() -> RevisionGraph.load(List.of(FIXTURES + "staticinit"), this.classLoader))
				.withMessageContaining(
						"Revision class dev.retort.migration.revision.fixtures.staticinit.FailsToInitialize "
								+ "failed in its static initializer")
				.withMessageContaining("boom in init")
				.withMessageContaining("keep static state trivial");
		}
	}

	@Test
	void javaRevisionLimitedToADialectRetortDoesNotKnowIsRefusedWhenTheGraphLoads() {
		assertThatExceptionOfType(RevisionClassException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of(FIXTURES + "unknowndialect"), this.classLoader))
			.withMessageContaining("fixtures.unknowndialect.PostgresOnly")
			.withMessageContaining("dialects = \"postgres\"")
			.withMessageContaining("did you mean 'postgresql'")
			.withMessageContaining("recorded as applied");
	}

	@Test
	void sqlFileWithADotInItsNameIsRefusedInsteadOfRunningNowhere(@TempDir Path directory) throws IOException {
		write(directory.resolve("20261121_1200_aaaaaaaaaaaa_bump_to_1.5.sql"), "aaaaaaaaaaaa", "");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of(directory.toString()), this.classLoader))
			.withMessageContaining("bump_to_1.5.sql:1")
			.withMessageContaining("'.5.sql'")
			.withMessageContaining("rename the file");
	}

	@Test
	void sameIdInTwoFilesOfTheSameDialectIsADuplicate(@TempDir Path directory) throws IOException {
		write(directory.resolve("one.sql"), "aaaaaaaaaaaa", "");
		write(directory.resolve("two.sql"), "aaaaaaaaaaaa", "");

		assertThatExceptionOfType(DuplicateRevisionException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of(directory.toString()), this.classLoader))
			.withMessageContaining(directory.resolve("one.sql").toString())
			.withMessageContaining(directory.resolve("two.sql").toString());
	}

	@Test
	void dialectVariantsMustAgreeOnTheirPlaceInTheGraph(@TempDir Path directory) throws IOException {
		write(directory.resolve("x.postgresql.sql"), "aaaaaaaaaaaa", "");
		write(directory.resolve("x.sqlite.sql"), "aaaaaaaaaaaa", "bbbbbbbbbbbb");

		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> RevisionGraph.load(List.of(directory.toString()), this.classLoader))
			.withMessageContaining("x.postgresql.sql")
			.withMessageContaining("x.sqlite.sql")
			.withMessageContaining("Make these headers the same");
	}

	private static void write(Path file, String id, String revises) throws IOException {
		Files.writeString(file, revisionText(id, revises));
	}

	private static String revisionText(String id, String revises) {
		return """
				-- revision: %s
				-- revises: %s
				-- +upgrade
				CREATE TABLE t_%s (id INTEGER);
				-- +downgrade
				DROP TABLE t_%s;
				""".formatted(id, revises, id, id);
	}

}
