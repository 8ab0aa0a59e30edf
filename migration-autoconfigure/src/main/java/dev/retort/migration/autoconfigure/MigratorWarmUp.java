package dev.retort.migration.autoconfigure;

import dev.retort.migration.engine.Migrator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Loads and validates a {@link Migrator}'s revisions on a background thread while the
 * rest of the context starts, so that the runner finds the graph ready. A failure here is
 * left for the runner to report.
 */
final class MigratorWarmUp {

	private static final Log logger = LogFactory.getLog(MigratorWarmUp.class);

	private MigratorWarmUp() {
	}

	static void start(Migrator migrator) {
		Thread thread = new Thread(() -> {
			try {
				migrator.graph();
			}
			catch (RuntimeException ex) {
				logger.debug("Warm-up failed; the runner will report it", ex);
			}
		}, "retort-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

}
