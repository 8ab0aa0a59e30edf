package dev.retort.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line scenarios on an SQLite file, and the commands that need only one
 * database to show they work.
 */
class SqliteMigrateCommandTests extends MigrateCommandScenarios {

	@TempDir
	Path directory;

	@Override
	String databaseLine() {
		return "Database:   sqlite, " + this.directory.resolve("app.db").toAbsolutePath();
	}

	@Test
	void backupListShowsThisDatabasesBackupsAndARestoreOfAnothersSaysWhose() {
		Map<String, Object> directory = Map.of("migrations.backup.directory", this.backupDirectory.toString());
		assertThat(migrate(GOOD, "upgrade").exitCode()).isZero();
		assertThat(migrate(GOOD, directory, "backup").exitCode()).isZero();
		Map<String, Object> other = new java.util.LinkedHashMap<>(directory);
		other.put("spring.datasource.url", "jdbc:sqlite:" + this.directory.resolve("other.db"));
		other.put("migrations.locations", GOOD);
		assertThat(CommandLineTestApplication.run(other, "migrate", "upgrade").exitCode()).isZero();
		Run otherBackup = CommandLineTestApplication.run(other, "migrate", "backup");
		assertThat(otherBackup.exitCode()).as(otherBackup.err()).isZero();

		Run list = migrate(GOOD, directory, "backup", "--list");
		assertThat(list.out()).contains("app-aaaa00000002-")
			.doesNotContain("other-aaaa00000002-")
			.contains("(1 backup of other databases in " + this.backupDirectory + " not listed)");

		String othersFile = CommandLineTestApplication.run(other, "migrate", "backup", "--list")
			.out()
			.lines()
			.filter((line) -> line.contains("other-aaaa00000002-"))
			.map((line) -> line.strip().split("\\s+")[0])
			.findFirst()
			.orElseThrow();
		Run restore = migrate(GOOD, directory, "restore", othersFile);
		assertThat(restore.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(restore.err()).contains("(a backup of another database, other)");
	}

	@Test
	void statusOnAPathWhereNoDatabaseWasSaysSQLiteMadeAnEmptyFile() {
		Path elsewhere = this.directory.resolve("elsewhere.db");
		Run status = CommandLineTestApplication.run(
				Map.of("spring.datasource.url", "jdbc:sqlite:" + elsewhere, "migrations.locations", GOOD), "migrate",
				"status");

		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out().lines().findFirst()).contains("Database:   sqlite, " + elsewhere + " (an empty file: "
				+ "SQLite made it when the application connected, as no database was there; a relative path in the URL "
				+ "is taken from the working directory, " + Path.of("").toAbsolutePath() + ")");
		assertThat(status.out()).contains("Current:    base").contains("Pending:    2");
		assertThat(migrate(GOOD, "upgrade").exitCode()).isZero();
		assertThat(migrate(GOOD, "status").out()).doesNotContain("an empty file");
	}

	@Test
	void historyShowHeadsAndBranchesDescribeTheGraph() {
		Run history = migrate(GOOD, "history");
		assertThat(history.exitCode()).isZero();
		assertThat(history.out()).containsSubsequence("aaaa00000001 -> aaaa00000002 (head), add size to widgets",
				"<base> -> aaaa00000001, create widgets");

		Run verbose = migrate(GOOD, "history", "--verbose");
		assertThat(verbose.out()).contains("Rev: aaaa00000002 (head)")
			.contains("Parent: aaaa00000001")
			.contains("Path: dev.retort.migration.it.good.AddWidgetSize")
			.contains("State: pending");

		Run show = migrate(GOOD, "show", "aaaa00000002");
		assertThat(show.exitCode()).isZero();
		assertThat(show.out()).containsSubsequence("Rev: aaaa00000002 (head)", "State: pending", "-- upgrade (sqlite)",
				"ALTER TABLE \"widgets\" ADD COLUMN \"size\"", "CREATE INDEX", "-- downgrade (sqlite)", "DROP INDEX");

		assertThat(migrate(GOOD, "heads").out()).contains("aaaa00000002 (head), add size to widgets");
		assertThat(migrate(GOOD, "branches").out()).contains("No branch points");
	}

