package dev.retort.migration.cli;

import java.nio.file.Path;

import dev.retort.migration.cli.CommandLineTestApplication.Run;
import dev.retort.migration.cli.widgets.WidgetApplications;

import dev.retort.migration.test.PostgresTestDatabase;
import dev.retort.migration.test.TestDatabase;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The autogenerate commands on PostgreSQL.
 */
class PostgresAutogenerateCommandTests extends AutogenerateCommandScenarios {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	TestDatabase database() {
		return postgres;
	}

	@Override
	String hibernateDialect() {
		return PostgreSQLDialect.class.getName();
	}

	@Test
	void aSequenceWhoseIncrementDiffersFromTheEntitysDoesNotStopTheCommandsThatWouldFixIt(@TempDir Path revisions)
			throws Exception {
		String locations = WidgetApplications.REVISIONS + ",filesystem:" + revisions;
		migrate(WidgetApplications.V3.class, locations, revisions, "upgrade");
		Run generated = migrate(WidgetApplications.V3.class, locations, revisions, "revision", "--autogenerate", "-m",
				"gadgets", "--sql");
		assertThat(generated.exitCode()).as(generated.out() + generated.err()).isZero();
		assertThat(migrate(WidgetApplications.V3.class, locations, revisions, "upgrade").exitCode()).isZero();
		// the entity's allocationSize changed since (Hibernate refuses to start on that)
		execute("ALTER SEQUENCE gadgets_seq INCREMENT BY 20");

		Run check = migrate(WidgetApplications.V3.class, locations, revisions, "check");

		assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(MigrateCommand.PROBLEMS_FOUND);
		assertThat(check.out()).contains("change sequence gadgets_seq: increment 50 (was 20)");
		assertThat(check.err()).doesNotContain("increment size");
	}

}
