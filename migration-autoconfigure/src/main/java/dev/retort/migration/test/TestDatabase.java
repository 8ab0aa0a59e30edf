package dev.retort.migration.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real database a test migrates: how to reach it, point Spring Boot at it, and empty it
 * between scenarios.
 */
public interface TestDatabase {

	/** The JDBC URL of the database. */
	String jdbcUrl();

	/**
	 * {@code spring.datasource.*} properties that point an application at this database.
	 */
	Map<String, String> dataSourceProperties();

	/** Opens a new connection to the database. */
	Connection connect() throws SQLException;

	/**
	 * Removes everything in the database, so that the next scenario starts from empty.
	 */
	void reset() throws SQLException;

}
