package dev.retort.migration.autogenerate;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Autogenerate's scenarios on a SQLite file of their own per test.
 */
class SqliteAutogenerateTests extends AutogenerateScenarios {

	@TempDir
	Path directory;

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() {
		this.dataSource = new SimpleDriverDataSource(new org.sqlite.JDBC(),
				"jdbc:sqlite:" + this.directory.resolve("autogenerate.db"));
	}

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	protected String dialectName() {
		return "sqlite";
	}

}
