package dev.retort.migration.autoconfigure;

import dev.retort.migration.backup.BackupFile;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.UnknownAppliedRevisionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Backs up the database behind one {@link Migrator} before an upgrade that has work to do
 * ({@code migrations.backup.before-upgrade=true}); the backup is verified before the
 * upgrade runs.
 */
public class MigrationBackup {

	private static final Log logger = LogFactory.getLog(MigrationBackup.class);

	private final Migrator migrator;

	private final DatabaseBackup backup;

	public MigrationBackup(Migrator migrator, DatabaseBackup backup) {
		this.migrator = migrator;
		this.backup = backup;
	}

	/**
	 * Backs up the database when {@code migrator} is the one this backup covers and an
	 * upgrade to {@code target} would apply revisions.
	 * @return the verified backup, or {@code null} when none was needed
	 * @throws dev.retort.migration.backup.BackupException when no verified backup could
	 * be taken: the upgrade must not run
	 */
	public BackupFile beforeUpgrade(Migrator migrator, String target) {
		if (migrator != this.migrator) {
			return null;
		}
		MigrationPlan plan;
		try {
			plan = migrator.graph().planUpgrade(migrator.current(), target);
		}
		catch (UnknownAppliedRevisionException ex) {
			// the database is ahead of the code: the upgrade refuses before anything
			// runs, with the message that says so
			return null;
		}
		if (plan.isEmpty()) {
			return null;
		}
		BackupFile backup = this.backup.backup();
		logger.info("Backed up the database to " + backup.file() + " (verified) before upgrading to " + target);
		return backup;
	}

}
