package dev.retort.migration.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.dialect.VersionTables;
import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import org.slf4j.LoggerFactory;

/**
 * Applies generated revisions (each a table of five columns plus an index) to empty
 * SQLite and PostgreSQL databases with the {@link Migrator}, and the same statements with
 * plain JDBC, one transaction per revision, alternating which goes first; then times
 * {@code status()} on the migrated database. Not a test: run it by hand (see
 * BENCHMARKS.md) and record what it prints.
 *
 * <p>
 * System properties: {@code revisions} (500), {@code rounds} (5), {@code chunk} (25),
 * {@code databases} ({@code sqlite,postgresql}), {@code postgresUrl}
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code postgresUser}
 * ({@code postgres}).
 */
public final class MigrationBenchmark {

	private static final int REVISIONS = Integer.getInteger("revisions", 500);

	private static final int ROUNDS = Integer.getInteger("rounds", 5);

	private static final int STATUS_CALLS = 200;

	private static final int CHUNK = Integer.getInteger("chunk", 25);

	private MigrationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// per-step INFO lines on a console would time the console, not the migrator
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		List<String> lines = new ArrayList<>();
		lines.add("| database | revisions | Migrator, one run (median) | plain JDBC (median) | ratio "
				+ "| Migrator, interleaved in chunks of " + CHUNK + " (median) | plain JDBC (median) | ratio "
				+ "| JDBC with bookkeeping rows, interleaved (median) | ratio to plain JDBC "
				+ "| status() median / p95 |");
		lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
		for (Target target : List.of(new Sqlite(), new Postgres())) {
			if (!System.getProperty("databases", "sqlite,postgresql").contains(target.name())) {
				continue;
			}
			if (!target.available()) {
				System.out.println(target.name() + ": not available, skipped");
				continue;
			}
			lines.add(run(target));
		}
		System.out.println();
		System.out.println("Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
				+ Instant.now());
		lines.forEach(System.out::println);
	}

	private static String run(Target target) throws Exception {
		Dialect dialect = Dialects.named(target.name());
		RevisionGraph graph = RevisionGraph.of(revisions(REVISIONS));
		List<List<String>> statements = statements(dialect, REVISIONS);
		// warm up both paths (JIT, driver caches) on a smaller database
		RevisionGraph warmGraph = RevisionGraph.of(revisions(100));
		for (int i = 0; i < 2; i++) {
			timeMigrator(target, warmGraph);
			timeJdbc(target, statements.subList(0, 100));
		}
		long[] migrator = new long[ROUNDS];
		long[] jdbc = new long[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			if (round % 2 == 0) {
				migrator[round] = timeMigrator(target, graph);
				jdbc[round] = timeJdbc(target, statements);
			}
			else {
				jdbc[round] = timeJdbc(target, statements);
				migrator[round] = timeMigrator(target, graph);
			}
			System.out.printf(Locale.ROOT, "%s round %d: migrator %d ms, jdbc %d ms%n", target.name(), round + 1,
					migrator[round] / 1_000_000, jdbc[round] / 1_000_000);
		}
		long[] interleavedMigrator = new long[ROUNDS];
		long[] interleavedJdbc = new long[ROUNDS];
		long[] interleavedFloor = new long[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long[] times = timeInterleaved(target, graph, statements, round);
			interleavedMigrator[round] = times[0];
			interleavedJdbc[round] = times[1];
			interleavedFloor[round] = times[2];
			System.out.printf(Locale.ROOT,
					"%s interleaved round %d: migrator %d ms, jdbc %d ms, jdbc with bookkeeping rows %d ms%n",
					target.name(), round + 1, times[0] / 1_000_000, times[1] / 1_000_000, times[2] / 1_000_000);
		}
		long[] status = timeStatus(target, graph);
		long migratorMedian = median(migrator);
		long jdbcMedian = median(jdbc);
		long interleavedMigratorMedian = median(interleavedMigrator);
		long interleavedJdbcMedian = median(interleavedJdbc);
		return String.format(Locale.ROOT,
				"| %s | %d | %d ms | %d ms | %.2fx (paired %.2fx) | %d ms | %d ms | %.2fx (paired %.2fx) "
						+ "| %d ms | %.2fx (paired %.2fx) | %.2f ms / %.2f ms |",
				target.name(), REVISIONS, migratorMedian / 1_000_000, jdbcMedian / 1_000_000,
				(double) migratorMedian / jdbcMedian, pairedRatio(migrator, jdbc),
				interleavedMigratorMedian / 1_000_000, interleavedJdbcMedian / 1_000_000,
				(double) interleavedMigratorMedian / interleavedJdbcMedian,
				pairedRatio(interleavedMigrator, interleavedJdbc), median(interleavedFloor) / 1_000_000,
				(double) median(interleavedFloor) / interleavedJdbcMedian,
				pairedRatio(interleavedFloor, interleavedJdbc), median(status) / 1e6, percentile(status, 0.95) / 1e6);
	}

	/** The median of each round's own ratio: robust when the machine's speed drifts. */
	private static double pairedRatio(long[] migrator, long[] jdbc) {
		double[] ratios = new double[migrator.length];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = (double) migrator[i] / jdbc[i];
		}
		Arrays.sort(ratios);
		return ratios[ratios.length / 2];
	}

	private static long timeMigrator(Target target, RevisionGraph graph) throws Exception {
		try (Database database = target.create()) {
			Migrator migrator = new Migrator(database.dataSource(), MigratorConfig.defaults(), graph);
			long started = System.nanoTime();
			MigrationResult result = migrator.upgrade("heads");
			long elapsed = System.nanoTime() - started;
			check(result.steps().size() == graph.revisions().size(), "the migrator applied every revision");
			return elapsed;
		}
	}

	private static long timeJdbc(Target target, List<List<String>> revisions) throws Exception {
		try (Database database = target.create(); Connection connection = database.dataSource().getConnection()) {
			long started = System.nanoTime();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (List<String> revision : revisions) {
					for (String sql : revision) {
						statement.execute(sql);
					}
					connection.commit();
				}
			}
			connection.setAutoCommit(true);
			return System.nanoTime() - started;
		}
	}

	/**
	 * Three paths on their own database, taking turns every {@link #CHUNK} revisions so
	 * that all see the same moments of a shared machine: the migrator upgrades
	 * {@code +CHUNK}; plain JDBC runs the next chunk's statements; and plain JDBC runs
	 * them plus the bookkeeping writes (the version row moved, a history row inserted,
	 * through {@link VersionTables}) in the same transaction, without lock, re-read or
	 * checksum: the floor any migrator that records its steps pays. The order rotates
	 * each chunk.
	 */
	private static long[] timeInterleaved(Target target, RevisionGraph graph, List<List<String>> statements, int round)
			throws Exception {
		Dialect dialect = Dialects.named(target.name());
		MigratorConfig config = MigratorConfig.defaults();
		VersionTables tables = new VersionTables(dialect, config.versionTable(), config.historyTable());
		List<RevisionScript> revisions = graph.revisions();
		try (Database migratorDatabase = target.create();
				Database jdbcDatabase = target.create();
				Database floorDatabase = target.create();
				Connection connection = jdbcDatabase.dataSource().getConnection();
				Statement statement = connection.createStatement();
				Connection floorConnection = floorDatabase.dataSource().getConnection();
				Statement floorStatement = floorConnection.createStatement()) {
			Migrator migrator = new Migrator(migratorDatabase.dataSource(), config, graph);
			tables.create(floorConnection);
			connection.setAutoCommit(false);
			floorConnection.setAutoCommit(false);
			long[] times = new long[3];
			for (int from = 0, chunk = 0; from < statements.size(); from += CHUNK, chunk++) {
				int to = Math.min(statements.size(), from + CHUNK);
				for (int turn = 0; turn < 3; turn++) {
					int contestant = (chunk + round + turn) % 3;
					long started = System.nanoTime();
					if (contestant == 0) {
						MigrationResult result = migrator.upgrade("+" + (to - from));
						check(result.steps().size() == to - from, "the migrator applied the chunk");
					}
					else if (contestant == 1) {
						for (List<String> revision : statements.subList(from, to)) {
							for (String sql : revision) {
								statement.execute(sql);
							}
							connection.commit();
						}
					}
					else {
						for (int i = from; i < to; i++) {
							for (String sql : statements.get(i)) {
								floorStatement.execute(sql);
							}
							RevisionScript revision = revisions.get(i);
							Set<String> before = (i == 0) ? Set.of() : Set.of(revisions.get(i - 1).id());
							tables.moveVersions(floorConnection, before, Set.of(revision.id()));
							tables.recordHistory(floorConnection,
									List.of(new HistoryRecord(revision.id(), "upgrade", "0".repeat(64), Instant.now(),
											0, config.appliedBy(), true, revision.message(), null)));
							floorConnection.commit();
						}
					}
					times[contestant] += System.nanoTime() - started;
				}
			}
			connection.setAutoCommit(true);
			floorConnection.setAutoCommit(true);
			check(migrator.status().upToDate(), "the interleaved migrator applied every revision");
			return times;
		}
	}

	private static long[] timeStatus(Target target, RevisionGraph graph) throws Exception {
		try (Database database = target.create()) {
			Migrator migrator = new Migrator(database.dataSource(), MigratorConfig.defaults(), graph);
			migrator.upgrade("heads");
			Migrator fresh = new Migrator(database.dataSource(), MigratorConfig.defaults(), graph);
			long first = System.nanoTime();
			check(fresh.status().upToDate(), "the database is up to date");
			System.out.printf(Locale.ROOT, "%s first status() on a new Migrator: %.2f ms%n", target.name(),
					(System.nanoTime() - first) / 1e6);
			for (int i = 0; i < 20; i++) {
				fresh.status();
			}
			long[] times = new long[STATUS_CALLS];
			for (int i = 0; i < STATUS_CALLS; i++) {
				long started = System.nanoTime();
				MigrationStatus status = fresh.status();
				times[i] = System.nanoTime() - started;
				check(status.pending().isEmpty(), "nothing pending");
			}
			return times;
		}
	}

	/** Revision i creates table {@code bench_i} with five columns and an index on it. */
	static List<RevisionScript> revisions(int count) {
		List<RevisionScript> revisions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<Operation> upgrade = operations(i);
			Migration migration = new Migration() {

				@Override
				public void upgrade(Operations op) {
					upgrade.forEach(op::add);
				}

				@Override
				public void downgrade(Operations op) {
					op.dropIndex(index(upgrade));
					op.dropTable(table(upgrade));
				}

			};
			revisions.add(new RevisionScript(id(i), (i == 0) ? List.of() : List.of(id(i - 1)), Set.of(), List.of(),
					"create bench_" + i, null, true, Set.of(), "generated revision " + i, RevisionScript.Kind.JAVA,
					migration));
		}
		return revisions;
	}

	static List<Operation> operations(int i) {
		String name = "bench_" + i;
		Table table = Table.of(name,
				List.of(Column.of("id", Type.BIGINT).primaryKey(), Column.of("name", Type.varchar(100)).notNull(),
						Column.of("amount", Type.numeric(12, 2)), Column.of("created_at", Type.TIMESTAMP).notNull(),
						Column.of("active", Type.BOOLEAN).notNull().serverDefault("true")));
		return List.of(new CreateTable(table), new CreateIndex(
				new Index("ix_" + name + "_name", name, List.of("name", "created_at"), false, null), false));
	}

	private static Index index(List<Operation> operations) {
		return ((CreateIndex) operations.get(1)).index();
	}

	private static Table table(List<Operation> operations) {
		return ((CreateTable) operations.get(0)).definition();
	}

	/** The statements plain JDBC runs: what the dialect renders for each revision. */
	private static List<List<String>> statements(Dialect dialect, int count) {
		List<List<String>> statements = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			statements.add(dialect.render(operations(i), SchemaSource.EMPTY));
		}
		return statements;
	}

	static String id(int i) {
		return String.format(Locale.ROOT, "%012x", 0xbe0000000000L + i);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long percentile(long[] values, double fraction) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Benchmark sanity check failed: " + what);
		}
	}

	private static HikariDataSource pool(String url, String user) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(1);
		return new HikariDataSource(config);
	}

	/** A kind of database the benchmark can create empty copies of. */
	private interface Target {

		String name();

		boolean available();

		Database create() throws Exception;

	}

	/** One empty database, removed on close. */
	private interface Database extends AutoCloseable {

		DataSource dataSource();

		@Override
		void close() throws SQLException, IOException;

	}

	private static final class Sqlite implements Target {

		@Override
		public String name() {
			return "sqlite";
		}

		@Override
		public boolean available() {
			return true;
		}

		@Override
		public Database create() throws Exception {
			Path directory = Files.createTempDirectory("retort-benchmark");
			Path file = directory.resolve("bench.db");
			HikariDataSource dataSource = pool("jdbc:sqlite:" + file, null);
			return new Database() {

				@Override
				public DataSource dataSource() {
					return dataSource;
				}

				@Override
				public void close() throws SQLException, IOException {
					dataSource.close();
					try (var files = Files.list(directory)) {
						for (Path path : files.toList()) {
							Files.delete(path);
						}
					}
					Files.delete(directory);
				}

			};
		}

	}

	private static final class Postgres implements Target {

		private final String adminUrl = System.getProperty("postgresUrl", "jdbc:postgresql://127.0.0.1:5432/postgres");

		private final String user = System.getProperty("postgresUser", "postgres");

		@Override
		public String name() {
			return "postgresql";
		}

		@Override
		public boolean available() {
			try (Connection connection = admin()) {
				return connection.isValid(3);
			}
			catch (SQLException ex) {
				return false;
			}
		}

		private Connection admin() throws SQLException {
			Properties properties = new Properties();
			properties.setProperty("user", this.user);
			return DriverManager.getConnection(this.adminUrl, properties);
		}

		@Override
		public Database create() throws Exception {
			String name = "retort_benchmark_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
			try (Connection connection = admin(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			String url = this.adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
			HikariDataSource dataSource = pool(url, this.user);
			return new Database() {

				@Override
				public DataSource dataSource() {
					return dataSource;
				}

				@Override
				public void close() throws SQLException, IOException {
					dataSource.close();
					try (Connection connection = admin(); Statement statement = connection.createStatement()) {
						statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
					}
				}

			};
		}

	}

}
