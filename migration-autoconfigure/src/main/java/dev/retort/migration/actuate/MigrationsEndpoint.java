package dev.retort.migration.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.migration.MigrationException;
import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.autoconfigure.MigrationCommands;
import dev.retort.migration.autoconfigure.MigrationRuns;
import dev.retort.migration.engine.MigrationResult;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionSql;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.revision.UnknownAppliedRevisionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/migrations}: where each database stands (read), one revision with the
 * SQL it renders for the database ({@code /{revision}}), and upgrade / downgrade / stamp
 * commands (write, only with {@code migrations.endpoint.write-enabled=true}). When the
 * application has JPA entities, each database also says whether they and its schema agree
 * (drift).
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private static final Log logger = LogFactory.getLog(MigrationsEndpoint.class);

	private static final int STATUS_FORBIDDEN = 403;

	private static final RenderedSql HIDDEN = new RenderedSql(List.of(), null,
			"The SQL is shown as health details are: see management.endpoint.health.show-details and roles.", null);

	private final Map<String, Migrator> migrators;

	private final MigrationRuns runs;

	private final Access access;

	private final MigrationCommands commands;

	private final List<Autogenerator> autogenerators;

	public MigrationsEndpoint(Map<String, Migrator> migrators, MigrationRuns runs, Access access,
			MigrationCommands commands) {
		this(migrators, runs, access, commands, List.of());
	}

	/**
	 * An endpoint that also reports drift for the databases the given
	 * {@link Autogenerator}s compare.
	 */
	public MigrationsEndpoint(Map<String, Migrator> migrators, MigrationRuns runs, Access access,
			MigrationCommands commands, List<Autogenerator> autogenerators) {
		this.migrators = migrators;
		this.runs = runs;
		this.access = access;
		this.commands = commands;
		this.autogenerators = List.copyOf(autogenerators);
	}

	/** Every database's status, keyed by the name of its {@link Migrator} bean. */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<String, DatabaseDescriptor> databases = new LinkedHashMap<>();
		this.migrators.forEach((name, migrator) -> databases.put(name, describe(name, migrator)));
		return new MigrationsDescriptor(databases);
	}

	private DatabaseDescriptor describe(String name, Migrator migrator) {
		LastRun ownRun = this.runs.last(name).map(LastRun::of).orElse(null);
		try {
			MigrationOverview overview = MigrationOverview.of(migrator);
			// a freshly started application has run nothing: the history table still
			// knows whether the last attempt failed, as health does
			LastRun lastRun = (ownRun != null) ? ownRun : LastRun.recorded(overview.lastFailure());
			return new DatabaseDescriptor(overview.dialect(), overview.current(), overview.heads(), overview.upToDate(),
					overview.pending(), overview.unknown(), overview.checksumMismatches(), overview.revisions(),
					entities(migrator), lastRun, null);
		}
		catch (RuntimeException ex) {
			return new DatabaseDescriptor(null, null, null, false, null, null, null, null, null, ownRun,
					"Cannot read the migration status: " + MigrationRuns.describe(ex));
		}
	}

	/**
	 * Whether the application's entities and this database agree; {@code null} when the
	 * application has no entity model for it.
	 */
	private @Nullable EntitiesDescriptor entities(Migrator migrator) {
		for (Autogenerator autogenerator : this.autogenerators) {
			if (autogenerator.migrator() == migrator && autogenerator.hasModel()) {
				try {
					List<String> differences = autogenerator.differences();
					return new EntitiesDescriptor(differences.isEmpty(), differences, null);
				}
				catch (MigrationException ex) {
					return new EntitiesDescriptor(null, List.of(), "Not compared: " + ex.getMessage());
				}
			}
		}
		return null;
	}

	/**
	 * One revision (an id, a unique id prefix or a branch label), with the SQL its
	 * upgrade and downgrade render for each database that has it; 404 when no database's
	 * code has it, 400 for an ambiguous prefix.
	 */
	@ReadOperation
	public WebEndpointResponse<Object> revision(@Selector String revision, SecurityContext securityContext) {
		boolean showSql = this.access.showDetails().isShown(securityContext, this.access.detailRoles());
		Map<String, RevisionDescriptor> found = new LinkedHashMap<>();
		for (Map.Entry<String, Migrator> entry : this.migrators.entrySet()) {
			Migrator migrator = entry.getValue();
			RevisionScript script;
			RevisionGraph graph;
			try {
				graph = migrator.graph();
			}
			catch (RuntimeException ex) {
				// the revisions do not load: the application's fault, not the request's
				return error(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR,
						"Cannot read the revisions of " + entry.getKey() + ": " + MigrationRuns.describe(ex));
			}
			try {
				Optional<RevisionScript> labelled = graph.findBranch(revision);
				if (labelled.isEmpty() && graph.revisions().stream().noneMatch((r) -> r.id().startsWith(revision))) {
					continue;
				}
				script = labelled.orElseGet(() -> graph.get(revision));
			}
			catch (RuntimeException ex) {
				return error(WebEndpointResponse.STATUS_BAD_REQUEST, MigrationRuns.describe(ex));
			}
			found.put(entry.getKey(), describe(migrator, script, showSql));
		}
		if (found.isEmpty()) {
			return error(WebEndpointResponse.STATUS_NOT_FOUND, "No revision '" + revision + "' in "
					+ String.join(", ", this.migrators.keySet()) + ". GET /actuator/migrations lists them.");
		}
		return new WebEndpointResponse<>(new RevisionsDescriptor(found));
	}

	private RevisionDescriptor describe(Migrator migrator, RevisionScript script, boolean showSql) {
		MigrationOverview.RevisionEntry state = null;
		String statusError = null;
		try {
			state = MigrationOverview.of(migrator)
				.revisions()
				.stream()
				.filter((r) -> r.id().equals(script.id()))
				.findFirst()
				.orElse(null);
		}
		catch (RuntimeException ex) {
			statusError = "Cannot read the migration status: " + MigrationRuns.describe(ex);
		}
		return new RevisionDescriptor(script.id(), script.message(), script.parents(),
				new TreeSet<>(script.branchLabels()), script.dependsOn(), script.kind().name().toLowerCase(Locale.ROOT),
				script.source(), script.transactional(), new TreeSet<>(script.dialects()), script.created(), state,
				statusError, migrator.dialect(), showSql ? render(migrator, script, Direction.UPGRADE) : HIDDEN,
				showSql ? render(migrator, script, Direction.DOWNGRADE) : HIDDEN);
	}

	private static RenderedSql render(Migrator migrator, RevisionScript script, Direction direction) {
		RevisionSql sql = RevisionSql.of(migrator, script, direction);
		return new RenderedSql(sql.statements(), sql.irreversible(), sql.note(), sql.error());
	}

	/**
	 * Runs {@code upgrade}, {@code downgrade} or {@code stamp}: 403 unless
	 * {@code migrations.endpoint.write-enabled=true}, 400 for a bad command or target
	 * (nothing changes), 500 when a revision fails (it is rolled back).
	 * @param command upgrade, downgrade or stamp
	 * @param target the target revision; {@code heads} for upgrade when omitted
	 * @param purge for stamp (only): replace the version table's rows
	 * @param migrator the {@link Migrator} bean to use; needed only when there are
	 * several
	 */
	@WriteOperation
	public WebEndpointResponse<Object> run(@Nullable String command, @Nullable String target, @Nullable Boolean purge,
			@Nullable String migrator, SecurityContext securityContext) {
		if (!this.access.writeEnabled()) {
			return error(STATUS_FORBIDDEN,
					"Write operations on /actuator/migrations are disabled. "
							+ "Set migrations.endpoint.write-enabled=true (and secure the endpoint) to allow them, "
							+ "or run `" + commandLine(command, target) + "`.");
		}
		if (!Show.WHEN_AUTHORIZED.isShown(securityContext, this.access.writeRoles())) {
			String who = (securityContext.getPrincipal() != null)
					? "User '" + securityContext.getPrincipal().getName() + "' has none of the roles "
							+ String.join(", ", this.access.writeRoles()) + " that migrations.endpoint.roles allows"
					: "The request is not authenticated";
			return error(STATUS_FORBIDDEN,
					who + ": running migrations over the endpoint needs an authenticated user"
							+ (this.access.writeRoles().isEmpty() ? ""
									: " with one of the roles " + String.join(", ", this.access.writeRoles()))
							+ ". Secure the endpoint (e.g. with Spring Security), or run `"
							+ commandLine(command, target) + "`.");
		}
		String name = migrator;
		if (name == null) {
			if (this.migrators.size() != 1) {
				return error(WebEndpointResponse.STATUS_BAD_REQUEST, "There are several databases; say which with "
						+ "\"migrator\": one of " + String.join(", ", this.migrators.keySet()) + ".");
			}
			name = this.migrators.keySet().iterator().next();
		}
		Migrator chosen = this.migrators.get(name);
		if (chosen == null) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST,
					"No migrator '" + name + "'; use one of " + String.join(", ", this.migrators.keySet()) + ".");
		}
		if (command == null || command.isBlank()) {
			// optional for actuator, so that the answer can say what to send
			return error(WebEndpointResponse.STATUS_BAD_REQUEST,
					"The request names no command. Send {\"command\":\"upgrade\"}, downgrade or stamp, "
							+ "with a \"target\" (upgrade defaults to heads).");
		}
		String lower = command.toLowerCase(Locale.ROOT).strip();
		if (!lower.equals("upgrade") && !lower.equals("downgrade") && !lower.equals("stamp")) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST,
					"Unknown command '" + command + "'. Use upgrade, downgrade or stamp.");
		}
		if (purge != null && !lower.equals("stamp")) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, "Nothing was changed: purge goes with stamp only, "
					+ "and " + lower + " does not take it. Send the request without \"purge\".");
		}
		if (target == null && !lower.equals("upgrade")) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, "The " + lower
					+ " command needs a target, e.g. {\"command\":\"" + lower + "\",\"target\":\"-1\"}.");
		}
		String resolvedTarget = (target != null) ? target : "heads";
		boolean purging = Boolean.TRUE.equals(purge);
		String description = lower + " " + resolvedTarget;
		// who asked, for the application's log: the endpoint runs with the application's
		// own database rights
		String user = (securityContext.getPrincipal() != null) ? securityContext.getPrincipal().getName() : "anonymous";
		String requested = "requested over HTTP by " + user + ((this.migrators.size() > 1) ? " on '" + name + "'" : "");
		logger.info(description + (purging ? " --purge " : " ") + requested);
		try {
			Set<String> current = chosen.current();
			if (lower.equals("upgrade")) {
				chosen.graph().planUpgrade(current, resolvedTarget);
			}
			else if (lower.equals("downgrade")) {
				chosen.graph().planDowngrade(current, resolvedTarget);
			}
			else {
				chosen.graph().stampHeads(current, resolvedTarget, purging);
			}
		}
		catch (UnknownAppliedRevisionException ex) {
			// the database is ahead of the code: the command itself refuses before
			// anything
			// runs, with the message that names the version table and what to do
		}
		catch (RuntimeException ex) {
			return refused(description, requested, ex);
		}
		try {
			String migratorName = name;
			// the history names the user beside the application's own applied-by
			MigrationResult result = chosen.onBehalfOf(user + " over HTTP", () -> switch (lower) {
				case "upgrade" -> this.commands.upgrade(migratorName, chosen, resolvedTarget, false, (backup) -> {
				}).result();
				case "downgrade" -> this.commands.downgrade(migratorName, chosen, resolvedTarget, false);
				default -> this.commands.stamp(migratorName, chosen, resolvedTarget, purging);
			});
			List<String> steps = new ArrayList<>();
			for (MigrationPlan.Step step : result.steps()) {
				steps.add(step.direction().label() + " " + step.revision().id() + " " + step.revision().message());
			}
			logger.info(description + " " + requested + " finished: " + steps.size() + " step(s); the database is at "
					+ (result.current().isEmpty() ? "base" : String.join(", ", new TreeSet<>(result.current()))) + ".");
			return new WebEndpointResponse<>(new CommandDescriptor(name, description, steps,
					result.totalDuration().toMillis(), new TreeSet<>(result.current())));
		}
		catch (RuntimeException ex) {
			if (MigrationRuns.isRefusal(ex)) {
				return refused(description, requested, ex);
			}
			String failure = description + " failed: " + MigrationRuns.describe(ex);
			logger.error(failure + " (" + requested + ")", ex);
			return error(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR, failure);
		}
	}

	private static WebEndpointResponse<Object> refused(String description, String requested, RuntimeException ex) {
		String refusal = "Nothing was changed: " + MigrationRuns.describe(ex);
		logger.info(description + " " + requested + " was refused. " + refusal);
		return error(WebEndpointResponse.STATUS_BAD_REQUEST, refusal);
	}

	private static WebEndpointResponse<Object> error(int status, String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(status, message), status);
	}

	/**
	 * Who may do what over the endpoint.
	 *
	 * @param writeEnabled whether commands run at all
	 * ({@code migrations.endpoint.write-enabled})
	 * @param writeRoles the roles allowed to run them
	 * ({@code migrations.endpoint.roles}); empty for any authenticated user
	 * @param showDetails when the revision view shows SQL
	 * ({@code management.endpoint.health.show-details})
	 * @param detailRoles the roles that see it when authorized
	 * ({@code management.endpoint.health.roles})
	 */
	public record Access(boolean writeEnabled, Set<String> writeRoles, Show showDetails, Set<String> detailRoles) {

		public Access {
			writeRoles = Set.copyOf(writeRoles);
			detailRoles = Set.copyOf(detailRoles);
		}

	}

	/** The read response: one entry per {@link Migrator} bean. */
	public record MigrationsDescriptor(Map<String, DatabaseDescriptor> migrators) {

	}

	/**
	 * Where one database stands.
	 *
	 * @param dialect the database's dialect
	 * @param current the version-table rows
	 * @param heads the code's heads
	 * @param upToDate whether the database is at heads
	 * @param pending revisions an upgrade to heads applies, in order
	 * @param unknown revisions in the database unknown to the code
	 * @param checksumMismatches applied revisions edited after they ran
	 * @param revisions every revision with its state
	 * @param entities whether the application's entities and the schema agree, or
	 * {@code null} when the application has none
	 * @param lastRun the last run this application made; when it made none, the failed
	 * last attempt the history table records; otherwise {@code null}
	 * @param error why the status could not be read, or {@code null}
	 */
	public record DatabaseDescriptor(String dialect, Set<String> current, Set<String> heads, boolean upToDate,
			List<String> pending, Set<String> unknown, Set<String> checksumMismatches,
			List<MigrationOverview.RevisionEntry> revisions, EntitiesDescriptor entities, LastRun lastRun,
			String error) {

	}

	/**
	 * The last run on a database: this application's own, or the failed last attempt the
	 * history table records (an earlier process's).
	 *
	 * @param command what ran ({@code upgrade heads}); for an attempt read from the
	 * history table, its step ({@code upgrade of bbbb00000002})
	 * @param success whether it succeeded
	 * @param refused whether it was refused before anything ran, leaving the database as
	 * it was
	 * @param error why it failed, or {@code null}
	 * @param finishedAt when it finished
	 * @param revision the revision that failed, for an attempt read from the history
	 * table; otherwise {@code null}
	 * @param fromHistory whether it was read from the history table rather than run by
	 * this application
	 */
	public record LastRun(String command, boolean success, boolean refused, String error, Instant finishedAt,
			String revision, boolean fromHistory) {

		static LastRun of(MigrationRuns.Run run) {
			return new LastRun(run.command(), run.success(), run.refused(), run.error(), run.finishedAt(), null, false);
		}

		static @Nullable LastRun recorded(MigrationOverview.@Nullable FailedStep failure) {
			return (failure != null) ? new LastRun(failure.direction() + " of " + failure.revision(), false, false,
					failure.error(), failure.failedAt(), failure.revision(), true) : null;
		}

	}

	/**
	 * Drift: whether the application's JPA entities and the database's schema agree, as
	 * {@code migrate check} compares them.
	 *
	 * @param matches whether they agree; {@code null} when they could not be compared
	 * @param differences what it would take to bring the database to the entities, one
	 * line each (empty when they agree); some may go with pending revisions
	 * @param error why they could not be compared, or {@code null}
	 */
	public record EntitiesDescriptor(Boolean matches, List<String> differences, String error) {

	}

	/** The {@code /{revision}} response: one entry per {@link Migrator} that has it. */
	public record RevisionsDescriptor(Map<String, RevisionDescriptor> migrators) {

	}

	/**
	 * One revision in detail.
	 *
	 * @param id the id
	 * @param message what it does
	 * @param parents the revisions it revises
	 * @param branchLabels its labels
	 * @param dependsOn revisions it depends on
	 * @param kind java or sql
	 * @param source where it came from
	 * @param transactional whether it runs in one transaction
	 * @param dialects the dialects it is limited to; empty for all
	 * @param created when it was created
	 * @param database its state in the database
	 * @param databaseError why the state could not be read, or {@code null}
	 * @param dialect the dialect the SQL is rendered for
	 * @param upgrade the upgrade's SQL
	 * @param downgrade the downgrade's SQL
	 */
	public record RevisionDescriptor(String id, String message, List<String> parents, Set<String> branchLabels,
			List<String> dependsOn, String kind, String source, boolean transactional, Set<String> dialects,
			Instant created, MigrationOverview.RevisionEntry database, String databaseError, String dialect,
			RenderedSql upgrade, RenderedSql downgrade) {

	}

	/**
	 * SQL rendered offline for one direction.
	 *
	 * @param sql the statements, in order
	 * @param irreversible why this direction cannot run, or {@code null}
	 * @param note what the SQL does not show (data migrations through {@code jdbc()})
	 * @param error why it could not be rendered, or {@code null}
	 */
	public record RenderedSql(List<String> sql, String irreversible, String note, String error) {

	}

	/**
	 * What a write command did.
	 *
	 * @param migrator the migrator it ran on
	 * @param command the command and target
	 * @param steps the steps that ran
	 * @param durationMs how long they took
	 * @param current the version-table rows afterwards
	 */
	public record CommandDescriptor(String migrator, String command, List<String> steps, long durationMs,
			Set<String> current) {

	}

	/**
	 * An error answer: no stack trace, just what went wrong and what to do.
	 *
	 * @param status the HTTP status
	 * @param error the message
	 */
	public record ErrorDescriptor(int status, String error) {

	}

	/** The command-line equivalent of a refused write, for the error message. */
	private static String commandLine(@Nullable String command, @Nullable String target) {
		if (command == null || !List.of("upgrade", "downgrade", "stamp").contains(command)) {
			return "java -jar app.jar migrate --help";
		}
		String argument = (target != null) ? " " + target : (command.equals("upgrade") ? "" : " TARGET");
		return "java -jar app.jar migrate " + command + argument;
	}

}
