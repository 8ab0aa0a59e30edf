package dev.retort.migration.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import dev.retort.migration.autoconfigure.MigrationCommands;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.OfflineScript;
import dev.retort.migration.revision.MigrationPlan;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What every {@code migrate} command works with: the application's migrator and beans,
 * backups, and where results go.
 */
final class MigrateSession {

	private final BeanFactory beans;

	private final ObjectProvider<Migrator> migrators;

	private final Function<Migrator, DatabaseBackup> backups;

	private final MigrationCommands commands;

	private final PrintWriter out;

	private Migrator migrator;

	/**
	 * @param beans the application's beans, for commands that need more than the migrator
	 * @param migrators the application's migrator
	 * @param backups the backups of a migrator's database, as configured
	 * @param commands upgrade, downgrade and stamp as the application runs them (backup
	 * first, outcome recorded)
	 * @param out where results go
	 */
	MigrateSession(BeanFactory beans, ObjectProvider<Migrator> migrators, Function<Migrator, DatabaseBackup> backups,
			MigrationCommands commands, PrintWriter out) {
		this.beans = beans;
		this.migrators = migrators;
		this.backups = backups;
		this.commands = commands;
		this.out = out;
	}

	/** Where the command's results go (stdout): scripts, tables, ids. */
	PrintWriter out() {
		return this.out;
	}

	/** The application's beans of a type. */
	<T> ObjectProvider<T> beans(Class<T> type) {
		return this.beans.getBeanProvider(type);
	}

	/** Upgrade, downgrade and stamp as the runner and the endpoint run them. */
	MigrationCommands commands() {
		return this.commands;
	}

	/** The migrator's bean name, under which runs are recorded. */
	String migratorName() {
		Migrator migrator = migrator();
		if (this.beans instanceof ListableBeanFactory listable) {
			for (Map.Entry<String, Migrator> entry : listable.getBeansOfType(Migrator.class).entrySet()) {
				if (entry.getValue() == migrator) {
					return entry.getKey();
				}
			}
		}
		return "migrator";
	}

	Migrator migrator() {
		if (this.migrator == null) {
			Migrator found = this.migrators.getIfUnique();
			if (found == null) {
				throw new MigratorUnavailableException("There is no single Migrator in this application to run "
						+ "the command with: check that a DataSource is configured and migrations.enabled is "
						+ "not false (with several DataSources, declare the Migrator to use as @Primary).");
			}
			this.migrator = found;
		}
		return this.migrator;
	}

	/** Backups of the migrator's database, as configured. */
	DatabaseBackup backups() {
		return this.backups.apply(migrator());
	}

	/** Prints each step as it runs, as the startup runner logs it. */
	void showProgress() {
		migrator().addListener(new MigrationListener() {

			@Override
			public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
				MigrateSession.this.out.println(step.describe(index, total) + " (" + duration.toMillis() + " ms)");
			}

		});
	}

	OfflineScript offlineScript() {
		Migrator migrator = migrator();
		return new OfflineScript(migrator.graph(), Dialects.named(migrator.dialect()), migrator.config());
	}

}
