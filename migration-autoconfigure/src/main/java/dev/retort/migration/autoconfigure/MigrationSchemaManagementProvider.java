package dev.retort.migration.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Retort manages the schema of its DataSource, so that Hibernate's
 * {@code ddl-auto} does not default to {@code create-drop} on it.
 */
class MigrationSchemaManagementProvider implements SchemaManagementProvider {

	private final DataSource managed;

	MigrationSchemaManagementProvider(DataSource managed) {
		this.managed = managed;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return (dataSource == this.managed) ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
