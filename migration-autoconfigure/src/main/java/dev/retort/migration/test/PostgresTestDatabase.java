package dev.retort.migration.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A JUnit 5 extension that gives a test class its own freshly created PostgreSQL database
 * and drops it afterwards:
 *
 * <pre>{@code @RegisterExtension static PostgresTestDatabase postgres = new PostgresTestDatabase();}</pre>
 *
 * The server is found in this order: the JDBC URL in {@code RETORT_TEST_POSTGRES_URL}; a
 * server on {@code 127.0.0.1:5432} (user {@code postgres}); Testcontainers when Docker is
 * available. With none, the test class is skipped with a message, unless
 * {@code RETORT_REQUIRE_POSTGRES=true}, when it fails.
 */
public class PostgresTestDatabase implements TestDatabase, BeforeAllCallback, AfterAllCallback {

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private Server server;

	private String databaseName;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server = findServer();
		String owner = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
		this.databaseName = "retort_" + owner.replaceAll("[^a-z0-9]", "_") + "_"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		try (Connection connection = this.server.connect(this.server.adminUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + this.databaseName + "\"");
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.server == null || this.databaseName == null) {
			return;
		}
		try (Connection connection = this.server.connect(this.server.adminUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + this.databaseName + "\" WITH (FORCE)");
		}
		this.server.stop();
	}

	/** The JDBC URL of this class's database. */
	@Override
	public String jdbcUrl() {
		String admin = this.server.adminUrl();
		int slash = admin.indexOf('/', "jdbc:postgresql://".length());
		int query = admin.indexOf('?', slash);
		String suffix = (query >= 0) ? admin.substring(query) : "";
		return admin.substring(0, slash + 1) + this.databaseName + suffix;
	}

	public String username() {
		return this.server.username();
	}

	public String password() {
		return this.server.password();
	}

	/** The database's name. */
	public String databaseName() {
		return this.databaseName;
	}

	/** A data source that opens a new connection to this class's database each time. */
	public DataSource dataSource() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl());
		if (this.server.username() != null) {
			dataSource.setUsername(this.server.username());
			dataSource.setPassword(this.server.password());
		}
		return dataSource;
	}

	/** Opens a connection to this class's database. */
	@Override
	public Connection connect() throws SQLException {
		return this.server.connect(jdbcUrl());
	}

	@Override
	public Map<String, String> dataSourceProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", jdbcUrl());
		if (username() != null) {
			properties.put("spring.datasource.username", username());
		}
		if (password() != null) {
			properties.put("spring.datasource.password", password());
		}
		return properties;
	}

	/**
	 * Empties this class's database by dropping and recreating the {@code public} schema.
	 */
	@Override
	public void reset() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
	}

	private static Server findServer() {
		String url = System.getenv("RETORT_TEST_POSTGRES_URL");
		if (url != null && !url.isBlank()) {
			return new Server(url, System.getenv("RETORT_TEST_POSTGRES_USER"),
					System.getenv("RETORT_TEST_POSTGRES_PASSWORD"), null);
		}
		Server local = new Server(LOCAL_URL + "?connectTimeout=3", "postgres", null, null);
		if (local.reachable()) {
			return local;
		}
		Server container = Containers.start();
		if (container != null) {
			return container;
		}
		String message = "No PostgreSQL server: set RETORT_TEST_POSTGRES_URL, run one on 127.0.0.1:5432, "
				+ "or make Docker available for Testcontainers";
		if (Boolean.parseBoolean(System.getenv("RETORT_REQUIRE_POSTGRES"))) {
			Assertions.fail(message + " (RETORT_REQUIRE_POSTGRES=true, so this is a failure, not a skip)");
		}
		Assumptions.abort(message + "; skipping.");
		throw new IllegalStateException(message);
	}

	private record Server(String adminUrl, String username, String password, AutoCloseable container) {

		Connection connect(String url) throws SQLException {
			Properties properties = new Properties();
			if (this.username != null) {
				properties.setProperty("user", this.username);
			}
			if (this.password != null) {
				properties.setProperty("password", this.password);
			}
			return new org.postgresql.Driver().connect(url, properties);
		}

		boolean reachable() {
			try (Connection connection = connect(this.adminUrl)) {
				return connection.isValid(3);
			}
			catch (SQLException ex) {
				return false;
			}
		}

		void stop() throws Exception {
			if (this.container != null) {
				this.container.close();
			}
		}

	}

	/** Testcontainers, touched only when it is on the classpath and Docker answers. */
	private static final class Containers {

		static Server start() {
			try {
				Class.forName("org.testcontainers.DockerClientFactory");
			}
			catch (ClassNotFoundException ex) {
				return null;
			}
			if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
				return null;
			}
			org.testcontainers.postgresql.PostgreSQLContainer container = new org.testcontainers.postgresql.PostgreSQLContainer(
					"postgres:15-alpine");
			container.start();
			String admin = container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
			return new Server(admin, container.getUsername(), container.getPassword(), container::stop);
		}

	}

	static {
		// make sure DriverManager-based code in tests finds the driver too
		try {
			DriverManager.registerDriver(new org.postgresql.Driver());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
