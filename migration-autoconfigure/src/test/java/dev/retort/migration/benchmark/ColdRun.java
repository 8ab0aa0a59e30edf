package dev.retort.migration.benchmark;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One cold measurement, in a JVM of its own that {@link BenchmarkSuite} starts with the
 * test classpath plus a directory of generated revisions ({@link RevisionFiles}): one
 * tool applies them to an empty database, or reads the status of a database they were
 * applied to. The clock starts once logging is set up, the DataSource made and one
 * connection opened and closed (as an application's pool has connected before it builds a
 * migrator), so it counts everything the tool does in a fresh process (loading its
 * classes, discovery, parsing, connecting) but not the JVM's own start or the
 * application's DataSource; {@code BenchmarkSuite} times the process from launch to exit
 * as well.
 *
 * <p>
 * Arguments: {@code tool action revisions url [warmUrl]}: tool {@code jdbc},
 * {@code jdbc-files} (status only), {@code retort}, {@code flyway} or {@code liquibase};
 * action {@code apply} or {@code status}; the number of revisions expected; the JDBC URL
 * of the database (user from {@code -Dbench.user}); for {@code apply}, optionally a
 * second empty database on which the same process then repeats the work, warm.
 * {@code status} always repeats warm on the same database. Prints
 * {@code cold-ms=… warm-ms=…} (warm {@code -1} when not measured).
 */
public final class ColdRun {

	private ColdRun() {
	}

	public static void main(String[] args) throws Exception {
		String tool = args[0];
		String action = args[1];
		int revisions = Integer.parseInt(args[2]);
		String url = args[3];
		// an application has its logging set up and its DataSource made before it builds
		// a migrator; connecting is timed
		quietLogs();
		DataSource dataSource = dataSource(url);
		connectOnce(dataSource);
		long started = System.nanoTime();
		Tool runner = switch (tool) {
			case "jdbc" -> new PlainJdbc();
			case "jdbc-files" -> new PlainJdbcReadingFiles();
			case "retort" -> new Retort();
			case "flyway" -> new FlywayTool();
			case "liquibase" -> new LiquibaseTool();
			default -> throw new IllegalArgumentException("Unknown tool " + tool);
		};
		run(runner, action, revisions, dataSource);
		double cold = (System.nanoTime() - started) / 1e6;
		double warm = -1;
		String warmUrl = action.equals("status") ? url : (args.length > 4) ? args[4] : null;
		if (warmUrl != null) {
			DataSource warmDataSource = dataSource(warmUrl);
			long again = System.nanoTime();
			run(runner, action, revisions, warmDataSource);
			warm = (System.nanoTime() - again) / 1e6;
		}
		System.out.printf(Locale.ROOT, "cold-ms=%.2f warm-ms=%.2f%n", cold, warm);
	}

	private static void run(Tool tool, String action, int revisions, DataSource dataSource) throws Exception {
		if (action.equals("apply")) {
			int applied = tool.apply(dataSource);
			check(applied == revisions, tool + " applied " + applied + " of " + revisions + " revisions");
		}
		else {
			int applied = tool.status(dataSource, revisions);
			check(applied == revisions, tool + " reports " + applied + " of " + revisions + " revisions applied");
		}
	}

	/**
	 * Root at WARN, so that a tool's per-step INFO lines on a console do not time the
	 * console.
	 */
	private static void quietLogs() {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
	}

