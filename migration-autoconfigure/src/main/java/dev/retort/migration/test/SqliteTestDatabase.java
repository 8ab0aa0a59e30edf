package dev.retort.migration.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * An SQLite database in a file, typically under a JUnit {@code @TempDir}.
 */
public final class SqliteTestDatabase implements TestDatabase {

	private final Path file;

	public SqliteTestDatabase(Path file) {
		this.file = file;
	}

	/** The database file. */
	public Path file() {
		return this.file;
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:sqlite:" + this.file;
	}

	@Override
	public Map<String, String> dataSourceProperties() {
		return Map.of("spring.datasource.url", jdbcUrl());
	}

	@Override
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl());
	}

	@Override
	public void reset() throws SQLException {
		try {
			for (String suffix : new String[] { "", "-journal", "-wal", "-shm" }) {
				Files.deleteIfExists(this.file.resolveSibling(this.file.getFileName() + suffix));
			}
		}
		catch (IOException ex) {
			throw new SQLException("Could not delete " + this.file + ": " + ex.getMessage(), ex);
		}
	}

}
