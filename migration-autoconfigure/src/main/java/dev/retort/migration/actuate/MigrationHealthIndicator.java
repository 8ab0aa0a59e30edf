package dev.retort.migration.actuate;

import java.util.Optional;

import dev.retort.migration.autoconfigure.MigrationRuns;
import dev.retort.migration.engine.Migrator;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of one database's migrations: UP at the code's heads; the pending status
 * ({@code OUT_OF_SERVICE} by default) while revisions are pending; DOWN after a failed
 * run (the history table's newest step failed, so this survives a restart), for revisions
 * the code does not know, for revisions edited after they ran, or when the database
 * cannot be reached. A request refused before anything ran changes nothing here.
 */
public class MigrationHealthIndicator extends AbstractHealthIndicator {

	private final Migrator migrator;

	private final String name;

	private final MigrationRuns runs;

	private final Status pendingStatus;

	public MigrationHealthIndicator(Migrator migrator, String name, MigrationRuns runs, Status pendingStatus) {
		super("Migration health check failed");
		this.migrator = migrator;
		this.name = name;
		this.runs = runs;
		this.pendingStatus = pendingStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		// a refused request left the database as it was: its state decides
		Optional<MigrationRuns.Run> failedRun = this.runs.last(this.name)
			.filter((run) -> !run.success() && !run.refused());
		MigrationOverview overview;
		try {
			overview = MigrationOverview.of(this.migrator);
		}
		catch (RuntimeException ex) {
			builder.down().withDetail("error", "Cannot read the migration status: " + MigrationRuns.describe(ex));
			failedRun.ifPresent((run) -> failedRun(builder, run));
			return;
		}
		builder.withDetail("current", overview.current())
			.withDetail("heads", overview.heads())
			.withDetail("pending", overview.pending());
		if (overview.lastMigratedAt() != null) {
			// when the database last moved: the history table's newest step that
			// succeeded
			builder.withDetail("lastMigratedAt", overview.lastMigratedAt());
		}
		// a run of this application newer than anything recorded: its failure could not
		// be written
		Optional<MigrationRuns.Run> unrecorded = failedRun
			.filter((run) -> overview.lastRecordedAt() == null || run.finishedAt().isAfter(overview.lastRecordedAt()));
		if (overview.lastFailure() != null) {
			MigrationOverview.FailedStep failure = overview.lastFailure();
			builder.down()
				.withDetail("failedRevision", failure.revision())
				.withDetail("failedAt", failure.failedAt())
				.withDetail("error", failure.error());
			failedRun.ifPresent((run) -> builder.withDetail("failedRun", run.command()));
		}
		else if (unrecorded.isPresent()) {
			failedRun(builder.down(), unrecorded.get());
		}
		else if (!overview.unknown().isEmpty()) {
			builder.down()
				.withDetail("unknown", overview.unknown())
				.withDetail("error", "The database has revisions this application does not know: "
						+ String.join(", ", overview.unknown()) + ". Deploy the code that has them, or stamp.");
		}
		else if (!overview.checksumMismatches().isEmpty()) {
			builder.down()
				.withDetail("checksumMismatch", overview.checksumMismatches())
				.withDetail("error",
						"Revisions were edited after they ran: " + String.join(", ", overview.checksumMismatches())
								+ ". Restore them, or add a new revision for the change.");
		}
		else if (!overview.pending().isEmpty()) {
			builder.status(this.pendingStatus);
		}
		else {
			builder.up();
		}
	}

	private static void failedRun(Health.Builder builder, MigrationRuns.Run run) {
		builder.withDetail("failedRun", run.command()).withDetail("error", run.error());
	}

}
