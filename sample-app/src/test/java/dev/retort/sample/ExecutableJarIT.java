package dev.retort.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as it ships: {@code java -jar} of the repackaged jar, whose revisions (Java
 * classes and an SQL file) sit in the jar's nested {@code BOOT-INF/classes}. Run by
 * Failsafe after {@code package}; the other tests run from the class directories.
 */
class ExecutableJarIT {

	@TempDir
	Path directory;

	@Test
	void migrateUpgradeFromTheJarFindsEveryRevisionAndStatusAfterwardsIsUpToDate() throws Exception {
		String url = "--spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("orchestrator.db");

		Run heads = migrate("heads", url);
		assertThat(heads.exitCode()).as(heads.err()).isZero();
		// the SQL revision's id: found in the nested jar, it is the head
		assertThat(heads.out()).contains("9a4c2e7b1d3f");

		Run upgrade = migrate("upgrade", url);
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).contains("a1b2c3d4e5f6 initial schema").contains("the database is at 9a4c2e7b1d3f");

		Run status = migrate("status", url);
		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("Current:    9a4c2e7b1d3f").contains("Pending:    0");
	}

	private Run migrate(String command, String url) throws IOException, InterruptedException {
		String jar = System.getProperty("retort.sample.jar");
		assertThat(jar).as("the retort.sample.jar property (set by the build) names the repackaged jar").isNotNull();
		List<String> arguments = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "migrate",
						command, url));
		Path out = this.directory.resolve(command + ".out");
		Path err = this.directory.resolve(command + ".err");
		Process process = new ProcessBuilder(arguments).directory(this.directory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("migrate %s finished", command).isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

}
