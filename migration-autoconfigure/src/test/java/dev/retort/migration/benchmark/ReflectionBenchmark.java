package dev.retort.migration.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * Times {@link Dialect#reflect} on SQLite and PostgreSQL databases of 200 and 1,000
 * tables (8 columns, a primary key, a unique column, a foreign key to the table before
 * and a two-column index each): the first call on a new connection, then the median and
 * the slowest of the warm calls; and one table read through {@link Dialect#live}. Not a
 * test: run it by hand (see BENCHMARKS.md) and record what it prints.
 *
 * <p>
 * System properties: {@code tables} ({@code 200,1000}), {@code runs} (9),
 * {@code databases} ({@code sqlite,postgresql}), {@code postgresUrl}
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code postgresUser}
 * ({@code postgres}).
 */
public final class ReflectionBenchmark {

	private static final int RUNS = Integer.getInteger("runs", 9);

	private static final String POSTGRES_URL = System.getProperty("postgresUrl",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String POSTGRES_USER = System.getProperty("postgresUser", "postgres");

	private ReflectionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = Arrays.stream(System.getProperty("tables", "200,1000").split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
		List<String> databases = Arrays.stream(System.getProperty("databases", "sqlite,postgresql").split(","))
			.map(String::strip)
			.toList();
		System.out.println("| database | tables | first reflect | warm reflect, median of " + RUNS
				+ " | warm reflect, slowest | warm reflect, CPU of the calling thread (median) "
				+ "| one table through live(), median |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (String database : databases) {
			for (int size : sizes) {
				System.out.println(database.equals("sqlite") ? sqlite(size) : postgres(size));
			}
		}
	}

	private static String sqlite(int size) throws Exception {
		Path directory = Files.createTempDirectory("retort-reflect");
		Path file = directory.resolve("bench.db");
		try {
			String url = "jdbc:sqlite:" + file;
			try (Connection connection = DriverManager.getConnection(url)) {
				create(connection, size);
			}
			try (Connection connection = DriverManager.getConnection(url)) {
				return measure("SQLite", connection, size);
			}
		}
		finally {
			for (String suffix : new String[] { "", "-journal", "-wal" }) {
				Files.deleteIfExists(directory.resolve("bench.db" + suffix));
			}
			Files.delete(directory);
		}
	}

	private static String postgres(int size) throws Exception {
		String name = "retort_reflect_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		try (Connection admin = postgresConnection(POSTGRES_URL); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		String url = POSTGRES_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		try {
			try (Connection connection = postgresConnection(url)) {
				create(connection, size);
				try (Statement statement = connection.createStatement()) {
					statement.execute("ANALYZE");
				}
			}
			try (Connection connection = postgresConnection(url)) {
				return measure("PostgreSQL", connection, size);
			}
		}
		finally {
			try (Connection admin = postgresConnection(POSTGRES_URL); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
			}
		}
	}

	private static Connection postgresConnection(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", POSTGRES_USER);
		return DriverManager.getConnection(url, properties);
	}

	private static String measure(String label, Connection connection, int size) throws SQLException {
		Dialect dialect = Dialects.of(connection);
		long start = System.nanoTime();
		Schema first = dialect.reflect(connection);
		long firstCall = System.nanoTime() - start;
		check(first.tables().size() == size, "reflect read " + first.tables().size() + " tables, not " + size);
		long[] warm = new long[RUNS];
		long[] cpu = new long[RUNS];
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < RUNS; i++) {
			long startCpu = threads.getCurrentThreadCpuTime();
			start = System.nanoTime();
			Schema schema = dialect.reflect(connection);
			warm[i] = System.nanoTime() - start;
			cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
			check(schema.equals(first), "reflect read something else on run " + i);
		}
		long[] oneTable = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			start = System.nanoTime();
			SchemaSource live = dialect.live(connection);
			check(live.table("t" + (size / 2)).isPresent(), "live() found no table t" + (size / 2));
			oneTable[i] = System.nanoTime() - start;
		}
		Arrays.sort(warm);
		Arrays.sort(cpu);
		Arrays.sort(oneTable);
		return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |", label, size, millis(firstCall),
				millis(warm[RUNS / 2]), millis(warm[RUNS - 1]), millis(cpu[RUNS / 2]), millis(oneTable[RUNS / 2]));
	}

	private static void create(Connection connection, int size) throws SQLException {
		Dialect dialect = Dialects.of(connection);
		List<Operation> operations = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			operations.add(new CreateTable(table(i)));
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			for (String sql : dialect.render(operations, SchemaSource.EMPTY)) {
				statement.execute(sql);
			}
		}
		connection.commit();
		connection.setAutoCommit(true);
	}

	/** Table {@code t<i>}: 8 columns, a unique column, a foreign key and an index. */
	private static Table table(int i) {
		String name = "t" + i;
		List<Column> columns = List.of(Column.of("id", Type.INTEGER).primaryKey().autoIncrement(),
				Column.of("code", Type.varchar(40)).notNull(), Column.of("name", Type.varchar(200)).notNull(),
				Column.of("amount", Type.numeric(12, 2)).serverDefault("0"),
				Column.of("active", Type.BOOLEAN).notNull().serverDefault("true"),
				Column.of("created_at", Type.timestampWithTimeZone(6)).serverDefault("CURRENT_TIMESTAMP"),
				Column.of("notes", Type.TEXT), Column.of("parent_id", Type.INTEGER));
		List<ForeignKey> foreignKeys = (i == 0) ? List.of()
				: List.of(new ForeignKey("fk_" + name + "_parent", List.of("parent_id"), "t" + (i - 1), List.of("id"),
						ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION));
		return new Table(name, columns, new PrimaryKey(null, List.of("id")),
				List.of(new UniqueConstraint("uq_" + name + "_code", List.of("code"))), foreignKeys, List.of(),
				List.of(new Index("ix_" + name + "_parent", name, List.of("parent_id", "created_at"), false, null)),
				null);
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException(what);
		}
	}

}
