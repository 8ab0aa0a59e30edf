package dev.retort.migration.autogenerate;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Autogenerate's change scenarios on a SQLite file of their own per test, where every
 * change to a constraint or a column type runs as a table rebuild.
 */
class SqliteAutogenerateChangeTests extends AutogenerateChangeScenarios {

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

	/**
	 * Hibernate declares a timestamp with and without time zone alike on SQLite, so only
	 * the other four change.
	 */
	@Override
	protected List<String> expectedTypeChanges() {
		return List.of("label", "quantity", "amount", "code");
	}

}
