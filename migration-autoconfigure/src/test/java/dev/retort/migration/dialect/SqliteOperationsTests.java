package dev.retort.migration.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.io.TempDir;

/**
 * The operation scenarios on a SQLite file with foreign keys enforced.
 */
class SqliteOperationsTests extends OperationScenarios {

	@TempDir
	Path directory;

	@Override
	protected Connection openEmptyDatabase() throws Exception {
		return DriverManager.getConnection("jdbc:sqlite:" + this.directory.resolve("test.db") + "?foreign_keys=on");
	}

}
