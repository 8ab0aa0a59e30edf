package dev.retort.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.retort.migration.backup.BackupFile;
import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.engine.Migrator;

/**
 * Upgrade, downgrade and stamp as the application runs them, from the ready-event runner,
 * the actuator endpoint and the command line alike: a verified backup first when
 * {@code migrations.backup.before-upgrade} is on (a failed backup stops the upgrade
 * before anything changes), then the migration, then its outcome recorded for health and
 * the endpoint.
 */
public class MigrationCommands {

	private final MigrationRuns runs;

	private final List<MigrationBackup> backupsBeforeUpgrade;

	/**
	 * @param runs where outcomes are recorded
	 * @param backupsBeforeUpgrade backups to take before an upgrade that has work to do
	 */
	public MigrationCommands(MigrationRuns runs, List<MigrationBackup> backupsBeforeUpgrade) {
		this.runs = runs;
		this.backupsBeforeUpgrade = List.copyOf(backupsBeforeUpgrade);
	}

	/** The recorded outcomes. */
	public MigrationRuns runs() {
		return this.runs;
	}

	/**
	 * Upgrades, after a verified backup when one is configured.
	 * @param name the migrator's bean name, under which the outcome is recorded
	 * @param migrator the migrator
	 * @param target the target
	 * @param dryRun run in a rolled-back transaction (no backup, nothing recorded)
	 * @param backedUp told of each backup as soon as it is taken
	 */
	public Outcome upgrade(String name, Migrator migrator, String target, boolean dryRun,
			Consumer<BackupFile> backedUp) {
		if (dryRun) {
			return new Outcome(migrator.upgrade(target, true), List.of());
		}
		String command = "upgrade " + target;
		try {
			List<BackupFile> backups = new ArrayList<>();
			for (MigrationBackup backup : this.backupsBeforeUpgrade) {
				BackupFile file = backup.beforeUpgrade(migrator, target);
				if (file != null) {
					backups.add(file);
					backedUp.accept(file);
				}
			}
			MigrationResult result = migrator.upgrade(target, false);
			this.runs.succeeded(name, command);
			return new Outcome(result, backups);
		}
		catch (RuntimeException ex) {
			this.runs.failed(name, command, ex);
			throw ex;
		}
	}

	/** Downgrades ({@code dryRun}: in a rolled-back transaction, nothing recorded). */
	public MigrationResult downgrade(String name, Migrator migrator, String target, boolean dryRun) {
		if (dryRun) {
			return migrator.downgrade(target, true);
		}
		String command = "downgrade " + target;
		try {
			MigrationResult result = migrator.downgrade(target, false);
			this.runs.succeeded(name, command);
			return result;
		}
		catch (RuntimeException ex) {
			this.runs.failed(name, command, ex);
			throw ex;
		}
	}

	/** Stamps ({@code purge}: empty the version table first). */
	public MigrationResult stamp(String name, Migrator migrator, String target, boolean purge) {
		String command = "stamp " + target;
		try {
			MigrationResult result = migrator.stamp(target, purge);
			this.runs.succeeded(name, command);
			return result;
		}
		catch (RuntimeException ex) {
			this.runs.failed(name, command, ex);
			throw ex;
		}
	}

	/**
	 * What an upgrade did.
	 *
	 * @param result the migration's result
	 * @param backups the verified backups taken before it
	 */
	public record Outcome(MigrationResult result, List<BackupFile> backups) {

	}

}
