package dev.retort.migration.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.retort.migration.autogenerate.Autogenerate;
import dev.retort.migration.autogenerate.EntityModel;
import dev.retort.migration.autogenerate.HibernateModel;
import dev.retort.migration.autogenerate.SchemaDiff;
import dev.retort.migration.autogenerate.Step;
import dev.retort.migration.autogenerate.StepDescriptions;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.schema.Schema;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.slf4j.LoggerFactory;

/**
 * Autogenerate's cost on generated models of 200 and 1,000 entities (see
 * {@link GeneratedEntities}) on SQLite and PostgreSQL, with the database already at the
 * model: the boot-time capture ({@link HibernateModel#read}), the diff
 * ({@link Autogenerate#compare(Connection)}, which must find nothing), its parts, and in
 * the same rounds Hibernate's own schema validation and update computation (script target
 * only) on the same Metadata and database; then, optionally, {@code migrate check} as a
 * whole command against the same application's plain start-up, each in a fresh JVM. Not a
 * test: run it by hand (see BENCHMARKS.md) and record what it prints.
 *
 * <p>
 * System properties: {@code entities} ({@code 200,1000}), {@code rounds} (9),
 * {@code databases} ({@code sqlite,postgresql}), {@code startupRounds} (5; 0 skips the
 * start-up measure), {@code startupEntities} (200), {@code postgresUrl}
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code postgresUser}
 * ({@code postgres}).
 */
public final class AutogenerateBenchmark {

	private static final int ROUNDS = Integer.getInteger("rounds", 9);

	private static final int STARTUP_ROUNDS = Integer.getInteger("startupRounds", 5);

	private static final int STARTUP_ENTITIES = Integer.getInteger("startupEntities", 200);