	@Test
	void showOfADataMigrationPrintsWhatTheEndpointShows() {
		Run show = migrate("classpath:dev/retort/migration/it/data", "show", "cccc00000001");

		assertThat(show.exitCode()).as(show.err()).isZero();
		assertThat(show.out()).containsSubsequence("-- upgrade (sqlite)", "CREATE TABLE \"gadgets\"",
				"-- This revision migrates data through op.jdbc()", "-- downgrade (sqlite)", "DROP TABLE \"gadgets\"")
			.doesNotContain("cannot be rendered");
	}

	@Test
	void historyIndicatesTheCurrentRevisionWithoutColourOffATerminal() {
		migrate(GOOD, "upgrade", "aaaa00000001");
		Run history = migrate(GOOD, "history", "--indicate-current");
		assertThat(history.exitCode()).as(history.err()).isZero();
		assertThat(history.out())
			.containsSubsequence("aaaa00000001 -> aaaa00000002 (head), add size to widgets",
					"<base> -> aaaa00000001 (current), create widgets")
			.doesNotContain("\u001B[");
		assertThat(migrate(GOOD, "history", "-i", "--verbose").out()).contains("Rev: aaaa00000001 (current)");
		assertThat(migrate(GOOD, "history").out()).doesNotContain("(current)");
	}

	@Test
	void historyRangeAfterAnUpgrade() {
		migrate(GOOD, "upgrade");
		Run last = migrate(GOOD, "history", "-r", "-1:");
		assertThat(last.exitCode()).as(last.err()).isZero();
		assertThat(last.out()).contains("aaaa00000001 -> aaaa00000002").doesNotContain("<base> -> aaaa00000001");
		Run upToFirst = migrate(GOOD, "history", "-r", ":aaaa00000001");
		assertThat(upToFirst.out()).contains("<base> -> aaaa00000001").doesNotContain("-> aaaa00000002");
		Run noColon = migrate(GOOD, "history", "-r", "aaaa00000001");
		assertThat(noColon.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(noColon.err()).contains("from:to");
		Run twoColons = migrate(GOOD, "history", "-r", "base:aaaa00000001:heads");
		assertThat(twoColons.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(twoColons.err()).contains("A range has one colon: from:to")
			.contains("(got 'base:aaaa00000001:heads')")
			.doesNotContain("upgrade");
	}

	@Test
	void sqlAndDryRunChangeNothing() throws SQLException {
		Run sql = migrate(GOOD, "upgrade", "--sql");
		assertThat(sql.exitCode()).as(sql.err()).isZero();
		assertThat(sql.out()).contains("-- Retort upgrade base:heads for sqlite")
			.contains("CREATE TABLE \"widgets\"")
			.contains("ALTER TABLE \"widgets\" ADD COLUMN \"size\"");
		assertThat(tableExists("widgets")).isFalse();
		assertThat(versions()).isEmpty();

		Run dryRun = migrate(GOOD, "upgrade", "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
		assertThat(dryRun.out()).contains("[2/2] upgrade aaaa00000001 -> aaaa00000002 add size to widgets (")
			.contains("Dry run of upgrade to heads: 2 revisions ran and everything was rolled back");
		assertThat(tableExists("widgets")).isFalse();
		assertThat(versions()).isEmpty();

		migrate(GOOD, "upgrade", "aaaa00000001");
		Run downgradeSql = migrate(GOOD, "downgrade", "base", "--sql");
		assertThat(downgradeSql.exitCode()).as(downgradeSql.err()).isZero();
		assertThat(downgradeSql.out()).contains("-- Retort downgrade aaaa00000001:base").contains("DROP TABLE");
		assertThat(tableExists("widgets")).isTrue();
	}

	@Test
	void aStepForAnotherDatabaseSaysItWasOnlyRecorded() throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(revisions.resolve("20261201_1000_aaaa00000001_widgets.sql"),
				"-- revision: aaaa00000001\n-- message: widgets\n-- +upgrade\nCREATE TABLE widgets (id INTEGER);\n"
						+ "-- +downgrade\nDROP TABLE widgets;\n");
		Files.writeString(revisions.resolve("20261201_1100_bbbb00000002_search.postgresql.sql"),
				"-- revision: bbbb00000002\n-- revises: aaaa00000001\n-- message: search\n-- +upgrade\n"
						+ "CREATE EXTENSION pg_trgm;\n-- +downgrade\nDROP EXTENSION pg_trgm;\n");

		Run upgrade = migrate("filesystem:" + revisions, "upgrade");

		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).containsPattern("\\[1/2\\] upgrade base -> aaaa00000001 widgets \\(\\d+ ms\\)\n")
			.containsPattern("\\[2/2\\] upgrade aaaa00000001 -> bbbb00000002 search \\(\\d+ ms\\) "
					+ "\\(not for sqlite: recorded only\\)\n");
	}

	@Test
	void aStampedRevisionIsShownAsStampedNotAsRun() throws Exception {
		assertThat(migrate(GOOD, "upgrade", "aaaa00000001").exitCode()).isZero();
		assertThat(migrate(GOOD, "stamp", "aaaa00000002").exitCode()).isZero();

		Run verbose = migrate(GOOD, "history", "--verbose");

		assertThat(verbose.out()).containsSubsequence("Rev: aaaa00000002",
				"State: stamped (recorded as applied without running) at ", "Rev: aaaa00000001", "State: applied at ");
		assertThat(columnExists("widgets", "size")).as("the stamped revision did not run").isFalse();
	}

	@Test
	void downgradeOneThenStampBaseWithPurge() throws SQLException {
		migrate(GOOD, "upgrade");
		Run downgrade = migrate(GOOD, "downgrade", "-1");
		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		assertThat(downgrade.out()).contains("[1/1] downgrade aaaa00000002 -> aaaa00000001 add size to widgets (");
		assertThat(versions()).containsExactly("aaaa00000001");

		execute("INSERT INTO migrations_version (version_num) VALUES ('ffff00000009')");
		Run stamp = migrate(GOOD, "stamp", "base", "--purge");
		assertThat(stamp.exitCode()).as(stamp.err()).isZero();
		assertThat(stamp.out()).contains("the database is at base");
		assertThat(versions()).isEmpty();
		assertThat(tableExists("widgets")).as("stamp runs no revision").isTrue();
	}

	@Test
	void backupWritesAFileOnlyItsOwnerCanRead() throws IOException, SQLException {
		migrate(GOOD, "upgrade");
		Path file = this.directory.resolve("backups").resolve("before-release.db");
		Run backup = migrate(GOOD, "backup", "--output", file.toString());
		assertThat(backup.exitCode()).as(backup.err()).isZero();
		assertThat(backup.out()).contains("Backed up the database at aaaa00000002 to " + file + " (verified: ");
		assertThat(file).isRegularFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + file)) {
			assertThat(copy.getMetaData().getTables(null, null, "widgets", null).next()).isTrue();
		}
		Run again = migrate(GOOD, "backup", "--output", file.toString());
		assertThat(again.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(again.err()).contains("already exists");
	}

