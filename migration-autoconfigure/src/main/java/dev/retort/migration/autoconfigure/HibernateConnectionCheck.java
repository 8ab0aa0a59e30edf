package dev.retort.migration.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.UnsupportedDatabaseException;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Connects to the application's database once, before Hibernate starts, for two things.
 * <p>
 * A database that cannot be reached fails the start with a
 * {@link DatabaseUnreachableException} that says why (the driver's own reason: no such
 * database, wrong password, no server at that address) and what to do, instead of
 * Hibernate's "Unable to determine Dialect without JDBC metadata" after a screen of stack
 * traces. Where Hibernate starts without its database anyway (told not to read the
 * database's metadata, {@code hibernate.boot.allow_jdbc_metadata_access=false}, or given
 * its dialect, {@code hibernate.dialect} or {@code spring.jpa.database-platform}, with
 * which it only warns), a database that cannot be reached is left to the application.
 * <p>
 * Where the driver does not implement {@code Connection.createClob()}
 * ({@link dev.retort.migration.dialect.Dialect#driverCreatesLobs()}: PostgreSQL's), it
 * stops Hibernate probing it: the probe's {@code SQLFeatureNotSupportedException} (SQL
 * state 0A000) makes Hikari log a stack trace and throw the connection away on every
 * start. Hibernate then creates LOBs itself, which is what it does on PostgreSQL anyway.
 * An explicit {@code hibernate.jdbc.lob.non_contextual_creation} is left alone.
 */
class HibernateConnectionCheck implements HibernatePropertiesCustomizer {

	static final String NON_CONTEXTUAL_CREATION = "hibernate.jdbc.lob.non_contextual_creation";

	static final String ALLOW_METADATA_ACCESS = "hibernate.boot.allow_jdbc_metadata_access";

	private final DataSource dataSource;

	static final String DIALECT = "hibernate.dialect";

	private final DatabaseUnreachableException.Target target;

	private final boolean dialectConfigured;

	HibernateConnectionCheck(DataSource dataSource, DatabaseUnreachableException.Target target,
			boolean dialectConfigured) {
		this.dataSource = dataSource;
		this.target = target;
		this.dialectConfigured = dialectConfigured;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		if ("false".equalsIgnoreCase(String.valueOf(hibernateProperties.get(ALLOW_METADATA_ACCESS)).trim())) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			if (!hibernateProperties.containsKey(NON_CONTEXTUAL_CREATION)
					&& !Dialects.of(connection).driverCreatesLobs()) {
				hibernateProperties.put(NON_CONTEXTUAL_CREATION, "true");
			}
		}
		catch (SQLException ex) {
			if (!this.dialectConfigured && !hibernateProperties.containsKey(DIALECT)) {
				throw new DatabaseUnreachableException(this.target, ex);
			}
		}
		catch (UnsupportedDatabaseException ex) {
			// a database Retort has no dialect for: Hibernate probes its driver as it
			// likes
		}
	}

}
