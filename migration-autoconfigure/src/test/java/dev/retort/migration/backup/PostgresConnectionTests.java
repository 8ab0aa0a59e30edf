package dev.retort.migration.backup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The libpq environment pg_dump and pg_restore get from the application's JDBC URL.
 */
class PostgresConnectionTests {

	@Test
	void everyConnectionParameterOfTheUrlReachesTheTools() {
		PostgresConnection connection = PostgresConnection
			.of("jdbc:postgresql://db1.internal:5433,db2.internal/orchestrator?sslmode=verify-full"
					+ "&sslrootcert=/etc/ssl/root.crt&ApplicationName=orchestrator&connectTimeout=7"
					+ "&targetServerType=primary", "app", "s3cret");
		assertThat(connection.environment()).containsEntry("PGHOST", "db1.internal,db2.internal")
			.containsEntry("PGPORT", "5433,5432")
			.containsEntry("PGDATABASE", "orchestrator")
			.containsEntry("PGUSER", "app")
			.containsEntry("PGPASSWORD", "s3cret")
			.containsEntry("PGSSLMODE", "verify-full")
			.containsEntry("PGSSLROOTCERT", "/etc/ssl/root.crt")
			.containsEntry("PGAPPNAME", "orchestrator")
			.containsEntry("PGCONNECT_TIMEOUT", "7")
			.containsEntry("PGTARGETSESSIONATTRS", "read-write");
		assertThat(connection.describe()).doesNotContain("s3cret");
	}

	@Test
	void userAndPasswordInTheUrlAndPgjdbcsSslFlag() {
		PostgresConnection connection = PostgresConnection
			.of("jdbc:postgresql://localhost/app%20db?user=owner&password=p%26ss&ssl=true", null, null);
		assertThat(connection.environment()).containsEntry("PGDATABASE", "app db")
			.containsEntry("PGUSER", "owner")
			.containsEntry("PGPASSWORD", "p&ss")
			.containsEntry("PGSSLMODE", "verify-full")
			.containsEntry("PGPORT", "5432");
	}

}
