package dev.retort.migration.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.UnsupportedDatabaseException;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Stops Hibernate probing {@code Connection.createClob()} at start-up where the driver
 * does not implement it
 * ({@link dev.retort.migration.dialect.Dialect#driverCreatesLobs()}: PostgreSQL's), and
 * the probe's {@code SQLFeatureNotSupportedException} (SQL state 0A000) makes Hikari log
 * a stack trace and throw the connection away on every start. Hibernate then creates LOBs
 * itself, which is what it does on PostgreSQL anyway. An explicit
 * {@code hibernate.jdbc.lob.non_contextual_creation} is left alone.
 */
class PostgresLobCreation implements HibernatePropertiesCustomizer {

	static final String NON_CONTEXTUAL_CREATION = "hibernate.jdbc.lob.non_contextual_creation";

	private final DataSource dataSource;

	PostgresLobCreation(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		if (!hibernateProperties.containsKey(NON_CONTEXTUAL_CREATION) && driverLacksLobCreation()) {
			hibernateProperties.put(NON_CONTEXTUAL_CREATION, "true");
		}
	}

	private boolean driverLacksLobCreation() {
		try (Connection connection = this.dataSource.getConnection()) {
			return !Dialects.of(connection).driverCreatesLobs();
		}
		catch (SQLException | UnsupportedDatabaseException ex) {
			// Hibernate reports an unreachable database itself, and probes other drivers
			// as it likes
			return false;
		}
	}

}
