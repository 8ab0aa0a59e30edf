package dev.retort.migration.backup;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backups an operator can trust, written once and run on SQLite and PostgreSQL: a
 * verified, owner-only backup named with database, revision and time; a restore that
 * brings back every row and table after deletes, updates and a dropped table; a damaged
 * backup refused with the database untouched; schema-only backups, which hold the rows of
 * Retort's tables alone, and a restore from one that keeps a full backup first.
 */
abstract class BackupScenarios {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T20:15:30.123Z"), ZoneOffset.UTC);

	@TempDir
	Path backups;

	abstract TestDatabase database();

	abstract DataSource dataSource();

	/** What the database is called in backup file names. */
	abstract String databaseName();

	abstract String extension();

	/** The options for this database's backups (the tools' password, PATH). */
	DatabaseBackup.Options options() {
		return DatabaseBackup.Options.defaults().withDirectory(this.backups).withClock(CLOCK);
	}

	DatabaseBackup backup() {
		return new DatabaseBackup(dataSource(), options());
	}

	@BeforeEach
	void aDatabaseWithTwoTablesAtARevision() throws SQLException {
		database().reset();
		execute("CREATE TABLE migrations_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
				"INSERT INTO migrations_version VALUES ('aaaa00000002')",
				"CREATE TABLE widgets (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, note TEXT)",
				"INSERT INTO widgets VALUES (1, 'sprocket', 'line one\nline two\ttabbed'), (2, 'gear', NULL), "
						+ "(3, 'cog', 'back\\slash')",
				"CREATE TABLE gadgets (id INTEGER PRIMARY KEY, widget_id INTEGER REFERENCES widgets (id))",
				"INSERT INTO gadgets VALUES (10, 1), (11, 2)", "CREATE INDEX ix_gadgets_widget ON gadgets (widget_id)");
	}

	@Test
	void aBackupIsVerifiedOwnerOnlyAndNamedWithDatabaseRevisionAndTime() throws Exception {
		BackupFile backup = backup().backup();

		assertThat(backup.file()).hasParent(this.backups)
			.hasFileName(databaseName() + "-aaaa00000002-20261121-201530-123Z" + extension());
		assertThat(Files.getPosixFilePermissions(backup.file()))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		assertThat(backup.manifest().revisions()).containsExactly("aaaa00000002");
		assertThat(backup.manifest().rowCounts())
			.containsAllEntriesOf(Map.of(table("widgets"), 3L, table("gadgets"), 2L, table("migrations_version"), 1L));
		assertThat(backup().list()).extracting(BackupFile::file).containsExactly(backup.file());
		try (var files = Files.list(this.backups)) {
			assertThat(files.map((file) -> file.getFileName().toString())).as("no partial file left behind")
				.containsExactlyInAnyOrder(backup.file().getFileName().toString(),
						backup.file().getFileName() + ".manifest");
		}
	}

	@Test
	void restoreBringsBackEveryRowAndTheSchema() throws Exception {
		List<String> widgets = rows("SELECT id, name, note FROM widgets ORDER BY id");
		List<String> gadgets = rows("SELECT id, widget_id FROM gadgets ORDER BY id");
		BackupFile backup = backup().backup();

		execute("DELETE FROM gadgets WHERE id = 11", "UPDATE widgets SET name = 'changed', note = NULL",
				"DELETE FROM widgets WHERE id = 3", "DROP TABLE gadgets",
				"UPDATE migrations_version SET version_num = 'aaaa00000003'",
				"CREATE TABLE created_later (id INTEGER PRIMARY KEY)", "INSERT INTO created_later VALUES (1)");
		assertThat(tableExists("gadgets")).isFalse();

		DatabaseBackup.Restored restored = backup().restore(backup.file());

		assertThat(tableExists("created_later")).as("a table created after the backup").isFalse();
		assertThat(restored.restored().file()).isEqualTo(backup.file());
		assertThat(rows("SELECT id, name, note FROM widgets ORDER BY id")).isEqualTo(widgets);
		assertThat(rows("SELECT id, widget_id FROM gadgets ORDER BY id")).isEqualTo(gadgets);
		assertThat(rows("SELECT version_num FROM migrations_version")).containsExactly("aaaa00000002");
		assertThat(indexExists("ix_gadgets_widget")).isTrue();
		assertThat(restored.previous()).as("the database as it was, kept first").isNotNull();
		assertThat(restored.previous().manifest().revisions()).containsExactly("aaaa00000003");
		assertThat(restored.previous().manifest().rowCounts()).containsEntry(table("created_later"), 1L);
	}

