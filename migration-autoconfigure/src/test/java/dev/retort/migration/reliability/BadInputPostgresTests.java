package dev.retort.migration.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.MigrateCommand;
import dev.retort.migration.dialect.postgresql.PostgresAdvisoryLock;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue on a PostgreSQL database of this class's own.
 */
class BadInputPostgresTests extends BadInputScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	boolean anotherConnectionCanWrite() throws SQLException {
		try (Connection connection = postgres.connect()) {
			try (Statement statement = connection.createStatement();
					ResultSet open = statement
						.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
								+ "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'")) {
				open.next();
				if (open.getLong(1) > 0) {
					return false;
				}
			}
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				lock.setLong(1, new PostgresAdvisoryLock(MigratorConfig.defaults().versionTable()).key());
				try (ResultSet locked = lock.executeQuery()) {
					if (!locked.next() || !locked.getBoolean(1)) {
						return false;
					}
				}
			}
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL lock_timeout = '1s'");
				statement.execute("INSERT INTO widgets (name) VALUES ('another connection')");
			}
			finally {
				connection.rollback();
			}
			return true;
		}
	}

	@Test
	void aStatementThatCannotRunInATransactionSaysHowToRunIt() throws Exception {
		write("20261201_1200_bbbb00000003_concurrently.sql",
				sqlRevision("bbbb00000003", HEAD, "CREATE INDEX CONCURRENTLY ix_widgets_name ON widgets (name);"));
		BadInputDatabaseState before = state();

		Run run = migrate(withRevisionFiles(), "upgrade");

		assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
		assertThat(run.err()).contains("cannot run inside a transaction block (SQL state 25001)")
			.contains("The statement cannot run inside a transaction: declare the revision non-transactional "
					+ "(@Revision(transactional = false), or '-- transactional: false' in SQL)");
		assertThat(state().versions()).isEqualTo(before.versions());
		assertThat(state().schema()).isEqualTo(before.schema());
	}

}