	private static final String POSTGRES_URL = System.getProperty("postgresUrl",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String POSTGRES_USER = System.getProperty("postgresUser", "postgres");

	private static final Predicate<String> ALL_TABLES = (name) -> true;

	private static final List<String> RESULTS = new ArrayList<>();

	private static final List<String> HIBERNATE_RESULTS = new ArrayList<>();

	private AutogenerateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		List<Integer> sizes = list("entities", "200,1000").stream().map(Integer::valueOf).toList();
		List<String> databases = list("databases", "sqlite,postgresql");
		String startup = null;
		for (int size : sizes) {
			long start = System.nanoTime();
			try (GeneratedEntities entities = GeneratedEntities.generate(size)) {
				System.out
					.println(size + " entities written, compiled and loaded in " + millis(System.nanoTime() - start));
				for (String database : databases) {
					if (database.equals("sqlite")) {
						sqlite(entities);
					}
					else {
						startup = postgres(entities, startup);
					}
				}
			}
		}
		System.out.println();
		System.out.println("Each timing: wall-clock median / CPU median of the calling thread / CPU median of the "
				+ "PostgreSQL backend serving it (over " + ROUNDS + " rounds)");
		System.out.println("| database | entities | HibernateModel.read, first / warm median | compare, first "
				+ "| compare, warm | reflect, warm | normalise + diff on a read schema | of which the model's "
				+ "normalisation (CPU median) | stored-form probes needed |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		RESULTS.forEach(System.out::println);
		System.out.println();
		System.out.println("| database | entities | compare, warm | Hibernate SchemaValidator, first, then warm "
				+ "| Hibernate SchemaMigrator to a script, first, then warm (statements) "
				+ "| compare / SchemaMigrator, wall clock (paired median) | compare / SchemaMigrator, CPU of both sides "
				+ "(paired median) | compare / reflect, wall clock (paired median) |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		HIBERNATE_RESULTS.forEach(System.out::println);
		if (startup != null) {
			System.out.println();
			System.out.println(startup);
		}
	}

	private static void sqlite(GeneratedEntities entities) throws Exception {
		Path directory = Files.createTempDirectory("retort-autogenerate");
		Path file = directory.resolve("bench.db");
		try {
			measure("SQLite", entities, "jdbc:sqlite:" + file,
					() -> DriverManager.getConnection("jdbc:sqlite:" + file));
		}
		finally {
			for (String suffix : new String[] { "", "-journal", "-wal", "-shm" }) {
				Files.deleteIfExists(directory.resolve("bench.db" + suffix));
			}
			Files.delete(directory);
		}
	}

	private static String postgres(GeneratedEntities entities, String startup) throws Exception {
		String name = "retort_autogenerate_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		try (Connection admin = postgresConnection(POSTGRES_URL); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		String url = POSTGRES_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		try {
			measure("PostgreSQL", entities, url, () -> postgresConnection(url));
			if (STARTUP_ROUNDS > 0 && entities.classes().size() == STARTUP_ENTITIES) {
				return startup(entities, url);
			}
			return startup;
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

	private static void measure(String label, GeneratedEntities entities, String url, Connect connect)
			throws Exception {
		int size = entities.classes().size();
		boolean postgres = label.equals("PostgreSQL");
		StandardServiceRegistry registry = registry(entities, postgres, url);
		try {
			long start = System.nanoTime();
			Metadata metadata = metadata(registry, entities);
			System.out.println(label + ", " + size + " entities: Hibernate Metadata built in "
					+ millis(System.nanoTime() - start));

			// the boot-time capture, as the Integrator does it once per start
			start = System.nanoTime();
			EntityModel model = HibernateModel.read(metadata);
			long firstRead = System.nanoTime() - start;
			long[] reads = new long[ROUNDS];
			for (int i = 0; i < ROUNDS; i++) {
				start = System.nanoTime();
				EntityModel again = HibernateModel.read(metadata);
				reads[i] = System.nanoTime() - start;
				check(again.equals(model), "HibernateModel.read read something else on round " + i);
			}
			check(model.tables().size() == size, "the model has " + model.tables().size() + " tables, not " + size);

			try (Connection connection = connect.open()) {
				bringToModel(label, connection, model, postgres);
			}

			Dialect dialect;
			try (Connection connection = connect.open()) {
				dialect = Dialects.of(connection);
			}
			Autogenerate autogenerate = new Autogenerate(model, dialect, ALL_TABLES);
			SchemaManagementTool tool = registry.getService(SchemaManagementTool.class);
			Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
			try (Connection connection = connect.open()) {
				start = System.nanoTime();
				SchemaDiff.Result first = autogenerate.compare(connection);
				long firstCompare = System.nanoTime() - start;
				nothingFound(label, first, "the first compare");

				long firstValidation = -1;
				String validationFailure = null;
				try {
					firstValidation = timeValidation(tool, settings, metadata);
				}
				catch (SchemaManagementException ex) {
					// it stops at the first difference it sees, so its time means nothing
					validationFailure = ex.getMessage();
					System.out.println(
							label + ", " + size + " entities: Hibernate's SchemaValidator fails: " + validationFailure);
				}
				List<String> script = new ArrayList<>();
				long firstUpdate = timeUpdate(tool, settings, metadata, script);
				int statements = script.size();

				int backend = backendPid(connection);
				int hibernateBackend = postgres ? otherBackendPid(connection) : -1;
				Timings compares = new Timings();
				Timings reflects = new Timings();
				Timings diffs = new Timings();
				Timings normalisations = new Timings();
				Timings validations = new Timings();
				Timings updates = new Timings();
				double[] toUpdate = new double[ROUNDS];
				double[] workToUpdate = new double[ROUNDS];
				double[] toReflect = new double[ROUNDS];
				boolean storedFormsNeeded = false;
				for (int round = 0; round < ROUNDS; round++) {
					// the order rotates so that each path meets the same moments of a
					// busy
					// machine
					for (int turn = 0; turn < 4; turn++) {
						int current = round;
						switch ((round + turn) % 4) {
							case 0 -> compares.time(round, backend, () -> nothingFound(label,
									autogenerate.compare(connection), "compare on round " + current));
							case 1 -> {
								Schema[] schema = new Schema[1];
								reflects.time(round, backend, () -> schema[0] = dialect.reflect(connection));
								check(schema[0].tables().size() == size,
										"reflect read " + schema[0].tables().size() + " tables");
								diffs.time(round, backend, () -> nothingFound(label,
										autogenerate.compare(schema[0], connection), "compare on a read schema"));
								normalisations.time(round, -1, () -> model.schema(dialect.schemaRules()));
								// without a connection the diff has text rules only: a
								// difference here is one the stored-form probes resolve
								storedFormsNeeded |= !autogenerate.compare(schema[0], null).isEmpty();
							}
							case 2 -> {
								if (validationFailure == null) {
									validations.time(round, hibernateBackend,
											() -> timeValidation(tool, settings, metadata));
								}
							}
							default -> {
								List<String> statementsThisRound = new ArrayList<>();
								updates.time(round, hibernateBackend,
										() -> timeUpdate(tool, settings, metadata, statementsThisRound));
								check(statementsThisRound.size() == statements, "SchemaMigrator wrote "
										+ statementsThisRound.size() + " statements, then " + statements);
							}
						}
					}
					toUpdate[round] = (double) compares.wall[round] / updates.wall[round];
					workToUpdate[round] = (double) compares.work(round) / updates.work(round);
					toReflect[round] = (double) compares.wall[round] / reflects.wall[round];
				}
				if (!script.isEmpty()) {
					System.out.println(label + ", " + size + " entities: Hibernate's SchemaMigrator writes "
							+ statements + " statements against the database at the model, e.g. " + script.get(0));
				}
				RESULTS.add(String.format(Locale.ROOT, "| %s | %d | %s / %s | %s | %s | %s | %s | %s | %s |", label,
						size, millis(firstRead), median(reads), millis(firstCompare), compares, reflects, diffs,
						median(normalisations.cpu), storedFormsNeeded ? "yes" : "no"));
				String validation = (validationFailure != null) ? "fails: " + validationFailure
						: millis(firstValidation) + ", then " + validations;
				HIBERNATE_RESULTS
					.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s, then %s (%d) | %.2fx | %.2fx | %.2fx |",
							label, size, compares, validation, millis(firstUpdate), updates, statements,
							median(toUpdate), median(workToUpdate), median(toReflect)));
				System.out.println(RESULTS.get(RESULTS.size() - 1));
				System.out.println(HIBERNATE_RESULTS.get(HIBERNATE_RESULTS.size() - 1));
			}
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

	/** Applies the first diff's operations through the dialect, in one transaction. */
	private static void bringToModel(String label, Connection connection, EntityModel model, boolean postgres)
			throws SQLException {
		Dialect dialect = Dialects.of(connection);
		SchemaDiff.Result first = new Autogenerate(model, dialect, ALL_TABLES).compare(connection);
		List<Operation> operations = new ArrayList<>();
		for (Step step : first.upgrade()) {
			check(step.operation() != null,
					label + ": the first diff has a step without an operation: " + StepDescriptions.describe(step));
			operations.add(step.operation());
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			for (String sql : dialect.render(operations, SchemaSource.EMPTY)) {
				statement.execute(sql);
			}
		}
		connection.commit();
		connection.setAutoCommit(true);
		if (postgres) {
			// as autovacuum would have done on a database in use
			try (Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE");
			}
		}
	}

	private static void nothingFound(String label, SchemaDiff.Result result, String what) {
		check(result.isEmpty(), label + ": " + what + " found differences against the database at the model:\n"
				+ result.upgrade().stream().map(StepDescriptions::describe).collect(Collectors.joining("\n")));
	}

	// Spring Boot's default physical naming strategy, deprecated in Hibernate but what an
	// application's Metadata still uses
	@SuppressWarnings("removal")
	private static StandardServiceRegistry registry(GeneratedEntities entities, boolean postgres, String url) {
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
			.applyClassLoader(entities.classLoader())
			.build();
		StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap)
			.applySetting(AvailableSettings.DIALECT,
					(postgres ? PostgreSQLDialect.class : SQLiteDialect.class).getName())
			.applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false")
			.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
					CamelCaseToUnderscoresNamingStrategy.class.getName())
			.applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
			.applySetting(AvailableSettings.POOL_SIZE, "1");
		if (postgres) {
			builder.applySetting(AvailableSettings.JAKARTA_JDBC_USER, POSTGRES_USER);
		}
		else {
			// sqlite-jdbc reads the columns of all tables at once in one compound SELECT,
			// which SQLite refuses beyond 500 terms
			builder.applySetting(AvailableSettings.HBM2DDL_JDBC_METADATA_EXTRACTOR_STRATEGY, "individually");
		}
		return builder.build();
	}

	/** Hibernate's boot metadata, built as a running application has it. */
	private static Metadata metadata(StandardServiceRegistry registry, GeneratedEntities entities) {
		MetadataSources sources = new MetadataSources(registry);
		entities.classes().forEach(sources::addAnnotatedClass);
		return sources.buildMetadata();
	}

	private static long timeValidation(SchemaManagementTool tool, Map<String, Object> settings, Metadata metadata) {
		long start = System.nanoTime();
		tool.getSchemaValidator(settings).doValidation(metadata, options(settings), ContributableMatcher.ALL);
		return System.nanoTime() - start;
	}

	/** Hibernate's update computation, written to a script instead of the database. */
	private static long timeUpdate(SchemaManagementTool tool, Map<String, Object> settings, Metadata metadata,
			List<String> script) {
		TargetDescriptor target = new TargetDescriptor() {

			@Override
			public EnumSet<TargetType> getTargetTypes() {
				return EnumSet.of(TargetType.SCRIPT);
			}

			@Override
			public ScriptTargetOutput getScriptTargetOutput() {
				return new ScriptTargetOutput() {

					@Override
					public void prepare() {
					}

					@Override
					public void accept(String command) {
						script.add(command);
					}

					@Override
					public void release() {
					}

				};
			}

		};
		long start = System.nanoTime();
		tool.getSchemaMigrator(settings).doMigration(metadata, options(settings), ContributableMatcher.ALL, target);
		return System.nanoTime() - start;
	}

	private static ExecutionOptions options(Map<String, Object> settings) {
		return new ExecutionOptions() {

			@Override
			public Map<String, Object> getConfigurationValues() {
				return settings;
			}

			@Override
			public boolean shouldManageNamespaces() {
				return false;
			}

			@Override
			public ExceptionHandler getExceptionHandler() {
				return ExceptionHandlerHaltImpl.INSTANCE;
			}

		};
	}

	/**
	 * {@code migrate check} against the plain start-up of the same application (the 200
	 * entities, JPA with {@code ddl-auto=none}, Retort's auto-configuration), each start
	 * in a fresh JVM, alternating which goes first.
	 */
	private static String startup(GeneratedEntities entities, String url) throws Exception {
		List<String> common = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + POSTGRES_USER,
				"--spring.jpa.hibernate.ddl-auto=none", "--spring.jpa.open-in-view=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0");
		List<String> plain = common;
		List<String> noWeb = new ArrayList<>(common);
		noWeb.add("--spring.main.web-application-type=none");
		List<String> check = new ArrayList<>(List.of("migrate", "check"));
		check.addAll(common);
		// warm the file system cache and the database
		start(entities, plain, false);
		start(entities, check, true);
		long[] plainTimes = new long[STARTUP_ROUNDS];
		long[] noWebTimes = new long[STARTUP_ROUNDS];
		long[] checkTimes = new long[STARTUP_ROUNDS];
		double[] ratios = new double[STARTUP_ROUNDS];
		double[] noWebRatios = new double[STARTUP_ROUNDS];
		for (int round = 0; round < STARTUP_ROUNDS; round++) {
			for (int turn = 0; turn < 3; turn++) {
				switch ((round + turn) % 3) {
					case 0 -> plainTimes[round] = start(entities, plain, false);
					case 1 -> noWebTimes[round] = start(entities, noWeb, false);
					default -> checkTimes[round] = start(entities, check, true);
				}
			}
			ratios[round] = (double) checkTimes[round] / plainTimes[round];
			noWebRatios[round] = (double) checkTimes[round] / noWebTimes[round];
			System.out.println("start-up round " + (round + 1) + "/" + STARTUP_ROUNDS + ": plain "
					+ millis(plainTimes[round]) + ", plain without web server " + millis(noWebTimes[round])
					+ ", migrate check " + millis(checkTimes[round]));
		}
		return String.format(Locale.ROOT,
				"| entities | plain start (median of %d) | plain start without web server | `migrate check` "
						+ "| check / plain (paired median) | check / plain without web server (paired median) |%n"
						+ "|---|---|---|---|---|---|%n| %d | %s | %s | %s | %.2fx | %.2fx |",
				STARTUP_ROUNDS, entities.classes().size(), median(plainTimes), median(noWebTimes), median(checkTimes),
				median(ratios), median(noWebRatios));
	}

