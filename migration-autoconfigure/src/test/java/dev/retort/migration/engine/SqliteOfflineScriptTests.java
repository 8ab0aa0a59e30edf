package dev.retort.migration.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Offline scripts through the {@code sqlite3} client.
 */
class SqliteOfflineScriptTests extends OfflineScriptScenarios {

	private Path database;

	@BeforeEach
	void emptyDatabase() {
		this.database = this.directory.resolve("offline.db");
	}

	@Override
	protected boolean errorsNameTheDatabasesRevision() {
		return false;
	}

	@Override
	protected String dialect() {
		return "sqlite";
	}

	@Override
	protected DataSource dataSource() {
		return new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite:" + this.database);
	}

	@Override
	protected CommandResult runScript(Path script) throws Exception {
		Process process = new ProcessBuilder("sqlite3", "-bail", this.database.toString()).redirectErrorStream(true)
			.redirectInput(script.toFile())
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new CommandResult(process.waitFor(), output);
	}

}
