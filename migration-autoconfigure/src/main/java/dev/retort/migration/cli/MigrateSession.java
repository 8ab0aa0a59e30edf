package dev.retort.migration.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.retort.migration.autoconfigure.MigrationBackup;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.OfflineScript;
import dev.retort.migration.revision.MigrationPlan;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What every {@code migrate} command works with: the application's migrator and beans,
 * backups, and where results go.
 */
final class MigrateSession {

	private final BeanFactory beans;

	private final ObjectProvider<Migrator> migrators;

	private final Function<Path, DatabaseBackup> backups;

	private final List<MigrationBackup> backupsBeforeUpgrade;

	private final PrintWriter out;

	private Migrator migrator;

	/**
	 * @param beans the application's beans, for commands that need more than the migrator
	 * @param migrators the application's migrator
	 * @param backups makes a backup into a directory ({@code null}: the configured one)
	 * @param backupsBeforeUpgrade backups to take before an upgrade that has work to do
	 * ({@code migrations.backup.before-upgrade=true})
	 * @param out where results go
	 */
	MigrateSession(BeanFactory beans, ObjectProvider<Migrator> migrators, Function<Path, DatabaseBackup> backups,
			List<MigrationBackup> backupsBeforeUpgrade, PrintWriter out) {
		this.beans = beans;
		this.migrators = migrators;
		this.backups = backups;
		this.backupsBeforeUpgrade = backupsBeforeUpgrade;
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

	/**
	 * Backs up the database first when the application asks for it, as auto-migrate does.
	 */
	void backUpBeforeUpgrade(String target) {
		for (MigrationBackup backup : this.backupsBeforeUpgrade) {
			Path file = backup.beforeUpgrade(migrator(), target);
			if (file != null) {
				this.out.println("Backed up the database to " + file + " before upgrading to " + target);
			}
		}
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

	DatabaseBackup backup(Path directory) {
		return this.backups.apply(directory);
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