	/** One start in a fresh JVM, from launch to exit, in nanoseconds. */
	private static long start(GeneratedEntities entities, List<String> arguments, boolean check)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						entities.classesDirectory() + java.io.File.pathSeparator + classPath(),
						CheckStartupApplication.class.getName()));
		command.addAll(arguments);
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			output = reader.lines().collect(Collectors.joining("\n"));
		}
		int exit = process.waitFor();
		long elapsed = System.nanoTime() - start;
		check(exit == 0,
				"The application " + (check ? "(migrate check) " : "") + "exited with " + exit + ":\n" + output);
		check(!check || output.contains("No changes detected"), "migrate check found differences:\n" + output);
		return elapsed;
	}

	/**
	 * This JVM's class path, also when run through a class loader such as exec:java's.
	 */
	private static String classPath() {
		if (AutogenerateBenchmark.class.getClassLoader() instanceof URLClassLoader loader
				&& loader.getURLs().length > 0) {
			return Arrays.stream(loader.getURLs())
				.map(URL::getPath)
				.collect(Collectors.joining(java.io.File.pathSeparator));
		}
		return System.getProperty("java.class.path");
	}

	private static int backendPid(Connection connection) throws SQLException {
		if (!connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
			return -1;
		}
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

	/** The backend of Hibernate's one pooled connection to the same database. */
	private static int otherBackendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				var result = statement
					.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
							+ " AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
			int pid = result.next() ? result.getInt(1) : -1;
			check(!result.next(), "more than one other connection to the benchmark's database");
			return pid;
		}
	}

	/**
	 * CPU time a local PostgreSQL backend has used, in nanoseconds, from
	 * {@code /proc/<pid>/schedstat}; 0 when there is none to read (SQLite, a remote
	 * server).
	 */
	private static long backendCpu(int pid) {
		if (pid < 0) {
			return 0;
		}
		try {
			return Long.parseLong(Files.readString(Path.of("/proc", Integer.toString(pid), "schedstat")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static List<String> list(String property, String defaults) {
		return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip).toList();
	}

	private static String median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return millis(sorted[sorted.length / 2]);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException(what);
		}
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;

	}

	/**
	 * Wall clock, CPU of the calling thread and CPU of the database backend, per round.
	 */
	private static final class Timings {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		final long[] wall = new long[ROUNDS];

		final long[] cpu = new long[ROUNDS];

		final long[] server = new long[ROUNDS];

		void time(int round, int backend, Work work) {
			long serverStart = backendCpu(backend);
			long cpuStart = THREADS.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			this.wall[round] = System.nanoTime() - start;
			this.cpu[round] = THREADS.getCurrentThreadCpuTime() - cpuStart;
			this.server[round] = backendCpu(backend) - serverStart;
		}

		long work(int round) {
			return this.cpu[round] + this.server[round];
		}

		@Override
		public String toString() {
			return median(this.wall) + " / " + median(this.cpu) + " / " + median(this.server);
		}

	}

	@FunctionalInterface
	private interface Connect {

		Connection open() throws SQLException;

	}

}
