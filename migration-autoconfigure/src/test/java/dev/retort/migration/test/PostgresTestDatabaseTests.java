package dev.retort.migration.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTestDatabaseTests {

	@RegisterExtension
	static PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Test
	void givesEachClassItsOwnEmptyDatabase() throws Exception {
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			ResultSet current = statement.executeQuery("SELECT current_database()");
			current.next();
			assertThat(current.getString(1)).isEqualTo(postgres.databaseName())
				.startsWith("retort_postgrestestdatabasetests_");
			ResultSet tables = statement
				.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
			tables.next();
			assertThat(tables.getInt(1)).isZero();
		}
	}

}
