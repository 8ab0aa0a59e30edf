package dev.retort.migration.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar app.jar migrate …} typed at a terminal: the command line application
 * in its own JVM, on a pseudo-terminal made by util-linux's {@code script}, so that
 * {@code System.console()} is there and the command can ask; the answers are typed ahead.
 *
 * @param exitCode the JVM's exit code
 * @param screen everything the terminal showed (stdout and stderr, and the typed echo)
 */
record TerminalRun(int exitCode, String screen) {

	static TerminalRun run(Map<String, Object> properties, List<String> answers, String... command)
			throws IOException, InterruptedException {
		List<String> java = new ArrayList<>();
		java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		java.add("-cp");
		java.add(System.getProperty("java.class.path"));
		java.add(CommandLineTestApplication.class.getName());
		java.add("migrate");
		java.addAll(List.of(command));
		properties.forEach((key, value) -> {
			if (value != null) {
				java.add("--" + key + "=" + value);
			}
		});
		java.add("--spring.main.banner-mode=off");
		StringBuilder shell = new StringBuilder();
		for (String word : java) {
			shell.append(shell.isEmpty() ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
		}
		// -e: script exits with the command's code; the typescript itself is thrown away
		Process process = new ProcessBuilder("script", "-q", "-e", "-c", shell.toString(), "/dev/null")
			.redirectErrorStream(true)
			.start();
		CompletableFuture<String> screen = CompletableFuture.supplyAsync(() -> {
			try {
				return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		OutputStream keyboard = process.getOutputStream();
		for (String answer : answers) {
			keyboard.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
		}
		keyboard.flush();
		// the keyboard stays open until the command is done: closing it would end script
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("migrate " + String.join(" ", command) + " did not finish in 2 minutes");
		}
		keyboard.close();
		return new TerminalRun(process.exitValue(), screen.join().replace("\r\n", "\n"));
	}

}
