package dev.retort.migration.engine;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The revision-graph scenarios on a SQLite file of its own per test.
 */
class SqliteRevisionGraphTests extends RevisionGraphScenarios {

	@TempDir
	Path directory;

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() {
		this.dataSource = new SimpleDriverDataSource(new org.sqlite.JDBC(),
				"jdbc:sqlite:" + this.directory.resolve("retort.db"));
	}

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

}
