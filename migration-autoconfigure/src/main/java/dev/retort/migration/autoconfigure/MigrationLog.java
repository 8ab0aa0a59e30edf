package dev.retort.migration.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.RevisionScript;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs each step as it runs: {@code [2/5] upgrade a1b2c3d4e5f6 -> 3f2a9c1b7d4e add
 * priority to tasks (84 ms)}.
 */
public class MigrationLog implements MigrationListener {

	private static final Log logger = LogFactory.getLog(MigrationLog.class);

	@Override
	public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
		logger.info(describe(step, index, total) + " (" + duration.toMillis() + " ms)");
	}

	@Override
	public void stepFailed(MigrationPlan.Step step, int index, int total, Throwable failure) {
		logger.error(describe(step, index, total) + " failed and was rolled back: " + MigrationRuns.describe(failure));
	}

	/** {@code [2/5] upgrade a1b2c3 -> 3f2a9c add priority to tasks}. */
	public static String describe(MigrationPlan.Step step, int index, int total) {
		RevisionScript revision = step.revision();
		String parents = ids(revision.parents());
		String from = (step.direction() == Direction.DOWNGRADE) ? revision.shortId() : parents;
		String to = (step.direction() == Direction.DOWNGRADE) ? parents : revision.shortId();
		return "[" + index + "/" + total + "] " + step.direction().label() + " " + from + " -> " + to + " "
				+ revision.message();
	}

	private static String ids(List<String> ids) {
		if (ids.isEmpty()) {
			return "base";
		}
		return ids.stream().map((id) -> (id.length() > 12) ? id.substring(0, 12) : id).collect(Collectors.joining(","));
	}

}
