package dev.retort.migration.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.SchemaSource;

/**
 * Writes the same generated revisions ({@link MigrationBenchmark#operations}: a table of
 * five columns and an index each, as the dialect renders them) in every tool's own form,
 * under one directory that {@link ColdRun} gets on its classpath: Retort SQL revisions,
 * Flyway versioned migrations, one Liquibase formatted-SQL changelog, and one file of
 * plain statements for the JDBC floor.
 */
final class RevisionFiles {

	static final String RETORT_LOCATION = "classpath:bench/retort";

	static final String FLYWAY_LOCATION = "classpath:bench/flyway";

	static final String LIQUIBASE_CHANGELOG = "bench/liquibase/changelog.sql";

	static final String JDBC = "bench/jdbc/statements.sql";

	private RevisionFiles() {
	}

	/** Writes {@code count} revisions for the named dialect under {@code root}. */
	static void write(Path root, String dialectName, int count) throws IOException {
		Dialect dialect = Dialects.named(dialectName);
		Path retort = Files.createDirectories(root.resolve("bench/retort"));
		Path flyway = Files.createDirectories(root.resolve("bench/flyway"));
		Files.createDirectories(root.resolve("bench/liquibase"));
		Files.createDirectories(root.resolve("bench/jdbc"));
		StringBuilder liquibase = new StringBuilder("--liquibase formatted sql\n\n");
		StringBuilder jdbc = new StringBuilder();
		for (int i = 0; i < count; i++) {
			List<String> statements = dialect.render(MigrationBenchmark.operations(i), SchemaSource.EMPTY);
			String upgrade = String.join(";\n", statements) + ";\n";
			String id = MigrationBenchmark.id(i);
			String name = "bench_" + i;
			String downgrade = "DROP INDEX ix_" + name + "_name;\nDROP TABLE " + name + ";\n";
			Files.writeString(retort.resolve(id + "_create_" + name + ".sql"),
					"-- revision: " + id + "\n-- revises: " + ((i == 0) ? "" : MigrationBenchmark.id(i - 1))
							+ "\n-- message: create " + name + "\n-- +upgrade\n" + upgrade + "-- +downgrade\n"
							+ downgrade,
					StandardCharsets.UTF_8);
			Files.writeString(flyway.resolve(String.format(Locale.ROOT, "V%d__create_%s.sql", i + 1, name)), upgrade,
					StandardCharsets.UTF_8);
			liquibase.append("--changeset bench:")
				.append(i + 1)
				.append('\n')
				.append(upgrade)
				.append("--rollback ")
				.append(downgrade.replace("\n", " "))
				.append("\n\n");
			jdbc.append(upgrade).append('\n');
		}
		Files.writeString(root.resolve(LIQUIBASE_CHANGELOG), liquibase, StandardCharsets.UTF_8);
		Files.writeString(root.resolve(JDBC), jdbc, StandardCharsets.UTF_8);
	}

}
