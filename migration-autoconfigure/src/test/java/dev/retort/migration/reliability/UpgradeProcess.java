package dev.retort.migration.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.test.TestDatabase;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A process that upgrades a database to its heads with the engine alone, saying on stdout
 * when it starts and when each step begins and is done, so that the test that kills it
 * knows where it was.
 * <p>
 * Arguments: a name (recorded as applied-by), the revisions' location, the lock timeout,
 * the JDBC URL and optionally user and password.
 */
final class UpgradeProcess {

	static final String BEGIN = "begin ";

	static final String DONE = "done ";

	static final String AT = "at ";

	private UpgradeProcess() {
	}

	/** Starts one in its own JVM, against {@code database}. */
	static SeparateJvm start(String name, String location, Duration lockTimeout, TestDatabase database, String url) {
		List<String> arguments = new ArrayList<>(List.of(name, location, lockTimeout.toString(), url));
		String user = database.dataSourceProperties().get("spring.datasource.username");
		if (user != null) {
			arguments.add(user);
			arguments.add(database.dataSourceProperties().getOrDefault("spring.datasource.password", ""));
		}
		return SeparateJvm.start(name, UpgradeProcess.class, arguments);
	}

	public static void main(String[] args) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(args[3]);
		if (args.length > 4) {
			dataSource.setUsername(args[4]);
			dataSource.setPassword(args[5]);
		}
		MigratorConfig config = MigratorConfig.defaults()
			.withLocations(args[1])
			.withLockTimeout(Duration.parse(args[2]))
			.withAppliedBy(args[0]);
		Migrator migrator = new Migrator(dataSource, config).addListener(new MigrationListener() {

			@Override
			public void beforeStep(MigrationPlan.Step step, int index, int total) {
				System.out.println(BEGIN + step.revision().id());
			}

			@Override
			public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
				System.out.println(DONE + step.revision().id());
			}

		});
		System.out.println(AT + String.join(",", migrator.upgrade("heads").current()));
	}

}