	static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Benchmark sanity check failed: " + what);
		}
	}

	/**
	 * What an application's pool has done before any migrator runs: connected once, so
	 * that the driver's classes (and SQLite's native library) are loaded. Every tool
	 * still opens its own connection, timed.
	 */
	private static void connectOnce(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT 1")) {
			check(rows.next(), "the database answers");
		}
	}

	/**
	 * The application's DataSource, made before the clock starts: a plain
	 * {@code DriverManager} one (no pool), its driver registered and Spring's logging
	 * bridge set up by it, as an application's are before it builds a migrator. Every
	 * tool connects through it.
	 */
	private static DataSource dataSource(String url) throws SQLException {
		DriverManager.getDriver(url);
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
		dataSource.setUsername(System.getProperty("bench.user"));
		return dataSource;
	}

	/** What every tool does in a fresh process. */
	private interface Tool {

		/** Applies every revision to an empty database; the number applied. */
		int apply(DataSource dataSource) throws Exception;

		/**
		 * Reads where a fully migrated database stands; the number of revisions applied,
		 * after checking that nothing is pending.
		 */
		int status(DataSource dataSource, int revisions) throws Exception;

	}

	/**
	 * The floor: the same statements from one resource, one transaction per revision, no
	 * bookkeeping; status reads Retort's version table.
	 */
	private record PlainJdbc() implements Tool {

		@Override
		public int apply(DataSource dataSource) throws Exception {
			List<List<String>> revisions = statements();
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				for (List<String> revision : revisions) {
					for (String sql : revision) {
						statement.execute(sql);
					}
					connection.commit();
				}
			}
			return revisions.size();
		}

		@Override
		public int status(DataSource dataSource, int revisions) throws Exception {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT version_num FROM migrations_version")) {
				check(rows.next(), "the version table has a row");
				check(rows.getString(1).equals(MigrationBenchmark.id(revisions - 1)), "at the last revision");
				return revisions;
			}
		}

		private static List<List<String>> statements() throws IOException {
			List<List<String>> revisions = new ArrayList<>();
			try (InputStream input = ColdRun.class.getClassLoader().getResourceAsStream(RevisionFiles.JDBC)) {
				String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
				for (String revision : text.split("\n\n")) {
					if (!revision.isBlank()) {
						String statements = revision.strip();
						revisions.add(List.of(statements.substring(0, statements.length() - 1).split(";\n")));
					}
				}
			}
			return revisions;
		}

		@Override
		public String toString() {
			return "plain JDBC";
		}

	}

	/**
	 * The floor of any tool that keeps its revisions as files: plain JDBC's status after
	 * reading Retort's revision files the least way there is (list the folder, read each
	 * file into one buffer, take its {@code revision} and {@code revises} lines, find the
	 * head), with no validation, no error handling and nothing else; apply is plain
	 * JDBC's.
	 */
	private record PlainJdbcReadingFiles() implements Tool {

		@Override
		public int apply(DataSource dataSource) throws Exception {
			return new PlainJdbc().apply(dataSource);
		}

		@Override
		public int status(DataSource dataSource, int revisions) throws Exception {
			File folder = new File(
					ColdRun.class.getClassLoader().getResource(RevisionFiles.RETORT_LOCATION.substring(10)).toURI());
			String[] names = folder.list();
			Arrays.sort(names);
			Map<String, String> parents = new HashMap<>();
			byte[] buffer = new byte[64 * 1024];
			for (String name : names) {
				File file = new File(folder, name);
				int length = 0;
				try (FileInputStream input = new FileInputStream(file)) {
					int read;
					while ((read = input.read(buffer, length, buffer.length - length)) > 0) {
						length += read;
					}
				}
				String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
				parents.put(header(text, "-- revision: "), header(text, "-- revises: "));
			}
			Set<String> heads = new HashSet<>(parents.keySet());
			for (String parent : parents.values()) {
				heads.remove(parent);
			}
			check(heads.size() == 1, "one head");
			int applied = new PlainJdbc().status(dataSource, revisions);
			return (parents.size() == applied) ? applied : -1;
		}

		private static String header(String text, String prefix) {
			int start = text.indexOf(prefix) + prefix.length();
			return text.substring(start, text.indexOf('\n', start));
		}

		@Override
		public String toString() {
			return "plain JDBC reading the files";
		}

	}

	/** Retort as an application runs it: a Migrator over its classpath location. */
	private record Retort() implements Tool {

		private Migrator migrator(DataSource dataSource) {
			return new Migrator(dataSource, MigratorConfig.defaults().withLocations(RevisionFiles.RETORT_LOCATION));
		}

		@Override
		public int apply(DataSource dataSource) {
			MigrationResult result = migrator(dataSource).upgrade("heads");
			return result.steps().size();
		}

		@Override
		public int status(DataSource dataSource, int revisions) {
			Migrator migrator = migrator(dataSource);
			MigrationStatus status = migrator.status();
			check(status.upToDate(), "Retort's status is up to date");
			return migrator.graph().revisions().size();
		}

		@Override
		public String toString() {
			return "Retort";
		}

	}

	private record FlywayTool() implements Tool {

		private Flyway flyway(DataSource dataSource) {
			return Flyway.configure()
				.dataSource(dataSource)
				.locations(RevisionFiles.FLYWAY_LOCATION)
				.loggers("slf4j")
				.load();
		}

		@Override
		public int apply(DataSource dataSource) {
			MigrateResult result = flyway(dataSource).migrate();
			return result.migrationsExecuted;
		}

		@Override
		public int status(DataSource dataSource, int revisions) {
			MigrationInfoService info = flyway(dataSource).info();
			check(info.pending().length == 0, "Flyway has nothing pending");
			return info.applied().length;
		}

		@Override
		public String toString() {
			return "Flyway";
		}

	}

	private record LiquibaseTool() implements Tool {

		@Override
		public int apply(DataSource dataSource) throws SQLException, LiquibaseException {
			try (Connection connection = dataSource.getConnection()) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				new CommandScope(UpdateCommandStep.COMMAND_NAME)
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
					.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, RevisionFiles.LIQUIBASE_CHANGELOG)
					.execute();
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM databasechangelog")) {
					rows.next();
					return rows.getInt(1);
				}
			}
		}

		@Override
		public int status(DataSource dataSource, int revisions) {
			throw new UnsupportedOperationException("status is measured for Retort, Flyway and plain JDBC");
		}

		@Override
		public String toString() {
			return "Liquibase";
		}

	}

}
