package dev.retort.migration.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Migrator} finds revisions and keeps its books. Immutable; each
 * {@code with} method returns a copy.
 *
 * @param locations where revisions live ({@code classpath:db/migrations},
 * {@code filesystem:/path})
 * @param versionTable the table holding one row per applied head
 * @param historyTable the table holding one row per applied step
 * @param dialect the dialect name, or {@code null} to detect it from the connection
 * @param lockTimeout how long to wait for another process's migration lock
 * @param appliedBy who is recorded as applying revisions
 * @param classLoader where Java revisions are loaded from
 */
public record MigratorConfig(List<String> locations, String versionTable, String historyTable, String dialect,
		Duration lockTimeout, String appliedBy, ClassLoader classLoader) {

	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	public MigratorConfig {
		locations = List.copyOf(locations);
		Objects.requireNonNull(versionTable, "versionTable");
		Objects.requireNonNull(historyTable, "historyTable");
		Objects.requireNonNull(lockTimeout, "lockTimeout");
		appliedBy = (appliedBy != null) ? appliedBy : System.getProperty("user.name", "unknown");
		classLoader = (classLoader != null) ? classLoader : MigratorConfig.class.getClassLoader();
	}

	/**
	 * The defaults: {@code classpath:db/migrations}, {@code migrations_version},
	 * {@code migrations_history}.
	 */
	public static MigratorConfig defaults() {
		return new MigratorConfig(List.of(DEFAULT_LOCATION), "migrations_version", "migrations_history", null,
				Duration.ofMinutes(5), null, null);
	}

	public MigratorConfig withLocations(String... locations) {
		return new MigratorConfig(List.of(locations), this.versionTable, this.historyTable, this.dialect,
				this.lockTimeout, this.appliedBy, this.classLoader);
	}

	public MigratorConfig withTables(String versionTable, String historyTable) {
		return new MigratorConfig(this.locations, versionTable, historyTable, this.dialect, this.lockTimeout,
				this.appliedBy, this.classLoader);
	}

	public MigratorConfig withDialect(String dialect) {
		return new MigratorConfig(this.locations, this.versionTable, this.historyTable, dialect, this.lockTimeout,
				this.appliedBy, this.classLoader);
	}

	public MigratorConfig withLockTimeout(Duration lockTimeout) {
		return new MigratorConfig(this.locations, this.versionTable, this.historyTable, this.dialect, lockTimeout,
				this.appliedBy, this.classLoader);
	}

	public MigratorConfig withAppliedBy(String appliedBy) {
		return new MigratorConfig(this.locations, this.versionTable, this.historyTable, this.dialect, this.lockTimeout,
				appliedBy, this.classLoader);
	}

	public MigratorConfig withClassLoader(ClassLoader classLoader) {
		return new MigratorConfig(this.locations, this.versionTable, this.historyTable, this.dialect, this.lockTimeout,
				this.appliedBy, classLoader);
	}

}
