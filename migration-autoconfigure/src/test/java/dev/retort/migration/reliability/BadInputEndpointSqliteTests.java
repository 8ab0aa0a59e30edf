package dev.retort.migration.reliability;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The bad endpoint requests against an application on an SQLite file.
 */
class BadInputEndpointSqliteTests extends BadInputEndpointScenarios {

	@TempDir
	static Path directory;

	@Override
	TestDatabase database() {
		return new SqliteTestDatabase(directory.resolve("app.db"));
	}

	@Override
	DataSource dataSource() {
		return new SimpleDriverDataSource(new org.sqlite.JDBC(), database().jdbcUrl());
	}

}
