package dev.retort.migration.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.test.TestDatabase;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A chain of SQL revisions, written to a directory, that take real time: each creates a
 * table, fills it with generated rows and indexes it, and every third also adds a column
 * and updates every row, so that a revision is several statements long. Valid on SQLite
 * and PostgreSQL alike.
 */
final class SlowRevisions {

	private final Path directory;

	private final List<SlowRevision> revisions;

	private SlowRevisions(Path directory, List<SlowRevision> revisions) {
		this.directory = directory;
		this.revisions = revisions;
	}

	/**
	 * Writes {@code count} revisions of {@code rows} rows each into {@code directory}.
	 */
	static SlowRevisions write(Path directory, int count, int rows) throws IOException {
		Files.createDirectories(directory);
		List<SlowRevision> revisions = new ArrayList<>();
		for (int number = 1; number <= count; number++) {
			SlowRevision revision = new SlowRevision(String.format("cc%010d", number),
					String.format("slow_%02d", number), rows, number % 3 == 0);
			String parent = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).id();
			Files.writeString(directory.resolve("20261202_0300_" + revision.id() + "_" + revision.table() + ".sql"),
					revision.source(parent), StandardCharsets.UTF_8);
			revisions.add(revision);
		}
		return new SlowRevisions(directory, List.copyOf(revisions));
	}

	/** The location to give a migrator. */
	String location() {
		return "filesystem:" + this.directory;
	}

	/** The revisions in upgrade order. */
	List<SlowRevision> revisions() {
		return this.revisions;
	}

	List<String> ids() {
		return this.revisions.stream().map(SlowRevision::id).toList();
	}

	/**
	 * A migrator in this process over these revisions, connecting to {@code database}
	 * anew for each use.
	 */
	Migrator migrator(TestDatabase database, Duration lockTimeout) {
		Map<String, String> properties = database.dataSourceProperties();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl());
		dataSource.setUsername(properties.get("spring.datasource.username"));
		dataSource.setPassword(properties.get("spring.datasource.password"));
		return new Migrator(dataSource,
				MigratorConfig.defaults().withLocations(location()).withLockTimeout(lockTimeout));
	}

	String head() {
		return this.revisions.get(this.revisions.size() - 1).id();
	}

	/**
	 * One revision: the table it creates, how many rows it puts in, and whether it then
	 * adds a {@code note} column and bumps every row's {@code bucket} by one.
	 */
	record SlowRevision(String id, String table, int rows, boolean updates) {

		String index() {
			return "ix_" + this.table + "_bucket";
		}

		/** The smallest {@code bucket} once the revision ran: rows start at 0. */
		int smallestBucket() {
			return this.updates ? 1 : 0;
		}

		String source(String parent) {
			StringBuilder sql = new StringBuilder();
			sql.append("-- revision: ").append(this.id).append('\n');
			if (parent != null) {
				sql.append("-- revises: ").append(parent).append('\n');
			}
			sql.append("-- message: create and fill ").append(this.table).append('\n');
			sql.append("-- +upgrade\n");
			sql.append("CREATE TABLE ")
				.append(this.table)
				.append(" (id INTEGER PRIMARY KEY, payload VARCHAR(40) NOT NULL, bucket INTEGER NOT NULL);\n");
			sql.append("WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < ")
				.append(this.rows)
				.append(") INSERT INTO ")
				.append(this.table)
				.append(" (id, payload, bucket) SELECT n, 'row ' || n, n % 97 FROM numbers;\n");
			sql.append("CREATE INDEX ")
				.append(index())
				.append(" ON ")
				.append(this.table)
				.append(" (bucket, payload);\n");
			if (this.updates) {
				sql.append("ALTER TABLE ").append(this.table).append(" ADD COLUMN note VARCHAR(20);\n");
				sql.append("UPDATE ").append(this.table).append(" SET bucket = bucket + 1, note = 'updated';\n");
			}
			sql.append("-- +downgrade\n");
			sql.append("DROP TABLE ").append(this.table).append(";\n");
			return sql.toString();
		}

	}

}
