package dev.retort.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.retort.migration.autoconfigure.MigrationProperties.OnFailure;
import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.StepInFlight;
import dev.retort.migration.revision.RevisionScript;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Runs when the application is ready: with {@code migrations.auto-migrate=true} it
 * upgrades every {@link Migrator} to {@code migrations.target}, refusing traffic while it
 * does; otherwise it warns once about pending revisions.
 */
public class MigrationRunner implements ApplicationListener<ApplicationReadyEvent> {

	/** The exit code when auto-migrate fails, as for {@code migrate upgrade}. */
	public static final int MIGRATION_FAILED_EXIT_CODE = 3;

	private static final Log logger = LogFactory.getLog(MigrationRunner.class);

	private final Map<String, Migrator> migrators;

	private final MigrationProperties properties;

	private final ApplicationExit exit;

	private final MigrationCommands commands;

	private volatile boolean failed;

	public MigrationRunner(Map<String, Migrator> migrators, MigrationProperties properties, ApplicationExit exit,
			MigrationCommands commands) {
		this.migrators = migrators;
		this.properties = properties;
		this.exit = exit;
		this.commands = commands;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		if (!this.properties.isAutoMigrate()) {
			this.migrators.forEach(this::warnIfBehind);
			return;
		}
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		for (Map.Entry<String, Migrator> entry : this.migrators.entrySet()) {
			if (!upgrade(entry.getKey(), entry.getValue(), context)) {
				this.failed = true;
				return;
			}
		}
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	/**
	 * Whether the application should keep refusing traffic: auto-migrate failed, the
	 * application stayed up ({@code on-failure=warn}) and the user did not opt out.
	 */
	public boolean refusesTraffic() {
		return this.failed && this.properties.isRefuseTrafficAfterFailure();
	}

	private boolean upgrade(String name, Migrator migrator, ConfigurableApplicationContext context) {
		String target = this.properties.getTarget();
		// a start stopped by a signal mid-step (a deployment's timeout, a failed liveness
		// probe) logs where it stopped and what that leaves, before the context closes
		StepInFlight inFlight = new StepInFlight();
		// every event, told apart here: a lambda's event type cannot be read back
		ApplicationListener<ApplicationEvent> onStop = (event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				logIfStopped(name, inFlight);
			}
		};
		migrator.addListener(inFlight);
		context.addApplicationListener(onStop);
		try {
			MigrationResult result = this.commands.upgrade(name, migrator, target, false, (backup) -> {
			}).result();
			logger.info(summary(name, target, result));
			return true;
		}
		catch (RuntimeException ex) {
			if (context.isClosed()) {
				// the step failed because the application is stopping (its connections
				// closed under it): said above, and there is no application left to exit
				logger.debug("Auto-migrate of '" + name + "' ended by the application stopping", ex);
			}
			else {
				fail(name, target, ex, context);
			}
			return false;
		}
		finally {
			migrator.removeListener(inFlight);
			context.removeApplicationListener(onStop);
		}
	}

	private static void logIfStopped(String name, StepInFlight inFlight) {
		StepInFlight.Stopped stopped = inFlight.stopped();
		if (stopped != null) {
			logger.warn("Auto-migrate of '" + name + "' was stopped while " + stopped.step() + " ran: the application "
					+ "is shutting down. " + stopped.state()
					+ " The next start with auto-migrate (or `java -jar app.jar " + "migrate "
					+ stopped.direction().label() + "`) goes on from there.");
		}
	}

	private String summary(String name, String target, MigrationResult result) {
		String at = Migrator.describe(result.current());
		if (result.steps().isEmpty()) {
			return "Database '" + name + "' is up to date at " + at + " (target " + target + ")";
		}
		return "Applied " + result.steps().size() + " revision" + ((result.steps().size() == 1) ? "" : "s") + " to '"
				+ name + "' in " + result.totalDuration().toMillis() + " ms; now at " + at;
	}

	private void fail(String name, String target, RuntimeException failure, ConfigurableApplicationContext context) {
		String reason = MigrationRuns.describe(failure).strip();
		reason = reason.endsWith(".") ? reason : reason + ".";
		if (this.properties.getOnFailure() == OnFailure.WARN) {
			logger.warn("Auto-migrate of '" + name + "' to " + target
					+ (MigrationRuns.isRefusal(failure) ? " was refused before anything ran: " : " failed: ") + reason
					+ "\nThe application stays up (migrations.on-failure=warn) with the migrations health DOWN;"
					+ (MigrationRuns.isRefusal(failure) ? " do what the message says and start it again."
							: " fix the revision and run the upgrade again."));
			return;
		}
		if (MigrationRuns.isRefusal(failure)) {
			// nothing ran: there is no revision to fix, only what the reason names
			logger.error("Auto-migrate of '" + name + "' to " + target + " was refused before anything ran: " + reason
					+ "\nThe application will exit with code " + MIGRATION_FAILED_EXIT_CODE
					+ ". Nothing was changed: do what the message says and restart, or set migrations.on-failure=warn "
					+ "to keep the application up.");
		}
		else {
			logger.error("Auto-migrate of '" + name + "' to " + target + " failed: " + reason
					+ "\nThe application will exit with code " + MIGRATION_FAILED_EXIT_CODE
					+ ". Fix the revision and restart, or set migrations.on-failure=warn to keep the application up.");
		}
		logger.debug("Auto-migrate failure", failure);
		this.exit.exit(context, MIGRATION_FAILED_EXIT_CODE);
	}

	private void warnIfBehind(String name, Migrator migrator) {
		MigrationStatus status;
		try {
			status = migrator.status();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the migration status of '" + name + "': " + MigrationRuns.describe(ex));
			return;
		}
		if (!status.unknown().isEmpty()) {
			logger.warn("Database '" + name + "' is at revision(s) " + String.join(", ", status.unknown())
					+ " that this application does not know: it may be older than the database."
					+ " Deploy the code that has these revisions, or stamp the database.");
		}
		if (!status.pending().isEmpty()) {
			logger.warn(pendingWarning(name, status));
		}
		if (status.upToDate()) {
			logger.info("Database '" + name + "' is up to date at " + Migrator.describe(status.current())
					+ " (auto-migrate off)");
		}
	}

	private String pendingWarning(String name, MigrationStatus status) {
		List<String> pending = new ArrayList<>();
		for (RevisionScript revision : status.pending()) {
			pending.add(revision.describe(revision.shortId()));
		}
		String current = Migrator.describe(status.current());
		StringBuilder warning = new StringBuilder("Database '").append(name)
			.append("' is at ")
			.append(current)
			.append(" with ")
			.append(pending.size())
			.append(" pending revision")
			.append((pending.size() == 1) ? "" : "s")
			.append(": ")
			.append(pending.stream().collect(Collectors.joining(", ")))
			.append(". migrations.auto-migrate is off; apply them with `java -jar app.jar migrate upgrade`");
		if (this.properties.getEndpoint().isWriteEnabled()) {
			warning.append(" or POST {\"command\":\"upgrade\",\"target\":\"heads\"} to /actuator/migrations");
		}
		return warning.append('.').toString();
	}

}
