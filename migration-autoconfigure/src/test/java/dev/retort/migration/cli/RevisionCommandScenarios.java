package dev.retort.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate revision} and {@code migrate merge} as a developer runs them, written
 * once and run against each database: the SQL file lands where
 * {@code migrations.autogenerate.sql-dir} says, the graph loads it, {@code upgrade} runs
 * it, and a merge of two heads leaves one.
 */
abstract class RevisionCommandScenarios {

	private static final Pattern WROTE = Pattern.compile("Wrote revision (\\w+) .*: (.+)");

	@TempDir
	Path directory;

	abstract TestDatabase database();

	@BeforeEach
	void emptyDatabase() throws SQLException {
		database().reset();
	}

	@Test
	void sqlRevisionsAreWrittenLoadedUpgradedBranchedAndMerged() throws Exception {
		Files.createDirectories(sqlDirectory());
		Run first = migrateSql("revision", "-m", "create widgets", "--sql", "--rev-id", "aaaa00000001");
		assertThat(first.exitCode()).as(first.err()).isZero();
		Path firstFile = written(first);
		assertThat(firstFile.getParent()).isEqualTo(sqlDirectory());
		assertThat(firstFile.getFileName().toString())
			.matches("\\d{8}_\\d{4}_aaaa00000001_create_widgets\\.\\w+\\.sql");
		assertThat(first.out()).contains("Wrote revision aaaa00000001 (create widgets) on base: ");
		fillIn(firstFile, "CREATE TABLE widgets (id INTEGER PRIMARY KEY)", "DROP TABLE widgets");

		Run second = migrateSql("revision", "-m", "add widget size", "--sql");
		assertThat(second.exitCode()).as(second.err()).isZero();
		String secondId = idOf(second);
		assertThat(secondId).matches("[0-9a-f]{12}");
		assertThat(Files.readString(written(second))).contains("-- revises: aaaa00000001\n");
		fillIn(written(second), "ALTER TABLE widgets ADD COLUMN size INTEGER", "ALTER TABLE widgets DROP COLUMN size");

		Run upgrade = migrateSql("upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(versions()).containsExactly(secondId);
		assertThat(columns("widgets")).containsExactly("id", "size");

		Run notAHead = migrateSql("revision", "-m", "colours", "--sql", "--head", "aaaa00000001");
		assertThat(notAHead.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(notAHead.err()).contains("aaaa00000001 is not a head").contains("--splice").contains(secondId);
		Run branch = migrateSql("revision", "-m", "colours", "--sql", "--head", "aaaa00000001", "--splice",
				"--branch-label", "colours");
		assertThat(branch.exitCode()).as(branch.err()).isZero();
		String branchId = idOf(branch);
		assertThat(Files.readString(written(branch))).contains("-- revises: aaaa00000001\n")
			.contains("-- branch-labels: colours\n");

		Run ambiguous = migrateSql("revision", "-m", "more", "--sql");
		assertThat(ambiguous.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(ambiguous.err()).contains("2 heads")
			.contains(secondId + " (add widget size)")
			.contains(branchId + " (colours)")
			.contains("--head")
			.contains("migrate merge heads")
			.doesNotContain("\tat ");
		assertThat(sqlFiles()).hasSize(3);

		Run overlapping = migrateSql("merge", secondId, "aaaa00000001", "-m", "join nothing", "--sql");
		assertThat(overlapping.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(overlapping.err())
			.contains("Nothing to merge between aaaa00000001 and " + secondId + ": aaaa00000001 is an ancestor of "
					+ secondId)
			.contains("See `migrate merge --help`.")
			.doesNotContain("Usage:");
		Run single = migrateSql("merge", secondId, "-m", "join nothing", "--sql");
		assertThat(single.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(single.err()).contains("Nothing to merge: " + secondId + " names only").doesNotContain("Usage:");
		assertThat(sqlFiles()).hasSize(3);

		Run merge = migrateSql("merge", "heads", "-m", "join colours", "--sql");
		assertThat(merge.exitCode()).as(merge.err()).isZero();
		String mergeId = idOf(merge);
		assertThat(Files.readString(written(merge)))
			.containsPattern("-- revises: (" + secondId + ", " + branchId + "|" + branchId + ", " + secondId + ")\n");
		Run heads = migrateSql("heads");
		// the merge is on the colours branch (colours@head names it), so it shows the
		// label
		assertThat(heads.out().strip()).startsWith(mergeId + " (colours) (head), join colours")
			.doesNotContain(secondId);
		Run afterMerge = migrateSql("upgrade");
		assertThat(afterMerge.exitCode()).as(afterMerge.err()).isZero();
		assertThat(versions()).containsExactly(mergeId);

		Run onTheMerge = migrateSql("revision", "-m", "after the merge", "--sql");
		assertThat(onTheMerge.exitCode()).as(onTheMerge.err()).isZero();
		assertThat(Files.readString(written(onTheMerge))).contains("-- revises: " + mergeId + "\n");

		Run downgrade = migrateSql("downgrade", "base");
		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		assertThat(columns("widgets")).isEmpty();
	}

	@Test
	void theFirstRevisionGoesIntoALocationNotOnTheClassPathYetWhichEveryOtherCommandRefuses() throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("migrations.locations", "classpath:com/example/brandnew");
		properties.put("migrations.autogenerate.source-dir", javaDirectory().toString());
		properties.put("migrations.autogenerate.package", "com.example.brandnew");

		Run first = migrate(properties, "revision", "-m", "first", "--rev-id", "bbbb00000001");
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(written(first)).startsWith(javaDirectory().resolve("com/example/brandnew"));

		Run status = migrate(properties, "status");
		assertThat(status.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(status.err())
			.contains("Migration location 'classpath:com/example/brandnew' is not on the class "
					+ "path: no class path entry has a folder com/example/brandnew")
			.contains("Correct migrations.locations")
			.doesNotContain("\tat ");
		assertThat(status.out()).isEmpty();
		Run upgrade = migrate(properties, "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(upgrade.err()).contains("nothing was run");
	}

	@Test
	void aRevisionIsNotWrittenFromADirectoryThatHoldsNothingOfTheFolderItGoesIn() {
		Path here = Path.of("").toAbsolutePath();
		Map<String, Object> java = new LinkedHashMap<>();
		java.put("migrations.locations", MigrateCommandScenarios.GOOD);
		java.put("migrations.autogenerate.source-dir", "not-this-project/src/main/java");
		Run revision = migrate(java, "revision", "-m", "from elsewhere");
		assertThat(revision.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(revision.err())
			.contains("Nothing of not-this-project/src/main/java is in the working directory, " + here
					+ ", so this is not the project's directory")
			.contains("Run the command from the project's directory, or set migrations.autogenerate.source-dir")
			.contains("Nothing was written.");
		assertThat(revision.out()).isEmpty();

		Map<String, Object> sql = new LinkedHashMap<>();
		sql.put("migrations.locations", MigrateCommandScenarios.GOOD);
		sql.put("migrations.autogenerate.sql-dir", "not-this-project/src/main/resources/db/migrations");
		Run sqlRevision = migrate(sql, "revision", "-m", "from elsewhere", "--sql");
		assertThat(sqlRevision.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(sqlRevision.err()).contains("migrations.autogenerate.sql-dir");
		assertThat(here.resolve("not-this-project")).doesNotExist();
	}

	Run migrateSql(String... command) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("migrations.locations", "filesystem:" + sqlDirectory());
		properties.put("migrations.autogenerate.sql-dir", sqlDirectory().toString());
		return migrate(properties, command);
	}

	Run migrateJava(String... command) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("migrations.locations", MigrateCommandScenarios.GOOD);
		properties.put("migrations.autogenerate.source-dir", javaDirectory().toString());
		properties.put("migrations.autogenerate.package", "com.example.migrations");
		return migrate(properties, command);
	}

	private Run migrate(Map<String, Object> properties, String... command) {
		Map<String, Object> all = new LinkedHashMap<>(database().dataSourceProperties());
		all.putAll(properties);
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(all, args);
	}

	private Path sqlDirectory() {
		return this.directory.resolve("sql");
	}

	Path javaDirectory() {
		return this.directory.resolve("java");
	}

	private List<Path> sqlFiles() throws IOException {
		try (Stream<Path> files = Files.list(sqlDirectory())) {
			return files.toList();
		}
	}

	static Path written(Run run) {
		Matcher wrote = WROTE.matcher(run.out().strip());
		assertThat(wrote.find()).as(run.out()).isTrue();
		return Path.of(wrote.group(2));
	}

	static String idOf(Run run) {
		Matcher wrote = WROTE.matcher(run.out().strip());
		assertThat(wrote.find()).as(run.out()).isTrue();
		return wrote.group(1);
	}

	/** Writes statements into a new revision's sections, as its author does. */
	private static void fillIn(Path file, String upgrade, String downgrade) throws IOException {
		String text = Files.readString(file);
		assertThat(text).contains("-- +upgrade\n-- TODO ").contains("-- +downgrade\n-- TODO ");
		Files.writeString(file, text.replace("-- +upgrade\n", "-- +upgrade\n" + upgrade + ";\n")
			.replace("-- +downgrade\n", "-- +downgrade\n" + downgrade + ";\n"));
	}

	private List<String> versions() throws SQLException {
		List<String> versions = new ArrayList<>();
		try (Connection connection = database().connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version_num FROM migrations_version")) {
			while (rows.next()) {
				versions.add(rows.getString(1));
			}
		}
		return versions;
	}

	private List<String> columns(String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = database().connect();
				ResultSet rows = connection.getMetaData().getColumns(null, null, table, null)) {
			while (rows.next()) {
				columns.add(rows.getString("COLUMN_NAME"));
			}
		}
		return columns;
	}

}
