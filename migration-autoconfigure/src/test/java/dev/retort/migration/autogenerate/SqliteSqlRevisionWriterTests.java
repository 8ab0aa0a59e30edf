package dev.retort.migration.autogenerate;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.retort.migration.test.SqliteTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Generated SQL revisions on an SQLite file, where changing a column's type and dropping
 * a column run as table rebuilds.
 */
class SqliteSqlRevisionWriterTests extends SqlRevisionWriterScenarios {

	@TempDir
	static Path databaseDirectory;

	private final SqliteTestDatabase sqlite = new SqliteTestDatabase(databaseDirectory.resolve("writer.db"));

	@Override
	TestDatabase database() {
		return this.sqlite;
	}

	@Override
	DataSource dataSource() {
		return new DriverManagerDataSource(this.sqlite.jdbcUrl());
	}

}
