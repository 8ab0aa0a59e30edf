package dev.retort.migration.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate <command>} as a user runs it, written once and run against SQLite and
 * PostgreSQL: status, upgrade, current, verify, and the exit codes for a bad target and a
 * failing revision.
 */
abstract class MigrateCommandScenarios {

	static final String GOOD = "classpath:dev/retort/migration/it/good";

	static final String FAILING = "classpath:dev/retort/migration/it/failing";

	static final String IRREVERSIBLE = "classpath:dev/retort/migration/it/irreversible";

	@TempDir
	Path backupDirectory;

	/** The scenario's database, emptied before each scenario. */
	abstract TestDatabase database();

	/**
	 * The database's own command-line client, reading a script on stdin and stopping at
	 * the first error.
	 */
	abstract ProcessBuilder client();

	/** A connection to the scenario's database. */
	Connection connect() throws SQLException {
		return database().connect();
	}

	@BeforeEach
	void emptyDatabase() throws SQLException {
		database().reset();
	}

	@Test
	void statusUpgradeCurrentAndVerifyOnAFreshDatabase() throws SQLException {
		Run status = migrate(GOOD, "status");
		assertThat(status.exitCode()).isZero();
		assertThat(status.web()).as("no web server for a command").isFalse();
		assertThat(status.stillRunning()).isFalse();
		assertThat(status.out()).contains("Current:    base")
			.contains("Pending:    2")
			.contains("aaaa00000001 create widgets")
			.contains("aaaa00000002 add size to widgets")
			.contains("apply with `migrate upgrade`");

		Run upgrade = migrate(GOOD, "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).contains("[1/2] upgrade base -> aaaa00000001 create widgets (")
			.contains("[2/2] upgrade aaaa00000001 -> aaaa00000002 add size to widgets (")
			.contains("Applied 2 revisions");
		assertThat(versions()).containsExactly("aaaa00000002");

		Run current = migrate(GOOD, "current");
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).contains("aaaa00000002 (head), add size to widgets");

		Run again = migrate(GOOD, "status");
		assertThat(again.out()).contains("Pending:    0").contains("The database is up to date.");

		Run clean = migrate(GOOD, "verify");
		assertThat(clean.exitCode()).as(clean.out()).isZero();
		assertThat(clean.out()).startsWith("OK:");

		execute("UPDATE migrations_history SET checksum = 'edited' WHERE revision = 'aaaa00000001'");
		Run mismatch = migrate(GOOD, "verify");
		assertThat(mismatch.exitCode()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(mismatch.out()).contains("1 problem found")
			.contains("Revision aaaa00000001 (create widgets) was changed after it was applied");
		assertThat(migrate(GOOD, "status").out()).contains("Checksum mismatches: aaaa00000001");
	}

	/** The first line of {@code status} on the scenario's database. */
	abstract String databaseLine();

	@Test
	void statusNamesTheDatabaseItLookedAt() {
		assertThat(migrate(GOOD, "upgrade").exitCode()).isZero();
		Run status = migrate(GOOD, "status");
		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out().lines().findFirst()).contains(databaseLine());
	}

	@Test
	void stdoutHoldsOnlyTheCommandsOutput() {
		Map<String, Object> noisy = Map.of(CommandLineTestApplication.NOISY, "true");
		Run current = migrate(GOOD, noisy, "current");
		assertThat(current.exitCode()).as(current.err()).isZero();
		assertThat(current.out()).isEqualTo("base (no revision applied)" + System.lineSeparator());
		assertThat(current.err()).contains(CommandLineTestApplication.NOISE_PRINTED)
			.contains(CommandLineTestApplication.NOISE_LOGGED)
			.doesNotContain(" INFO ");

		Run verbose = migrate(GOOD, noisy, "--verbose", "current");
		assertThat(verbose.exitCode()).as(verbose.err()).isZero();
		assertThat(verbose.out()).isEqualTo(current.out());
		assertThat(verbose.err()).contains(" INFO ").contains("Started ");
	}

	@Test
	void springOptionsBeforeMigrateStillMakeItACommandRun() throws SQLException {
		Map<String, Object> properties = new LinkedHashMap<>(database().dataSourceProperties());
		properties.put("migrations.locations", GOOD);
		Run current = CommandLineTestApplication.run(properties, "--migrations.auto-migrate=true",
				"--spring.main.banner-mode=console", "migrate", "current");
		assertThat(current.exitCode()).as(current.err()).isZero();
		assertThat(current.web()).as("no web server for a command").isFalse();
		assertThat(current.out()).isEqualTo("base (no revision applied)" + System.lineSeparator());
		assertThat(versions()).as("a command run never auto-migrates").isEmpty();

		Run upgrade = CommandLineTestApplication.run(properties, "--spring.profiles.active=anything", "migrate",
				"upgrade", "aaaa00000001");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(versions()).containsExactly("aaaa00000001");
	}

	@Test
	void upgradeSqlRunsAsItIsInTheDatabasesOwnClient() throws Exception {
		Run sql = migrate(GOOD, Map.of(CommandLineTestApplication.NOISY, "true"), "upgrade", "--sql");
		assertThat(sql.exitCode()).as(sql.err()).isZero();
		assertThat(sql.out()).startsWith("-- Retort upgrade base:heads");
		assertThat(versions()).isEmpty();

		runInTheClient(sql.out());
		assertThat(versions()).containsExactly("aaaa00000002");
		assertThat(migrate(GOOD, "status").out()).contains("The database is up to date.");
	}

	@Test
	void upgradeSqlFromBaseRunsOnADatabaseThatKeptItsVersionTablesAfterEverythingWasDowngraded() throws Exception {
		assertThat(migrate(GOOD, "upgrade").exitCode()).isZero();
		assertThat(migrate(GOOD, "downgrade", "base").exitCode()).isZero();
		assertThat(tableExists("migrations_version")).isTrue();

		Run sql = migrate(GOOD, "upgrade", "--sql");
		assertThat(sql.exitCode()).as(sql.err()).isZero();
		assertThat(sql.out()).startsWith("-- Retort upgrade base:heads");
		runInTheClient(sql.out());
		assertThat(versions()).containsExactly("aaaa00000002");
		assertThat(migrate(GOOD, "status").out()).contains("The database is up to date.");
	}

	@Test
	void aScriptGeneratedAtOneRevisionStopsOnADatabaseAtAnotherAndChangesNothing() throws Exception {
		assertThat(migrate(GOOD, "upgrade", "aaaa00000001").exitCode()).isZero();
		Run sql = migrate(GOOD, "upgrade", "--sql");
		assertThat(sql.out()).startsWith("-- Retort upgrade aaaa00000001:heads");
		assertThat(migrate(GOOD, "upgrade").exitCode()).as("the database moves on").isZero();
		long history = count("migrations_history");

		ClientRun wrong = inTheClient(sql.out());

		assertThat(wrong.exitCode()).as(wrong.printed()).isNotZero();
		assertThat(wrong.printed()).contains("This script upgrades from aaaa00000001, but ")
			.contains("Nothing was changed.")
			.contains("`migrate upgrade heads --sql` with the application pointed at this database")
			.doesNotContain("duplicate column")
			.doesNotContain("already exists");
		assertThat(versions()).containsExactly("aaaa00000002");
		assertThat(count("migrations_history")).isEqualTo(history);
		Run again = migrate(GOOD, "upgrade", "--sql");
		assertThat(again.out()).startsWith("-- Retort upgrade aaaa00000002:heads");
		runInTheClient(again.out());
		assertThat(versions()).containsExactly("aaaa00000002");
		assertThat(migrate(GOOD, "status").out()).contains("The database is up to date.");
	}

	@Test
	void aScriptsRangeTakesCurrentForTheDatabasesRevisionsAsHistoryDoes() throws Exception {
		Run fromBase = migrate(GOOD, "upgrade", "current:aaaa00000001", "--sql");
		assertThat(fromBase.exitCode()).as(fromBase.err()).isZero();
		assertThat(fromBase.out()).startsWith("-- Retort upgrade base:aaaa00000001 for ");
		runInTheClient(fromBase.out());
		assertThat(versions()).containsExactly("aaaa00000001");
		assertThat(migrate(GOOD, "history", "-r", "current:heads").out()).contains("aaaa00000001 -> aaaa00000002");

		Run up = migrate(GOOD, "upgrade", "current:heads", "--sql");
		assertThat(up.exitCode()).as(up.err()).isZero();
		assertThat(up.out()).startsWith("-- Retort upgrade aaaa00000001:heads for ");
		runInTheClient(up.out());
		assertThat(versions()).containsExactly("aaaa00000002");

		Run down = migrate(GOOD, "downgrade", "current:base", "--sql");
		assertThat(down.exitCode()).as(down.err()).isZero();
		assertThat(down.out()).startsWith("-- Retort downgrade aaaa00000002:base for ");
		runInTheClient(down.out());
		assertThat(versions()).isEmpty();
		assertThat(tableExists("widgets")).isFalse();
	}

	/** Runs a script in the database's own client, which stops at the first error. */
	void runInTheClient(String script) throws IOException, InterruptedException {
		ClientRun run = inTheClient(script);
		assertThat(run.exitCode()).as("%s printed:%n%s", client().command(), run.printed()).isZero();
	}

	/** Runs a script in the database's own client; what it printed and its exit code. */
	ClientRun inTheClient(String script) throws IOException, InterruptedException {
		ProcessBuilder client = client().redirectErrorStream(true);
		Process process = client.start();
		try (OutputStream input = process.getOutputStream()) {
			input.write(script.getBytes(StandardCharsets.UTF_8));
		}
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new ClientRun(process.exitValue(), printed);
	}

	/** What a database's client printed running a script, and how it exited. */
	record ClientRun(int exitCode, String printed) {

	}

	@Test
	void backupListAndRestoreFromTheCommandLine() throws SQLException {
		Map<String, Object> backups = Map.of("migrations.backup.directory", this.backupDirectory.toString());
		migrate(GOOD, "upgrade");
		execute("INSERT INTO widgets (name, size) VALUES ('sprocket', 3)");
		Run backup = migrate(GOOD, backups, "backup");
		assertThat(backup.exitCode()).as(backup.err()).isZero();
		Matcher written = Pattern.compile("Backed up the database at aaaa00000002 to (\\S+) \\(verified: ")
			.matcher(backup.out());
		assertThat(written.find()).as(backup.out()).isTrue();
		String file = written.group(1);
		assertThat(migrate(GOOD, backups, "backup", "--list").out()).contains(file).contains(" at aaaa00000002, ");

		execute("DROP TABLE widgets");
		Run refused = migrate(GOOD, backups, "restore", file);
		assertThat(refused.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(refused.err()).contains("stdin is not a terminal").contains("--yes");
		assertThat(tableExists("widgets")).isFalse();

		Run restored = migrate(GOOD, backups, "restore", file, "--yes");
		assertThat(restored.exitCode()).as(restored.err()).isZero();
		assertThat(restored.out()).contains("the database is now at aaaa00000002.");
		assertThat(tableExists("widgets")).isTrue();
		assertThat(count("widgets")).isEqualTo(1);
		assertThat(versions()).containsExactly("aaaa00000002");

		// restored with code that does not have the backup's revision
		String otherCode = "classpath:dev/retort/migration/it/labelled";
		String ahead = "The backup is at aaaa00000002, which this code does not know: restored, the database is "
				+ "ahead of the code, and `migrate upgrade` refuses to run until the code that has that revision is "
				+ "deployed.";
		assertThat(migrate(otherCode, backups, "restore", file).err()).contains(ahead).contains("--yes");
		Run restoredAhead = migrate(otherCode, backups, "restore", file, "--yes");
		assertThat(restoredAhead.exitCode()).as(restoredAhead.err()).isZero();
		assertThat(restoredAhead.out()).contains("the database is now at aaaa00000002. " + ahead);
	}

	@Test
	void aBackupWhoseManifestIsLostIsVerifiedByItsContentAndRestored() throws SQLException, IOException {
		Map<String, Object> backups = Map.of("migrations.backup.directory", this.backupDirectory.toString());
		migrate(GOOD, "upgrade");
		execute("INSERT INTO widgets (name, size) VALUES ('sprocket', 3)");
		Matcher written = Pattern.compile("Backed up the database at aaaa00000002 to (\\S+) \\(verified: ")
			.matcher(migrate(GOOD, backups, "backup").out());
		assertThat(written.find()).isTrue();
		String file = written.group(1);
		Files.delete(Path.of(file + ".manifest"));
		execute("DROP TABLE widgets");

		Run refused = migrate(GOOD, backups, "restore", file);
		assertThat(refused.err()).contains(file + " (no manifest: revision and time unknown)").contains("--yes");
		Run restored = migrate("classpath:dev/retort/migration/it/labelled", backups, "restore", file, "--yes");

		assertThat(restored.exitCode()).as(restored.err()).isZero();
		assertThat(restored.out()).contains("the database is now at aaaa00000002. The backup is at aaaa00000002, which "
				+ "this code does not know");
		assertThat(count("widgets")).isEqualTo(1);
	}

	@Test
	void aSchemaOnlyBackupFromTheCommandLineAndItsRestoreThatKeepsTheRowsFirst() throws SQLException {
		Map<String, Object> backups = Map.of("migrations.backup.directory", this.backupDirectory.toString());
		migrate(GOOD, "upgrade");
		execute("INSERT INTO widgets (name, size) VALUES ('sprocket', 3)");
		Run contradictory = migrate(GOOD, backups, "backup", "--schema-only", "--full");
		assertThat(contradictory.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(contradictory.err()).contains("--schema-only and --full contradict each other");

		Run backup = migrate(GOOD, backups, "backup", "--schema-only");
		assertThat(backup.exitCode()).as(backup.err()).isZero();
		Matcher written = Pattern
			.compile("Backed up the database at aaaa00000002 to (\\S+-schema-only\\.\\S+) \\(verified: schema only "
					+ "\\(rows of Retort's own tables alone: \\d+\\)\\)")
			.matcher(backup.out());
		assertThat(written.find()).as(backup.out()).isTrue();
		String file = written.group(1);
		assertThat(migrate(GOOD, backups, "backup", "--list").out()).contains(file + "  ").contains("schema only");
		Run refused = migrate(GOOD, backups, "restore", file);
		assertThat(refused.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(refused.err()).contains("schema-only backup").contains("comes back empty").contains("--yes");
		assertThat(count("widgets")).isEqualTo(1);

		Run restored = migrate(GOOD, backups, "restore", file, "--yes");

		assertThat(restored.exitCode()).as(restored.err()).isZero();
		assertThat(restored.out()).contains("The database as it was is kept in ")
			.contains("(a full backup)")
			.contains("the database is now at aaaa00000002.");
		assertThat(count("widgets")).isZero();
		Matcher kept = Pattern.compile("kept in (\\S+) \\(a full backup\\)").matcher(restored.out());
		assertThat(kept.find()).isTrue();
		// named as `backup --list` shows it, by its file name in the backup directory
		String keptName = Path.of(kept.group(1)).getFileName().toString();
		Run again = migrate(GOOD, backups, "restore", keptName, "--yes");
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains("from " + kept.group(1) + ";");
		assertThat(count("widgets")).as("the rows come back from the backup the restore kept").isEqualTo(1);
		Run missing = migrate(GOOD, backups, "restore", "no-such.backup", "--yes");
		assertThat(missing.err()).contains("There is no backup file ")
			.contains("(nor " + this.backupDirectory.resolve("no-such.backup") + ")")
			.contains("`migrate backup --list` shows the backups in " + this.backupDirectory);
	}

	@Test
	void scriptAndDryRunTogetherAreAUsageError() {
		for (String command : new String[] { "upgrade", "downgrade" }) {
			Run both = migrate(GOOD, command, "heads", "--sql", "--dry-run");
			assertThat(both.exitCode()).as(command).isEqualTo(MigrateCommand.USAGE);
			assertThat(both.err()).contains("--sql prints the script and runs nothing");
		}
	}

	@Test
	void aBackupThatCannotBeTakenStopsTheUpgradeBeforeAnythingChanges() throws Exception {
		Path notADirectory = Files.writeString(this.backupDirectory.resolve("a-file"), "");
		Run upgrade = migrate(GOOD, Map.of("migrations.backup.before-upgrade", "true", "migrations.backup.directory",
				notADirectory.toString()), "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(upgrade.err()).contains("Could not create the backup file in " + notADirectory)
			.contains("Set migrations.backup.directory to a directory Retort can write to.");
		assertThat(upgrade.out()).doesNotContain("[1/2]");
		assertThat(versions()).isEmpty();
		assertThat(tableExists("widgets")).isFalse();

		Run output = migrate(GOOD, "backup", "--output", notADirectory.resolve("backup.db").toString());
		assertThat(output.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(output.err()).contains("Could not create the backup file in " + notADirectory)
			.as("the file named on the command line is what to change")
			.contains("Choose a file in a directory Retort can write to.")
			.doesNotContain("migrations.backup.directory");
	}

	@Test
	void badTargetIsAUsageErrorAndChangesNothing() throws SQLException {
		Run run = migrate(GOOD, "upgrade", "ffff99999999");
		assertThat(run.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(run.err()).contains("ffff99999999").doesNotContain("\tat ");
		assertThat(versions()).isEmpty();
	}

	@Test
	void aDowngradePastAnIrreversibleRevisionIsRefusedBeforeAnythingRuns() throws SQLException {
		assertThat(migrate(IRREVERSIBLE, "upgrade").exitCode()).isEqualTo(MigrateCommand.OK);
		for (String[] command : List.of(new String[] { "downgrade", "base" },
				new String[] { "downgrade", "base", "--sql" })) {
			Run run = migrate(IRREVERSIBLE, command);
			assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(MigrateCommand.USAGE);
			assertThat(run.err()).contains("dddd00000001")
				.contains("archived widgets cannot be restored")
				.contains("Nothing was changed")
				.doesNotContain("\tat ")
				.doesNotContain("--help");
			assertThat(run.out()).as(String.join(" ", command)).isEmpty();
		}
		assertThat(versions()).containsExactly("dddd00000001");
		assertThat(tableExists("widget_archive")).isTrue();
	}

	@Test
	void aScriptThroughADataMigrationIsRefusedBeforeAnythingIsPrinted() throws SQLException {
		Run sql = migrate("classpath:dev/retort/migration/it/data", "upgrade", "--sql");
		assertThat(sql.exitCode()).isEqualTo(MigrateCommand.USAGE);
		assertThat(sql.err()).contains("migrates data through op.jdbc(), which needs a live database")
			.contains("Run it online (migrate upgrade)")
			.contains("if (op.isOffline()) { op.execute(")
			.doesNotContain("\tat ");
		assertThat(sql.out()).isEmpty();
		assertThat(versions()).isEmpty();
	}

	@Test
	void aDataMigrationThatAsksWhetherItIsOfflineWritesSqlInScriptsAndUsesJdbcOnline() throws Exception {
		String offline = "classpath:dev/retort/migration/it/offline";
		Run sql = migrate(offline, "upgrade", "--sql");
		assertThat(sql.exitCode()).as(sql.err()).isZero();
		assertThat(sql.out()).contains("INSERT INTO gadgets (id, name) VALUES (1, 'from the script');")
			.doesNotContain("through jdbc");
		assertThat(versions()).as("a script changes nothing").isEmpty();
		runInTheClient(sql.out());
		assertThat(names()).containsExactly("from the script");
		assertThat(migrate(offline, "verify").exitCode()).as("the script's checksum is the revision's").isZero();

		assertThat(migrate(offline, "downgrade", "base").exitCode()).isZero();
		Run upgrade = migrate(offline, "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(names()).containsExactly("through jdbc");
		assertThat(versions()).containsExactly("eeee00000001");
		Run verify = migrate(offline, "verify");
		assertThat(verify.exitCode()).as(verify.out()).isZero();
	}

	private List<String> names() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM gadgets ORDER BY id")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	@Test
	void failingRevisionExitsWithThreeAndItsMessage() throws SQLException {
		Run run = migrate(FAILING, "upgrade");
		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.out()).contains("[1/2] upgrade base -> bbbb00000001 create gadgets (");
		assertThat(run.err()).contains("Upgrade of revision bbbb00000002 (fill a table that does not exist) failed")
			.contains("no_such_table")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
		assertThat(versions()).containsExactly("bbbb00000001");
	}

	@Test
	void restoreOnATerminalAsksNamingTheDatabaseTheRevisionAndTheTime() throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>(database().dataSourceProperties());
		properties.put("migrations.locations", GOOD);
		properties.put("migrations.backup.directory", this.backupDirectory.toString());
		migrate(GOOD, "upgrade");
		execute("INSERT INTO widgets (name, size) VALUES ('sprocket', 3)");
		Run backup = migrate(GOOD, properties, "backup");
		Matcher written = Pattern.compile("Backed up the database at aaaa00000002 to (\\S+) \\(verified: ")
			.matcher(backup.out());
		assertThat(written.find()).as(backup.out()).isTrue();
		String file = written.group(1);
		execute("DROP TABLE widgets");

		TerminalRun declined = TerminalRun.run(properties, List.of("n"), "restore", file);
		assertThat(declined.exitCode()).as(declined.screen()).isZero();
		assertThat(declined.screen())
			.containsPattern("Restore (SQLite|PostgreSQL) database .+ from " + Pattern.quote(file)
					+ "\\s+\\S+ at aaaa00000002, taken \\d{4}-\\d\\d-\\d\\d")
			.contains(
					"This replaces the database's tables and rows (the database as it is is kept as a full backup first). [y/N]")
			.contains("Nothing was restored.");
		assertThat(tableExists("widgets")).isFalse();

		TerminalRun confirmed = TerminalRun.run(properties, List.of("y"), "restore", file);
		assertThat(confirmed.exitCode()).as(confirmed.screen()).isZero();
		assertThat(confirmed.screen()).contains("[y/N]").contains("the database is now at aaaa00000002.");
		assertThat(count("widgets")).isEqualTo(1);
		assertThat(versions()).containsExactly("aaaa00000002");
	}

	Run migrate(String locations, String... command) {
		return migrate(locations, Map.of(), command);
	}

	Run migrate(String locations, Map<String, Object> extra, String... command) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.putAll(database().dataSourceProperties());
		properties.putAll(extra);
		properties.put("migrations.locations", locations);
		String[] args = new String[command.length + 1];
		args[0] = "migrate";
		System.arraycopy(command, 0, args, 1, command.length);
		return CommandLineTestApplication.run(properties, args);
	}

	long count(String table) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** The version table's rows, read directly. */
	List<String> versions() throws SQLException {
		List<String> versions = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			try (ResultSet tables = connection.getMetaData().getTables(null, null, "migrations_version", null)) {
				if (!tables.next()) {
					return versions;
				}
			}
			try (ResultSet rows = statement.executeQuery("SELECT version_num FROM migrations_version")) {
				while (rows.next()) {
					versions.add(rows.getString(1));
				}
			}
		}
		return versions;
	}

	boolean tableExists(String table) throws SQLException {
		try (Connection connection = connect();
				ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
			return tables.next();
		}
	}

	boolean columnExists(String table, String column) throws SQLException {
		try (Connection connection = connect();
				ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
			return columns.next();
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
