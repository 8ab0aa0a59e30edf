package dev.retort.migration.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The DataSource migrations run on: with {@code migrations.url} or
 * {@code migrations.user} set, a dedicated unpooled one (its own connection per
 * migration, never one of the application's pooled connections), with what is not set
 * taken from {@code spring.datasource.*}; otherwise the application's.
 */
final class MigrationDataSource {

	private MigrationDataSource() {
	}

	static DataSource of(MigrationProperties properties, DataSource application,
			@Nullable DataSourceProperties dataSourceProperties) {
		if (properties.getUrl() == null && properties.getUser() == null) {
			return application;
		}
		String url = properties.getUrl();
		if (url == null) {
			url = (dataSourceProperties != null) ? dataSourceProperties.determineUrl() : null;
			if (url == null) {
				throw new MigrationDataSourceException("migrations.user is set but there is no URL to use it with: "
						+ "set migrations.url (or spring.datasource.url) to the database to migrate.");
			}
		}
		String user = properties.getUser();
		String password = properties.getPassword();
		if (user == null && dataSourceProperties != null) {
			user = dataSourceProperties.determineUsername();
		}
		if (password == null && dataSourceProperties != null) {
			password = dataSourceProperties.determinePassword();
		}
		return DataSourceBuilder.create(MigrationDataSource.class.getClassLoader())
			.type(SimpleDriverDataSource.class)
			.url(url)
			.username(user)
			.password(password)
			.build();
	}

	/** The password migrations log in with, for tools such as {@code pg_dump}. */
	static @Nullable String password(MigrationProperties properties,
			@Nullable DataSourceProperties dataSourceProperties, @Nullable String applicationPassword) {
		if (properties.getUrl() == null && properties.getUser() == null) {
			return applicationPassword;
		}
		if (properties.getPassword() != null) {
			return properties.getPassword();
		}
		return (dataSourceProperties != null) ? dataSourceProperties.determinePassword() : null;
	}

}
