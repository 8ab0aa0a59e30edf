package dev.retort.migration.autoconfigure;

import java.nio.file.Path;

import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.revision.MigrationPlan;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Backs up the database behind one {@link Migrator} before an upgrade that has work to do
 * ({@code migrations.backup.before-upgrade=true}).
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
	 * @return the backup file, or {@code null} when none was needed
	 */
	public Path beforeUpgrade(Migrator migrator, String target) {
		if (migrator != this.migrator) {
			return null;
		}
		MigrationPlan plan = migrator.graph().planUpgrade(migrator.current(), target);
		if (plan.isEmpty()) {
			return null;
		}
		Path file = this.backup.backup();
		logger.info("Backed up the database to " + file + " before upgrading to " + target);
		return file;
	}

}
