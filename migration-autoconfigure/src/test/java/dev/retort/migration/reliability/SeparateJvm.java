package dev.retort.migration.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} class of the test classpath running in a JVM of its own, started lean
 * (client compiler, small heap), with its output collected line by line so that a test
 * can wait for a line instead of for time.
 */
final class SeparateJvm implements AutoCloseable {

	private final String name;

	private final Process process;

	private final List<String> lines = new ArrayList<>();

	private boolean ended;

	private SeparateJvm(String name, Process process) {
		this.name = name;
		this.process = process;
		Thread reader = new Thread(this::collect, "output of " + name);
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts {@code main} with {@code arguments} in a new JVM. */
	static SeparateJvm start(String name, Class<?> main, List<String> arguments) {
		return start(name, main, List.of(), arguments);
	}

	/**
	 * Starts {@code main} with {@code arguments} in a new JVM given {@code options} (such
	 * as {@code -Djava.io.tmpdir=…}).
	 */
	static SeparateJvm start(String name, Class<?> main, List<String> options, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
				"-XX:CICompilerCount=1", "-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(arguments);
		try {
			return new SeparateJvm(name, new ProcessBuilder(command).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	Process process() {
		return this.process;
	}

	/**
	 * Waits for a line starting with {@code prefix}.
	 * @return the line, or nothing if the process ended or {@code timeout} passed first
	 */
	Optional<String> awaitLine(String prefix, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lines) {
			int seen = 0;
			while (true) {
				for (; seen < this.lines.size(); seen++) {
					if (this.lines.get(seen).startsWith(prefix)) {
						return Optional.of(this.lines.get(seen));
					}
				}
				long left = deadline - System.nanoTime();
				if (this.ended || left <= 0) {
					return Optional.empty();
				}
				TimeUnit.NANOSECONDS.timedWait(this.lines, left);
			}
		}
	}

	/** Writes a line to its stdin. */
	void send(String line) {
		try {
			this.process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
			this.process.getOutputStream().flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write to " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	/** The lines it printed so far that start with {@code prefix}. */
	List<String> lines(String prefix) {
		synchronized (this.lines) {
			return this.lines.stream().filter((line) -> line.startsWith(prefix)).toList();
		}
	}

	/** Everything it printed so far, for failure messages. */
	String output() {
		synchronized (this.lines) {
			return this.name + " printed:\n" + String.join("\n", this.lines);
		}
	}

	/** Kills it with SIGKILL and waits until it is gone. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/**
	 * Waits for it to exit.
	 * @return its exit code, or nothing when it is still running after {@code timeout}
	 */
	Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			return Optional.empty();
		}
		awaitEndOfOutput(timeout);
		return Optional.of(this.process.exitValue());
	}

	private void awaitEndOfOutput(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lines) {
			while (!this.ended && deadline - System.nanoTime() > 0) {
				TimeUnit.NANOSECONDS.timedWait(this.lines, deadline - System.nanoTime());
			}
		}
	}

	private void collect() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				synchronized (this.lines) {
					this.lines.add(line);
					this.lines.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			synchronized (this.lines) {
				this.lines.add("(output unreadable: " + ex.getMessage() + ")");
			}
		}
		finally {
			synchronized (this.lines) {
				this.ended = true;
				this.lines.notifyAll();
			}
		}
	}

	/** Kills it if it still runs, and waits for it to be gone. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
