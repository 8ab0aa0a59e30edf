package dev.retort.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the directory of a file-based SQLite database ({@code ./data/} by default):
 * SQLite creates the file but not its directory.
 */
class SqliteDataDirectory implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:sqlite:")) {
			return;
		}
		String file = url.substring("jdbc:sqlite:".length());
		int query = file.indexOf('?');
		file = (query >= 0) ? file.substring(0, query) : file;
		if (file.isEmpty() || file.contains(":memory:") || file.startsWith("file:")) {
			return;
		}
		Path parent = Path.of(file).toAbsolutePath().getParent();
		try {
			Files.createDirectories(parent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the database directory " + parent, ex);
		}
	}

}
