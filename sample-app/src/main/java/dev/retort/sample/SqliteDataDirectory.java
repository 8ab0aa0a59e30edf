package dev.retort.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Creates the directory of a file-based SQLite database ({@code ./data/} by default)
 * before the DataSource opens it: SQLite creates the file but not its directory.
 */
class SqliteDataDirectory implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String url;
		try {
			url = this.environment.getProperty("spring.datasource.url");
		}
		catch (IllegalArgumentException ex) {
			// an unset ${DATABASE_URL}: DatabaseUrlMissingFailureAnalyzer says what to
			// set
			throw new DatabaseUrlMissingException(ex);
		}
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
