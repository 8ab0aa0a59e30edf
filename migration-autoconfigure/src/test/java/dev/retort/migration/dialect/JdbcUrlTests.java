package dev.retort.migration.dialect;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlTests {

	@Test
	void aPasswordInTheUrlIsHidden() {
		assertThat(JdbcUrl.redacted("jdbc:postgresql://db:5432/app?user=app&password=s3cret&sslmode=require"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&sslmode=require");
		assertThat(JdbcUrl.redacted("jdbc:sqlserver://db;Password=s3cret;databaseName=app"))
			.isEqualTo("jdbc:sqlserver://db;Password=***;databaseName=app");
	}

	@Test
	void anSqliteFileIsTakenFromTheWorkingDirectoryWithoutItsParameters() {
		Path here = Path.of("").toAbsolutePath();
		assertThat(JdbcUrl.sqliteFile("jdbc:sqlite:data/app.db")).contains(here.resolve("data/app.db"));
		assertThat(JdbcUrl.sqliteFile("jdbc:sqlite:./data/../app.db?busy_timeout=5000"))
			.contains(here.resolve("app.db"));
		assertThat(JdbcUrl.sqliteFile("jdbc:sqlite:file:/var/lib/app.db")).contains(Path.of("/var/lib/app.db"));
	}

	@Test
	void theSqlitePathIsAlsoGivenAsTheUrlWritesIt() {
		assertThat(JdbcUrl.sqlitePath("jdbc:sqlite:data/app.db?busy_timeout=5000")).contains(Path.of("data/app.db"));
		assertThat(JdbcUrl.sqlitePath("jdbc:sqlite:file:/var/lib/app.db")).contains(Path.of("/var/lib/app.db"));
		assertThat(JdbcUrl.sqlitePath("jdbc:sqlite::memory:")).isEmpty();
	}

	@Test
	void inMemoryAndOtherDatabasesHaveNoFile() {
		assertThat(JdbcUrl.sqliteFile("jdbc:sqlite::memory:")).isEmpty();
		assertThat(JdbcUrl.sqliteFile("jdbc:sqlite:")).isEmpty();
		assertThat(JdbcUrl.sqliteFile("jdbc:sqlite:file:app?mode=memory&cache=shared")).isEmpty();
		assertThat(JdbcUrl.sqliteFile("jdbc:postgresql://localhost/app")).isEmpty();
		assertThat(JdbcUrl.sqliteFile(null)).isEmpty();
	}

}
