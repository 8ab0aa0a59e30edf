package dev.retort.migration.autoconfigure;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.retort.migration.engine.MigrationFailedException;

/**
 * The outcome of the last migration the application ran on each
 * {@link dev.retort.migration.engine.Migrator} (by bean name), so that health can report
 * a failed run after the application stayed up.
 */
public class MigrationRuns {

	private final Map<String, Run> runs = new ConcurrentHashMap<>();

	/** Records that a run on the named migrator succeeded. */
	public void succeeded(String migrator, String command) {
		this.runs.put(migrator, new Run(command, true, false, null, Instant.now()));
	}

	/**
	 * Records that a run on the named migrator failed, or was {@linkplain #isRefusal
	 * refused} before anything ran.
	 */
	public void failed(String migrator, String command, Throwable failure) {
		this.runs.put(migrator, new Run(command, false, isRefusal(failure), describe(failure), Instant.now()));
	}

	/**
	 * Whether a failure refused the request before anything ran (a bad or irreversible
	 * target, another process holding the lock, revisions the code does not know), so the
	 * database is as it was: only a revision that failed while running is a failed
	 * migration.
	 */
	public static boolean isRefusal(Throwable failure) {
		return !(failure instanceof MigrationFailedException);
	}

	/** The last run on the named migrator, if any. */
	public Optional<Run> last(String migrator) {
		return Optional.ofNullable(this.runs.get(migrator));
	}

	/** The failure's message, with its cause when the message does not already say it. */
	public static String describe(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		Throwable cause = failure.getCause();
		if (cause != null && cause != failure && cause.getMessage() != null && !message.contains(cause.getMessage())) {
			message = message + " (cause: " + cause.getMessage() + ")";
		}
		return message;
	}

	/**
	 * One run.
	 *
	 * @param command what ran (upgrade, downgrade, stamp)
	 * @param success whether it succeeded
	 * @param refused whether it was refused before anything ran, leaving the database as
	 * it was
	 * @param error why it failed, or {@code null}
	 * @param finishedAt when it finished
	 */
	public record Run(String command, boolean success, boolean refused, String error, Instant finishedAt) {

	}

}
