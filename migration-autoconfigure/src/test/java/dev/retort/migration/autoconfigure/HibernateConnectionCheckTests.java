package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Before Hibernate starts, every Retort app connects once: a database it cannot reach
 * fails the start with the driver's reason and what to change; on PostgreSQL it tells
 * Hibernate not to probe {@code Connection.createClob()}, which pgjdbc does not implement
 * (the probe made Hikari log a stack trace and drop a connection on every start).
 */
class HibernateConnectionCheckTests {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class));

	@Test
	void onPostgresHibernateCreatesLobsWithoutProbingTheDriver() {
		this.runner.withBean(DataSource.class, postgres::dataSource)
			.run((context) -> assertThat(hibernateProperties(context, new HashMap<>()))
				.containsEntry(HibernateConnectionCheck.NON_CONTEXTUAL_CREATION, "true"));
	}

	@Test
	void anExplicitSettingIsLeftAlone() {
		Map<String, Object> explicit = new HashMap<>(Map.of(HibernateConnectionCheck.NON_CONTEXTUAL_CREATION, "false"));
		this.runner.withBean(DataSource.class, postgres::dataSource)
			.run((context) -> assertThat(hibernateProperties(context, explicit))
				.containsEntry(HibernateConnectionCheck.NON_CONTEXTUAL_CREATION, "false"));
	}

	@Test
	void onSqliteNothingChanges() {
		SQLiteDataSource sqlite = new SQLiteDataSource();
		sqlite.setUrl("jdbc:sqlite:" + this.directory.resolve("app.db"));
		this.runner.withBean(DataSource.class, () -> sqlite)
			.run((context) -> assertThat(hibernateProperties(context, new HashMap<>()))
				.doesNotContainKey(HibernateConnectionCheck.NON_CONTEXTUAL_CREATION));
	}

	@Test
	void aDatabaseThatDoesNotExistFailsTheStartWithTheCommandThatCreatesIt() {
		URI server = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
		String url = "jdbc:postgresql://" + server.getHost() + ":" + ((server.getPort() > 0) ? server.getPort() : 5432)
				+ "/retort_missing_database";

		assertThatExceptionOfType(DatabaseUnreachableException.class).isThrownBy(() -> check(url, postgres.username()))
			.satisfies((ex) -> assertThat(ex.problem()).startsWith("Cannot connect to the database at " + url)
				.contains("database \"retort_missing_database\" does not exist"))
			.satisfies((ex) -> assertThat(ex.fix()).contains("create the database first")
				.contains("createdb -h " + server.getHost())
				.endsWith("retort_missing_database, or point spring.datasource.url at a database that exists."));
	}

	@Test
	void anUnknownUserIsToldToCheckTheUserAndPassword() {
		assertThatExceptionOfType(DatabaseUnreachableException.class)
			.isThrownBy(() -> check(postgres.jdbcUrl(), "retort_no_such_role"))
			.satisfies((ex) -> assertThat(ex.problem()).contains("as user 'retort_no_such_role'")
				.contains("retort_no_such_role"))
			.satisfies((ex) -> assertThat(ex.fix()).startsWith("check spring.datasource.username"));
	}

	@Test
	void noServerAtTheAddressIsToldToCheckTheServer() throws IOException {
		int port = freePort();
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/app";
		assertThatExceptionOfType(DatabaseUnreachableException.class).isThrownBy(() -> check(url, "app"))
			.satisfies((ex) -> assertThat(ex.problem()).startsWith("Cannot connect to the database at " + url))
			.satisfies((ex) -> assertThat(ex.fix()).contains("the database server is running"));
	}

	@Test
	void aPasswordInTheUrlIsNotRepeated() throws IOException {
		int port = freePort();
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/app?user=app&password=s3cret&ssl=false";
		assertThatExceptionOfType(DatabaseUnreachableException.class).isThrownBy(() -> check(url, null))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cret").contains("password=***&ssl=false"));
	}

	@Test
	void anSqliteFileThatCannotBeOpenedIsToldToCreateItsFolder() throws IOException {
		Path notAFolder = Files.writeString(this.directory.resolve("plain-file"), "");
		String url = "jdbc:sqlite:" + notAFolder.resolve("app.db");
		assertThatExceptionOfType(DatabaseUnreachableException.class).isThrownBy(() -> check(url, null))
			.satisfies((ex) -> assertThat(ex.problem()).startsWith("Cannot connect to the database at " + url + ":"))
			.satisfies((ex) -> assertThat(ex.fix()).startsWith("create the folder the database file goes in"));
	}

	@Test
	void anApplicationThatStartsWithoutItsDatabaseIsNotChecked() throws IOException {
		int port = freePort();
		Map<String, Object> properties = new HashMap<>(Map.of(HibernateConnectionCheck.ALLOW_METADATA_ACCESS, "false"));
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/app";
		new HibernateConnectionCheck(new DriverManagerDataSource(url),
				new DatabaseUnreachableException.Target(url, null), false)
			.customize(properties);
		assertThat(properties).containsOnlyKeys(HibernateConnectionCheck.ALLOW_METADATA_ACCESS);
	}

	@Test
	void anApplicationThatGivesHibernateItsDialectIsNotStoppedEither() throws IOException {
		int port = freePort();
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/app";
		DatabaseUnreachableException.Target target = new DatabaseUnreachableException.Target(url, null);
		Map<String, Object> properties = new HashMap<>(
				Map.of(HibernateConnectionCheck.DIALECT, "org.hibernate.dialect.PostgreSQLDialect"));
		new HibernateConnectionCheck(new DriverManagerDataSource(url), target, false).customize(properties);
		assertThat(properties).containsOnlyKeys(HibernateConnectionCheck.DIALECT);
		// spring.jpa.database-platform
		new HibernateConnectionCheck(new DriverManagerDataSource(url), target, true).customize(new HashMap<>());
	}

	@Test
	void theFailureAnalyzerIsRegisteredAndShowsTheFixAsTheAction() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			// Spring Boot's own analyzers want a bean factory: only Retort's is looked
			// for
			.load(FailureAnalyzer.class, null, (type, name, failure) -> {
			})).hasAtLeastOneElementOfType(DatabaseUnreachableFailureAnalyzer.class);
		String url = "jdbc:sqlite:" + this.directory.resolve("plain-file").resolve("app.db");
		DatabaseUnreachableException unreachable = new DatabaseUnreachableException(
				new DatabaseUnreachableException.Target(url, null), new SQLException("[SQLITE_CANTOPEN]", null, 14));
		FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer()
			.analyze(new IllegalStateException("Error creating bean 'entityManagerFactory'", unreachable));
		assertThat(analysis.getDescription()).isEqualTo(unreachable.problem());
		assertThat(analysis.getAction()).startsWith("Create the folder the database file goes in ("
				+ this.directory.resolve("plain-file").resolve("app.db") + "), or point");
	}

	@Test
	void aRelativeSqlitePathThatCannotBeOpenedSaysWhereItWasLookedFor() {
		DatabaseUnreachableException unreachable = new DatabaseUnreachableException(
				new DatabaseUnreachableException.Target("jdbc:sqlite:no-such-folder/app.db", null),
				new SQLException("[SQLITE_CANTOPEN]", null, 14));
		Path here = Path.of("").toAbsolutePath();
		assertThat(unreachable.fix()).contains("(" + here.resolve("no-such-folder/app.db")
				+ ": the URL's relative path is taken from the working directory, " + here + ")");
	}

	/** A port nothing listens on: connecting to it is refused. */
	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void check(String url, String user) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
		dataSource.setUsername(user);
		dataSource.setPassword(postgres.password());
		new HibernateConnectionCheck(dataSource, new DatabaseUnreachableException.Target(url, user), false)
			.customize(new HashMap<>());
	}

	private static Map<String, Object> hibernateProperties(AssertableApplicationContext context,
			Map<String, Object> properties) {
		context.getBeanProvider(HibernatePropertiesCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(properties));
		return properties;
	}

}
