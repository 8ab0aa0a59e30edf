package dev.retort.migration.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.retort.migration.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup whose JVM is stopped by a signal (an operator's {@code kill}, a container's
 * stop) while {@code pg_dump} runs takes {@code pg_dump} with it and leaves no partial
 * file behind. The {@code pg_dump} here is a stand-in that records its process id and
 * waits, so that the test stops the JVM while it runs, never before or after.
 */
class StoppedBackupTests {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@TempDir
	Path directory;

	@Test
	void aSigtermWhilePgDumpRunsStopsPgDumpAndRemovesThePartialFile() throws Exception {
		Path pid = this.directory.resolve("pg_dump.pid");
		Path tools = standInPgDump(pid);
		Path backups = Files.createDirectories(this.directory.resolve("backups"));

		try (SeparateJvm backup = startBackup(backups, tools)) {
			long pgDumpPid = awaitPid(pid, backup);
			ProcessHandle running = ProcessHandle.of(pgDumpPid).orElseThrow();
			assertThat(partialFiles(backups)).as("the copy being written").isNotEmpty();

			backup.process().destroy(); // SIGTERM

			assertThat(backup.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(running.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("pg_dump was stopped with its JVM")
				.isFalse();
			assertNothingLeftIn(backups);
		}
	}

	@Test
	void aSigtermAsPgDumpStartsStillStopsPgDump() throws Exception {
		// the signal comes from the stand-in itself, as soon as it runs: while the JVM
		// is still returning from starting it
		Path pid = this.directory.resolve("pg_dump.pid");
		Path tools = standInPgDump(pid, "kill -TERM $PPID\n");
		Path backups = Files.createDirectories(this.directory.resolve("backups"));

		try (SeparateJvm backup = startBackup(backups, tools)) {
			assertThat(backup.awaitExit(Duration.ofSeconds(60))).as(backup.output()).isPresent();
			ProcessHandle running = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElse(null);
			if (running != null) {
				assertThat(running.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("pg_dump was stopped with its JVM")
					.isFalse();
			}
			assertNothingLeftIn(backups);
		}
	}

	@Test
	void aBackupAskedForOnceTheJvmIsStoppingIsRefusedAndStartsNothing() throws Exception {
		Path pid = this.directory.resolve("pg_dump.pid");
		Path tools = standInPgDump(pid);
		Path backups = Files.createDirectories(this.directory.resolve("backups"));

		try (SeparateJvm backup = startBackup(backups, tools, "while-stopping")) {
			assertThat(backup.awaitExit(Duration.ofSeconds(60))).as(backup.output()).isPresent();
			assertThat(backup.lines("refused: ")).as(backup.output())
				.singleElement()
				.satisfies((line) -> assertThat(line).startsWith("refused: The backup of ")
					.contains(postgres.databaseName())
					.endsWith(" was stopped: the JVM is shutting down. No backup was kept."));
			assertThat(pid).as("pg_dump was never started").doesNotExist();
			assertNothingLeftIn(backups);
		}
	}

	/**
	 * A pg_dump that records its process id in {@code pid}, runs {@code then}, and waits;
	 * its folder.
	 */
	private Path standInPgDump(Path pid, String... then) throws Exception {
		Path tools = Files.createDirectories(this.directory.resolve("bin"));
		Path pgDump = Files.writeString(tools.resolve("pg_dump"),
				"#!/bin/sh\necho $$ > '" + pid + "'\n" + String.join("", then) + "exec sleep 120\n");
		Files.setPosixFilePermissions(pgDump, PosixFilePermissions.fromString("rwx------"));
		return tools;
	}

	private static SeparateJvm startBackup(Path backups, Path tools, String... mode) throws Exception {
		Files.createDirectories(temporary(backups));
		List<String> arguments = new ArrayList<>(List.of(postgres.jdbcUrl(), String.valueOf(postgres.username()),
				(postgres.password() != null) ? postgres.password() : "", backups.toString(), tools.toString()));
		arguments.addAll(List.of(mode));
		return SeparateJvm.start("backup", BackupProcess.class, List.of("-Djava.io.tmpdir=" + temporary(backups)),
				arguments);
	}

	/**
	 * The backup JVM's temporary folder (where pg_dump's stderr goes), next to its
	 * backups.
	 */
	private static Path temporary(Path backups) {
		return backups.resolveSibling("tmp");
	}

	/** Waits for the stand-in to write its process id, watching the folder for it. */
	private static long awaitPid(Path pid, SeparateJvm backup) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		try (WatchService watcher = pid.getFileSystem().newWatchService()) {
			pid.getParent()
				.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
			while (true) {
				// the shell writes the line in one go; an empty file is one it has just
				// created
				if (Files.exists(pid) && Files.readString(pid).endsWith("\n")) {
					return Long.parseLong(Files.readString(pid).strip());
				}
				assertThat(backup.process().isAlive()).as("the backup is still running").isTrue();
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("the stand-in pg_dump did not start within 60 s");
				}
				WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
				if (key != null) {
					key.pollEvents();
					key.reset();
				}
			}
		}
	}

	/** No partial backup, and no temporary file of pg_dump's stderr. */
	private static void assertNothingLeftIn(Path backups) throws Exception {
		assertThat(partialFiles(backups)).as("partial backups").isEmpty();
		assertThat(filesIn(temporary(backups))).as("pg_dump's stderr, a temporary file").isEmpty();
	}

	private static List<Path> filesIn(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
	}

	private static List<Path> partialFiles(Path folder) throws Exception {
		return filesIn(folder).stream().filter((file) -> file.getFileName().toString().contains(".partial")).toList();
	}

}
