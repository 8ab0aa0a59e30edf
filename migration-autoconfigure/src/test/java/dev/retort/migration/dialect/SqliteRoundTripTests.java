package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.io.TempDir;

/**
 * The round trips on SQLite, where most of them rebuild the table, foreign keys enforced.
 */
class SqliteRoundTripTests extends RoundTripScenarios {

	@TempDir
	Path directory;

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		return DriverManager
			.getConnection("jdbc:sqlite:" + this.directory.resolve("round-trip.db") + "?foreign_keys=on");
	}

}
