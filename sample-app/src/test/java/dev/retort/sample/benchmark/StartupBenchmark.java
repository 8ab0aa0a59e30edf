package dev.retort.sample.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Startup cost of the Retort starter on the Orchestrator, with its SQLite database
 * already at head: the same app is started in fresh JVMs with and without Retort's
 * auto-configurations (excluded by {@code spring.autoconfigure.exclude}), alternating
 * which goes first, and the medians are compared.
 *
 * <pre>
 * ./mvnw -q -pl sample-app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
 * java -cp "sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/classpath.txt)" \
 *     dev.retort.sample.benchmark.StartupBenchmark 9
 * </pre>
 */
public final class StartupBenchmark {

	private static final String WITHOUT_RETORT = "--spring.autoconfigure.exclude="
			+ "dev.retort.migration.autoconfigure.MigrationAutoConfiguration,"
			+ "dev.retort.migration.actuate.MigrationsEndpointAutoConfiguration,"
			+ "dev.retort.migration.actuate.MigrationHealthContributorAutoConfiguration,"
			+ "dev.retort.migration.actuate.MigrationMetricsAutoConfiguration";

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 9;
		Path directory = Files.createTempDirectory("retort-startup");
		String url = "--spring.datasource.url=jdbc:sqlite:" + directory.resolve("orchestrator.db");
		// bring the database to head once, and warm the file system cache
		start(url, null);
		start(url, WITHOUT_RETORT);
		List<long[]> with = new ArrayList<>();
		List<long[]> without = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			if (i % 2 == 0) {
				with.add(start(url, null));
				without.add(start(url, WITHOUT_RETORT));
			}
			else {
				without.add(start(url, WITHOUT_RETORT));
				with.add(start(url, null));
			}
			System.out.println("run " + (i + 1) + "/" + runs + " done");
		}
		System.out.println("runs each: " + runs);
		String[] names = { "wall-clock startup (JVM uptime)", "process CPU time", "started -> ready phase" };
		for (int metric = 0; metric < names.length; metric++) {
			List<Long> withValues = column(with, metric);
			List<Long> withoutValues = column(without, metric);
			long difference = median(withValues) - median(withoutValues);
			List<Long> pairs = new ArrayList<>();
			for (int i = 0; i < withValues.size(); i++) {
				pairs.add(withValues.get(i) - withoutValues.get(i));
			}
			System.out.println(names[metric] + ": with " + median(withValues) + " ms " + withValues + ", without "
					+ median(withoutValues) + " ms " + withoutValues + ", difference of medians " + difference
					+ " ms, median of paired differences " + median(pairs) + " ms");
		}
	}

	private static List<Long> column(List<long[]> rows, int index) {
		return rows.stream().map((row) -> row[index]).toList();
	}

	/** Uptime, CPU time and ready phase of one start, in milliseconds. */
	private static long[] start(String url, String extra) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), StartupProbe.class.getName(), url, "--server.port=0",
						"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		if (extra != null) {
			command.add(extra);
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		long[] startup = null;
		List<String> output = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.add(line);
				if (line.startsWith("startup-ms=")) {
					String[] parts = line.split(" ");
					startup = new long[parts.length];
					for (int i = 0; i < parts.length; i++) {
						startup[i] = Long.parseLong(parts[i].substring(parts[i].indexOf('=') + 1));
					}
				}
			}
		}
		int exit = process.waitFor();
		if (startup == null || exit != 0) {
			throw new IllegalStateException("The app did not start (exit " + exit + "):\n" + String.join("\n", output));
		}
		return startup;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
