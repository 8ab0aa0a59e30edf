package dev.retort.migration.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import dev.retort.migration.engine.brokenonce.CountedBrokenRevision;
import dev.retort.migration.revision.RevisionClassException;
import dev.retort.migration.revision.RevisionFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The revisions are read and parsed while the migrator connects: what a user sees when
 * one of the two fails is what they saw when they ran one after the other. A broken
 * revision is named before an unreachable database, and a broken revision changes nothing
 * in a database that can be reached.
 */
class GraphLoadingOrderTests {

	@TempDir
	Path directory;

	@Test
	void aBrokenRevisionIsReportedBeforeAnUnreachableDatabase() throws IOException {
		Path revisions = brokenRevisions();
		Migrator migrator = migrator(revisions, unreachable());

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(migrator::status)
			.withMessageContaining("0002_broken.sql:2: unknown header 'revise'")
			.satisfies(
					(ex) -> assertThat(ex.getSuppressed()).hasAtLeastOneElementOfType(DatabaseAccessException.class));
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("0002_broken.sql:2: unknown header 'revise'");
	}

	@Test
	void anUnreachableDatabaseIsReportedWhenTheRevisionsAreFine() throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("fine"));
		Files.writeString(revisions.resolve("0001_first.sql"), first());
		Migrator migrator = migrator(revisions, unreachable());

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(migrator::status)
			.withMessageContaining("Could not connect to the database");
		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("Could not connect to the database");
	}

	@Test
	void aBrokenRevisionChangesNothingInAReachableDatabase() throws Exception {
		Path database = this.directory.resolve("app.db");
		Migrator migrator = migrator(brokenRevisions(), "jdbc:sqlite:" + database);

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("0002_broken.sql:2: unknown header 'revise'");

		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
				ResultSet tables = connection.createStatement()
					.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
			tables.next();
			assertThat(tables.getInt(1)).as("tables in the database").isZero();
		}
	}

	@Test
	void aBrokenRevisionIsReadOnceThoughItLoadsWhileTheMigratorConnectsAndAgainOnTheNextCall() {
		CountedBrokenRevision.CREATED.set(0);
		Migrator migrator = new Migrator(new DriverManagerDataSource("jdbc:sqlite:" + this.directory.resolve("app.db")),
				MigratorConfig.defaults().withLocations("classpath:dev/retort/migration/engine/brokenonce"));

		assertThatExceptionOfType(RevisionClassException.class).isThrownBy(migrator::status)
			.withMessageContaining("CountedBrokenRevision failed in its constructor");
		assertThat(CountedBrokenRevision.CREATED).as("times the revisions were read").hasValue(1);
		assertThatExceptionOfType(RevisionClassException.class).isThrownBy(() -> migrator.upgrade("heads"));
		assertThat(CountedBrokenRevision.CREATED).as("read again: the revisions may have been fixed").hasValue(2);
	}

	private Path brokenRevisions() throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("broken"));
		Files.writeString(revisions.resolve("0001_first.sql"), first());
		Files.writeString(revisions.resolve("0002_broken.sql"), """
				-- revision: bbbbbbbbbbbb
				-- revise: aaaaaaaaaaaa
				-- +upgrade
				CREATE TABLE second (id INTEGER);
				""");
		return revisions;
	}

	private static String first() {
		return """
				-- revision: aaaaaaaaaaaa
				-- +upgrade
				CREATE TABLE first (id INTEGER);
				-- +downgrade
				DROP TABLE first;
				""";
	}

	/** A database file in a directory that does not exist: SQLite cannot open it. */
	private String unreachable() {
		return "jdbc:sqlite:" + this.directory.resolve("missing").resolve("app.db");
	}

	private static Migrator migrator(Path revisions, String url) {
		return new Migrator(new DriverManagerDataSource(url),
				MigratorConfig.defaults().withLocations(revisions.toString()));
	}

}
