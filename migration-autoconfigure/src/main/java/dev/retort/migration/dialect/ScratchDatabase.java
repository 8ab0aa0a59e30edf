package dev.retort.migration.dialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database that exists only while it is open, for work that must not touch the
 * application's database (replaying every revision to compare the result with the entity
 * model): a temporary file for SQLite, a database created and dropped on the server for
 * PostgreSQL.
 */
public final class ScratchDatabase implements AutoCloseable {

	private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?$");

	private final String url;

	private final DataSource dataSource;

	private final Runnable drop;

	private ScratchDatabase(String url, DataSource dataSource, Runnable drop) {
		this.url = url;
		this.dataSource = dataSource;
		this.drop = drop;
	}

	/**
	 * A new empty database of the given dialect.
	 * @param dialect the dialect's name
	 * @param serverUrl for PostgreSQL, the JDBC URL of a database on the server to create
	 * the scratch database on (the connecting user needs {@code CREATEDB})
	 * @param username the user, or {@code null}
	 * @param password the password, or {@code null}
	 */
	public static ScratchDatabase create(String dialect, String serverUrl, String username, String password) {
		if (Dialects.named(dialect).name().equals("sqlite")) {
			return sqlite();
		}
		return postgres(serverUrl, username, password);
	}

	private static ScratchDatabase sqlite() {
		try {
			Path directory = Files.createTempDirectory("retort-scratch");
			Path file = directory.resolve("scratch.db");
			String url = "jdbc:sqlite:" + file;
			return new ScratchDatabase(url, new DriverManagerDataSource(url), () -> {
				try {
					Files.deleteIfExists(file);
					Files.deleteIfExists(directory);
				}
				catch (java.io.IOException ex) {
					// a temporary file left behind is harmless
				}
			});
		}
		catch (java.io.IOException ex) {
			throw new ScratchDatabaseException("Could not create a temporary SQLite file: " + ex.getMessage(), ex);
		}
	}

	private static ScratchDatabase postgres(String serverUrl, String username, String password) {
		Matcher url = POSTGRES_URL.matcher((serverUrl != null) ? serverUrl : "");
		if (!url.matches()) {
			throw new ScratchDatabaseException("Cannot tell the PostgreSQL server from '" + serverUrl
					+ "'. Set migrations.autogenerate.scratch-url to a JDBC URL such as jdbc:postgresql://localhost:5432/postgres.");
		}
		String name = "retort_scratch_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		String query = (url.group(3) != null) ? url.group(3) : "";
		String scratchUrl = url.group(1) + "/" + name + query;
		Properties credentials = new Properties();
		if (username != null) {
			credentials.setProperty("user", username);
		}
		if (password != null) {
			credentials.setProperty("password", password);
		}
		String quoted = '"' + name + '"';
		try (Connection admin = DriverManager.getConnection(serverUrl, credentials);
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + quoted);
		}
		catch (SQLException ex) {
			throw new ScratchDatabaseException("Could not create a scratch database on " + url.group(1) + ": "
					+ ex.getMessage()
					+ ". The user needs the CREATEDB privilege, or set migrations.autogenerate.scratch-url to a server where it has it.",
					ex);
		}
		DriverManagerDataSource dataSource = new DriverManagerDataSource(scratchUrl);
		dataSource.setConnectionProperties(credentials);
		return new ScratchDatabase(scratchUrl, dataSource, () -> {
			try (Connection admin = DriverManager.getConnection(serverUrl, credentials);
					Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
			}
			catch (SQLException ex) {
				throw new ScratchDatabaseException(
						"Could not drop the scratch database " + name + ": " + ex.getMessage() + ". Drop it by hand.",
						ex);
			}
		});
	}

	/** The scratch database's JDBC URL. */
	public String url() {
		return this.url;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() {
		this.drop.run();
	}

}