	@Test
	void springPropertiesAmongTheArgumentsConfigureTheApplication() {
		Run history = migrate(GOOD, "history", "--migrations.locations=" + FAILING);
		assertThat(history.exitCode()).as(history.err()).isZero();
		assertThat(history.out()).contains("bbbb00000001 -> bbbb00000002 (head), fill a table that does not exist")
			.doesNotContain("widgets");
	}

	@Test
	void upgradeBacksUpFirstWhenTheApplicationAsksForIt() throws IOException {
		Run upgrade = migrate(GOOD, "upgrade", "--migrations.backup.before-upgrade=true");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).containsSubsequence("Backed up the database to " + this.directory,
				"[1/2] upgrade base -> aaaa00000001 create widgets (");
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files.filter((file) -> file.getFileName().toString().endsWith(".backup.db"))).hasSize(1);
		}
	}

	@Test
	void showNamesAmbiguousAndUnknownRevisions() {
		Run show = migrate(GOOD, "show", "aaaa0000000");
		assertThat(show.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(show.err()).contains("several revision ids");
		assertThat(migrate(GOOD, "show", "nope").err()).contains("No revision or branch label is named 'nope'");
	}

	@Test
	void usageErrorsAndHelp() {
		Run unknown = migrate(GOOD, "frobnicate", "-m", "add things");
		assertThat(unknown.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(unknown.err()).contains("Unmatched argument");

		Run missing = migrate(GOOD);
		assertThat(missing.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(missing.err()).contains("Missing command");

		Run help = migrate(GOOD, "upgrade", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("--dry-run").contains("--sql");
	}

	@Override
	ProcessBuilder client() {
		return new ProcessBuilder("sqlite3", "-bail", this.directory.resolve("app.db").toString());
	}

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(this.directory.resolve("app.db"));
	}

}
