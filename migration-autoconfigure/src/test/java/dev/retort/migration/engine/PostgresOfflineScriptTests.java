package dev.retort.migration.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Offline scripts through {@code psql -v ON_ERROR_STOP=1}.
 */
class PostgresOfflineScriptTests extends OfflineScriptScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@BeforeEach
	void emptyDatabase() throws Exception {
		postgres.reset();
	}

	@Override
	protected boolean errorsNameTheDatabasesRevision() {
		return true;
	}

	@Override
	protected String dialect() {
		return "postgresql";
	}

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

	@Override
	protected CommandResult runScript(Path script) throws Exception {
		String url = postgres.jdbcUrl().substring("jdbc:".length());
		if (url.indexOf('?') >= 0) {
			url = url.substring(0, url.indexOf('?'));
		}
		if (postgres.username() != null) {
			url = url.replace("postgresql://", "postgresql://" + postgres.username() + "@");
		}
		ProcessBuilder builder = new ProcessBuilder(
				List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", script.toString()))
			.redirectErrorStream(true);
		if (postgres.password() != null) {
			builder.environment().put("PGPASSWORD", postgres.password());
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new CommandResult(process.waitFor(), output);
	}

}