	@Test
	void aSecondBackupInTheSameMillisecondAtTheSameRevisionGetsANameOfItsOwn() throws Exception {
		BackupFile first = backup().backup();

		BackupFile second = backup().backup();

		assertThat(second.file()).hasParent(this.backups)
			.hasFileName(databaseName() + "-aaaa00000002-20261121-201530-123Z-2" + extension());
		assertThat(backup().list()).extracting(BackupFile::file).containsExactlyInAnyOrder(first.file(), second.file());
		assertThat(backup().verify(second.file()).manifest().rowCounts()).containsEntry(table("widgets"), 3L);
	}

	@Test
	void aBackupLeavesAlonePartialFilesOfTheSameMillisecondThatAnotherProcessIsWriting() throws Exception {
		Path another = this.backups.resolve("." + databaseName() + "-20261121-201530-123Z.partial");
		Files.writeString(another, "another process's copy, being written");

		BackupFile backup = backup().backup();

		assertThat(another).hasContent("another process's copy, being written");
		assertThat(backup().verify(backup.file()).manifest().rowCounts()).containsEntry(table("widgets"), 3L);
	}

	@Test
	void twoBackupsAtOnceInTheSameMillisecondKeepTwoVerifiedBackups() throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<BackupFile>> backups = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				backups.add(pool.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return backup().backup();
				}));
			}
			Path first = backups.get(0).get(2, TimeUnit.MINUTES).file();
			Path second = backups.get(1).get(2, TimeUnit.MINUTES).file();

			assertThat(first).isNotEqualTo(second);
			assertThat(backup().list()).extracting(BackupFile::file).containsExactlyInAnyOrder(first, second);
			for (Path file : List.of(first, second)) {
				assertThat(backup().verify(file).manifest().rowCounts()).containsEntry(table("widgets"), 3L);
			}
			try (var files = Files.list(this.backups)) {
				assertThat(files.map((file) -> file.getFileName().toString())).as("no partial file left behind")
					.containsExactlyInAnyOrder(first.getFileName().toString(), first.getFileName() + ".manifest",
							second.getFileName().toString(), second.getFileName() + ".manifest");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aBackupChangedBetweenItsVerificationAndTheRestoreIsRefused() throws Exception {
		BackupFile taken = backup().backup();
		BackupFile verified = backup().verify(taken.file());
		execute("DELETE FROM gadgets");
		try (RandomAccessFile file = new RandomAccessFile(taken.file().toFile(), "rw")) {
			file.seek(file.length());
			file.write(0);
		}

		assertThatExceptionOfType(InvalidBackupException.class).isThrownBy(() -> backup().restore(verified))
			.withMessageContaining("The backup " + taken.file() + " was changed or damaged after it was verified")
			.withMessageContaining("Use another backup");
		assertThat(rows("SELECT id FROM gadgets")).isEmpty();
	}

	@Test
	void aDamagedBackupIsRefusedAndTheDatabaseIsUntouched() throws Exception {
		BackupFile backup = backup().backup();
		execute("DELETE FROM gadgets");
		try (RandomAccessFile file = new RandomAccessFile(backup.file().toFile(), "rw")) {
			file.seek(file.length() / 2);
			int b = file.read();
			file.seek(file.length() / 2);
			file.write(b ^ 0xFF);
		}

		assertThatExceptionOfType(InvalidBackupException.class).isThrownBy(() -> backup().restore(backup.file()))
			.withMessageContaining(backup.file().toString())
			.withMessageContaining("changed or damaged")
			.withMessageContaining("Use another backup");
		assertThat(rows("SELECT id FROM gadgets")).isEmpty();
		assertThat(rows("SELECT id FROM widgets")).hasSize(3);
	}

	@Test
	void aBackupOfTheOtherDatabaseIsNamedAsSuchNotAsDamaged() throws Exception {
		BackupFile backup = backup().backup();
		Path manifest = BackupManifest.of(backup.file());
		String text = Files.readString(manifest);
		String own = text.contains("dialect=sqlite") ? "sqlite" : "postgresql";
		String other = own.equals("sqlite") ? "postgresql" : "sqlite";
		Files.writeString(manifest, text.replace("dialect=" + own, "dialect=" + other));
		// what the other database's backup is to this one: not its format
		Files.write(backup.file(), new byte[] { 'n', 'o', 't', ' ', 'o', 'u', 'r', 's' });

		assertThatExceptionOfType(InvalidBackupException.class).isThrownBy(() -> backup().restore(backup.file()))
			.withMessageContaining(
					"The backup " + backup.file() + " is of a " + other + " database; it cannot be " + "restored into ")
			.withMessageNotContaining("damaged");
		assertThat(rows("SELECT id FROM widgets")).hasSize(3);
	}

	@Test
	void aTruncatedBackupWithoutItsManifestIsRefused() throws Exception {
		BackupFile backup = backup().backup();
		Files.delete(BackupManifest.of(backup.file()));
		try (RandomAccessFile file = new RandomAccessFile(backup.file().toFile(), "rw")) {
			file.setLength(file.length() / 3);
		}
		assertThatExceptionOfType(InvalidBackupException.class).isThrownBy(() -> backup().restore(backup.file()))
			.withMessageContaining(backup.file().toString());
		assertThat(rows("SELECT id FROM widgets")).hasSize(3);
	}

	@Test
	void aSchemaOnlyBackupHoldsEveryTableButTheRowsOfRetortsTablesAlone() throws Exception {
		withHistory();
		BackupFile backup = backup().backup(null, BackupStrategy.SCHEMA_ONLY);

		assertThat(backup.file())
			.hasFileName(databaseName() + "-aaaa00000002-20261121-201530-123Z-schema-only" + extension());
		assertThat(backup.manifest().strategy()).isEqualTo(BackupStrategy.SCHEMA_ONLY);
		assertThat(backup.manifest().revisions()).containsExactly("aaaa00000002");
		assertThat(backup.manifest().rowCounts()).containsEntry(table("migrations_version"), 1L)
			.containsEntry(table("migrations_history"), 2L);
		assertThat(backup.manifest().rowCounts())
			.as("every other table is empty in the backup, or has no data in it at all")
			.allSatisfy((table, rows) -> assertThat(rows).as(table)
				.isEqualTo(table.endsWith("migrations_version") ? 1L : table.endsWith("migrations_history") ? 2L : 0L));
		assertThat(backup.describe()).contains("schema only");
		assertThat(backup().list()).extracting((listed) -> listed.manifest().strategy())
			.containsExactly(BackupStrategy.SCHEMA_ONLY);
		assertThat(backup().verify(backup.file()).manifest()).isEqualTo(backup.manifest());
		assertThat(rows("SELECT id FROM widgets")).as("the database keeps its rows").hasSize(3);
	}

	@Test
	void restoringASchemaOnlyBackupEmptiesTheTablesAfterKeepingTheRowsInAFullBackup() throws Exception {
		withHistory();
		BackupFile schema = backup().backup(null, BackupStrategy.SCHEMA_ONLY);
		execute("INSERT INTO widgets VALUES (4, 'spring', NULL)", "DROP TABLE gadgets",
				"UPDATE migrations_version SET version_num = 'aaaa00000003'",
				"INSERT INTO migrations_history VALUES (3, 'aaaa00000003')",
				"CREATE TABLE created_later (id INTEGER PRIMARY KEY)");

		DatabaseBackup.Restored restored = backup().restore(schema.file());

		assertThat(rows("SELECT id FROM widgets")).isEmpty();
		assertThat(rows("SELECT id FROM gadgets")).isEmpty();
		assertThat(indexExists("ix_gadgets_widget")).isTrue();
		assertThat(tableExists("created_later")).isFalse();
		assertThat(rows("SELECT version_num FROM migrations_version")).containsExactly("aaaa00000002");
		assertThat(rows("SELECT revision FROM migrations_history ORDER BY id")).containsExactly("aaaa00000001",
				"aaaa00000002");
		assertThat(restored.previous()).as("the rows the restore emptied, kept first").isNotNull();
		assertThat(restored.previous().manifest().strategy()).isEqualTo(BackupStrategy.FULL);
		assertThat(restored.previous().manifest().rowCounts()).containsEntry(table("widgets"), 4L);

		backup().restore(restored.previous().file());

		assertThat(rows("SELECT id FROM widgets ORDER BY id")).containsExactly("1", "2", "3", "4");
		assertThat(rows("SELECT version_num FROM migrations_version")).containsExactly("aaaa00000003");
		assertThat(tableExists("gadgets")).isFalse();
	}

	@Test
	void theConfiguredStrategyIsWhatABackupHoldsAndARestoreStillKeepsAFullOne() throws Exception {
		withHistory();
		// a minute later, so that the backup the restore keeps has a name of its own
		DatabaseBackup schemaOnly = new DatabaseBackup(dataSource(), options().withStrategy(BackupStrategy.SCHEMA_ONLY)
			.withClock(Clock.offset(CLOCK, Duration.ofMinutes(1))));
		BackupFile backup = schemaOnly.backup();
		assertThat(backup.manifest().strategy()).isEqualTo(BackupStrategy.SCHEMA_ONLY);
		BackupFile full = backup().backup();
		execute("DELETE FROM widgets WHERE id = 3");

		DatabaseBackup.Restored restored = schemaOnly.restore(full.file());

		assertThat(rows("SELECT id FROM widgets ORDER BY id")).containsExactly("1", "2", "3");
		assertThat(restored.previous()).as("the database as it was, kept first").isNotNull();
		assertThat(restored.previous().manifest().strategy()).as("whatever the configured strategy")
			.isEqualTo(BackupStrategy.FULL);
		assertThat(restored.previous().manifest().rowCounts()).containsEntry(table("widgets"), 2L);
		new DatabaseBackup(dataSource(), options().withClock(Clock.offset(CLOCK, Duration.ofMinutes(2))))
			.restore(restored.previous().file());
		assertThat(rows("SELECT id FROM widgets ORDER BY id")).as("the rows the restore replaced come back")
			.containsExactly("1", "2");
	}

	/** Retort's history table, with a row per revision the database is at. */
	void withHistory() throws SQLException {
		execute("CREATE TABLE migrations_history (id INTEGER PRIMARY KEY, revision VARCHAR(64) NOT NULL)",
				"INSERT INTO migrations_history VALUES (1, 'aaaa00000001'), (2, 'aaaa00000002')");
	}

	/** The name a table has in row counts. */
	String table(String name) {
		return name;
	}

	abstract boolean indexExists(String name) throws SQLException;

	boolean tableExists(String table) throws SQLException {
		try (Connection connection = database().connect();
				ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
			return tables.next();
		}
	}

	void execute(String... statements) throws SQLException {
		try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	List<String> rows(String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = database().connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					values.add(result.getString(i));
				}
				rows.add(String.join("|", values));
			}
		}
		return rows;
	}

}
