package dev.retort.migration.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.SimulatedSchema;
import dev.retort.migration.dialect.UnknownTableException;
import dev.retort.migration.dialect.VersionCheckMessage;
import dev.retort.migration.dialect.VersionTables;
import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.NonTransactionalOperationException;
import dev.retort.migration.operation.OfflineModeException;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.InvalidTargetException;
import dev.retort.migration.revision.MigrationPlan;
import dev.retort.migration.revision.RecordedOperations;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;

/**
 * Offline mode: the SQL that moves a database across a range of revisions
 * ({@code base:heads}, {@code a1b2c3:heads}, {@code heads:base} for a downgrade),
 * rendered for a named dialect without a connection, as a script a DBA reviews and runs
 * ({@code psql -v ON_ERROR_STOP=1 -f script.sql},
 * {@code sqlite3 -bail app.db < script.sql}). A script first stops, changing nothing,
 * unless the database's version table holds exactly the revisions it starts from; then
 * each revision runs in its own transaction together with its version-table and history
 * rows, as online. Tables are tracked by simulating the operations, so SQLite's rebuilds
 * can restate them; tables created by raw SQL are invisible to that simulation.
 */
public final class OfflineScript {

	private final RevisionGraph graph;

	private final Dialect dialect;

	private final VersionTables tables;

	private final String appliedBy;

	public OfflineScript(RevisionGraph graph, Dialect dialect, MigratorConfig config) {
		this.graph = graph;
		this.dialect = dialect;
		this.tables = new VersionTables(dialect, config.versionTable(), config.historyTable());
		this.appliedBy = config.appliedBy() + " (offline script)";
	}

	/**
	 * The script that upgrades across {@code range} ({@code from:to}; a bare target means
	 * {@code base:target}). Starting from {@code base} it creates the version and history
	 * tables first. It stops before anything changes unless the database is at
	 * {@code from}.
	 */
	public String upgrade(String range) {
		String[] ends = split(range, "base");
		Set<String> from = heads(ends[0]);
		MigrationPlan plan = this.graph.planUpgrade(from, ends[1]);
		return script(Direction.UPGRADE, range, from, ends[1], plan);
	}

	/**
	 * The script that downgrades across {@code range} ({@code from:to}, e.g.
	 * {@code heads:base}). It stops before anything changes unless the database is at
	 * {@code from}.
	 */
	public String downgrade(String range) {
		if (!range.contains(":")) {
			throw new InvalidTargetException(
					"An offline downgrade needs the revisions it starts from: write the range as "
							+ "from:to, e.g. heads:base or heads:" + range + ".");
		}
		String[] ends = split(range, "heads");
		Set<String> from = heads(ends[0]);
		MigrationPlan plan = this.graph.planDowngrade(from, ends[1], this.dialect.name());
		return script(Direction.DOWNGRADE, range, from, ends[1], plan);
	}

	/**
	 * The statements one revision runs in one direction, without bookkeeping, rendered
	 * against the schema its ancestors leave (for {@code show} and the actuator's
	 * revision view).
	 */
	public List<String> statements(String revisionId, Direction direction) {
		RevisionScript revision = this.graph.get(revisionId);
		if (!revision.appliesTo(this.dialect.name())) {
			return List.of();
		}
		Set<String> before = new LinkedHashSet<>(revision.parents());
		if (direction == Direction.DOWNGRADE) {
			before = Set.of(revision.id());
		}
		return this.dialect.render(record(revision, direction), schemaAt(before));
	}

	/**
	 * The rendered statements, each that an SQL revision's statement rendered (as
	 * written) preceded by the comments written above it in the file.
	 */
	private static List<String> withComments(List<String> rendered, List<Operation> operations) {
		Iterator<Execute> commented = operations.stream()
			.filter(Execute.class::isInstance)
			.map(Execute.class::cast)
			.filter((execute) -> execute.comment() != null)
			.iterator();
		if (!commented.hasNext()) {
			return rendered;
		}
		List<String> statements = new ArrayList<>(rendered.size());
		Execute next = commented.next();
		for (String sql : rendered) {
			if (next != null && sql.equals(next.sql())) {
				statements.add(next.comment() + "\n" + sql);
				next = commented.hasNext() ? commented.next() : null;
			}
			else {
				statements.add(sql);
			}
		}
		return statements;
	}

	private String script(Direction direction, String range, Set<String> from, String to, MigrationPlan plan) {
		SimulatedSchema schema = schemaAt(from);
		StringBuilder script = new StringBuilder();
		script.append("-- Retort ")
			.append(direction.label())
			.append(' ')
			.append(range)
			.append(" for ")
			.append(this.dialect.name())
			.append(", rendered offline.\n");
		script.append("-- Run with: ").append(this.dialect.scriptCommand()).append("\n");
		if (from.isEmpty()) {
			block(script, "Create the version and history tables", this.tables.createStatements(), true);
		}
		// checked once: from there each step moves the version table as the plan says
		WrongStart wrongStart = new WrongStart(direction, ids(from), to, this.tables.versionTable());
		block(script, "Stop unless the database is at " + wrongStart.from() + ", before anything changes",
				this.tables.checkVersionsStatements(from, wrongStart), false);
		if (plan.steps().isEmpty()) {
			// an empty script that says nothing reads as a failure to render one
			script.append("\n-- Nothing to ")
				.append(direction.label())
				.append(": no revision lies in ")
				.append(range)
				.append(".\n");
		}
		for (MigrationPlan.Step step : plan.steps()) {
			RevisionScript revision = step.revision();
			List<String> statements = new ArrayList<>();
			if (revision.appliesTo(this.dialect.name())) {
				List<Operation> operations = record(revision, step.direction());
				NonTransactionalOperationException.check(revision.toString(), revision.source(),
						revision.transactional(), operations);
				statements.addAll(withComments(this.dialect.render(operations, schema), operations));
				simulate(schema, operations);
			}
			List<String> bookkeeping = new ArrayList<>(
					this.tables.moveVersionsStatements(step.headsBefore(), step.headsAfter()));
			bookkeeping.add(this.tables.historyStatement(revision.id(), step.direction().label(),
					revision.checksum(this.dialect.name()), this.appliedBy, revision.message()));
			String title = ((step.direction() == Direction.UPGRADE) ? "Upgrade " : "Downgrade ") + revision.id() + ": "
					+ revision.message() + " (" + revision.source() + ")";
			if (revision.transactional()) {
				statements.addAll(bookkeeping);
				block(script, title, statements, true);
			}
			else {
				block(script, title + ", outside a transaction (transactional = false)", statements, false);
				block(script, "Record " + revision.id(), bookkeeping, true);
			}
		}
		return script.toString();
	}

	private void block(StringBuilder script, String title, List<String> statements, boolean transaction) {
		script.append("\n-- ").append(title.replace("\n", " ")).append('\n');
		if (transaction) {
			this.dialect.beforeTransaction().forEach((sql) -> statement(script, sql));
			statement(script, this.dialect.beginTransaction());
		}
		statements.forEach((sql) -> statement(script, sql));
		if (transaction) {
			statement(script, this.dialect.commitTransaction());
			this.dialect.afterTransaction().forEach((sql) -> statement(script, sql));
		}
	}

	private static void statement(StringBuilder script, String sql) {
		String text = sql.strip();
		while (text.endsWith(";")) {
			text = text.substring(0, text.length() - 1).stripTrailing();
		}
		String lastLine = text.substring(text.lastIndexOf('\n') + 1);
		// a trailing line comment would swallow the terminator
		script.append(text).append(lastLine.contains("--") ? "\n;\n" : ";\n");
	}

	/**
	 * The schema after upgrading from base to {@code heads}, as far as operations tell.
	 */
	private SimulatedSchema schemaAt(Set<String> heads) {
		SimulatedSchema schema = new SimulatedSchema();
		if (heads.isEmpty()) {
			return schema;
		}
		Set<String> current = Set.of();
		for (String head : heads) {
			MigrationPlan plan = this.graph.planUpgrade(current, head);
			for (MigrationPlan.Step step : plan.steps()) {
				if (step.revision().appliesTo(this.dialect.name())) {
					// best effort, like tables made by raw SQL: a data migration's schema
					// changes count up to its jdbc() call
					simulate(schema, RecordedOperations.of(step.revision(), Direction.UPGRADE, this.dialect.name())
						.operations());
				}
			}
			current = plan.headsAfter();
		}
		return schema;
	}

	private static void simulate(SimulatedSchema schema, List<Operation> operations) {
		for (Operation operation : operations) {
			try {
				schema.apply(operation);
			}
			catch (UnknownTableException ex) {
				// a table made by raw SQL; a later rebuild of it says so by name
			}
		}
	}

	private List<Operation> record(RevisionScript revision, Direction direction) {
		RecordedOperations recorded = RecordedOperations.of(revision, direction, this.dialect.name());
		if (recorded.usesJdbc()) {
			throw new OfflineModeException("Revision " + revision + " in " + revision.source()
					+ " migrates data through op.jdbc(), which needs a live database, so it cannot be rendered "
					+ "offline. Run it online (migrate upgrade), render the range up to the revision before it, or "
					+ "write the change as SQL for scripts: if (op.isOffline()) { op.execute(\"UPDATE …\"); } "
					+ "else { op.jdbc()… }.");
		}
		if (recorded.failure() != null) {
			throw recorded.failure();
		}
		return recorded.operations();
	}

	private Set<String> heads(String target) {
		if (target.equals("base")) {
			return Set.of();
		}
		return this.graph.resolve(target, Set.of());
	}

	private static String ids(Set<String> ids) {
		return ids.isEmpty() ? "base" : String.join(", ", new TreeSet<>(ids));
	}

	private static String[] split(String range, String defaultFrom) {
		int colon = range.indexOf(':');
		if (colon < 0) {
			return new String[] { defaultFrom, range.strip() };
		}
		return new String[] { range.substring(0, colon).strip(), range.substring(colon + 1).strip() };
	}

	/**
	 * What a script says when the database is not at the revisions it starts from: what
	 * it expected, that nothing was changed, and the script to generate instead.
	 *
	 * @param direction the script's direction
	 * @param from the revisions it starts from ({@code a1, b2}, or {@code base})
	 * @param to the range's upper end as written
	 * @param versionTable the version table it reads
	 */
	private record WrongStart(Direction direction, String from, String to,
			String versionTable) implements VersionCheckMessage {

		@Override
		public String error(String current) {
			String script = "This script " + this.direction.label() + "s from " + this.from + ", but ";
			if (current != null) {
				return script + "the database is at " + current + ". Nothing was changed.";
			}
			return script + "the database is not there: its version table " + this.versionTable
					+ (this.from.equals("base") ? " holds revisions" : " does not hold exactly " + this.from)
					+ ". Nothing was changed.";
		}

		@Override
		public String hint(String currentRange) {
			String command = "migrate " + this.direction.label() + " ";
			return "Generate the script from the revision the database is at: `" + command + this.to
					+ " --sql` with the application pointed at this database, or `" + command
					+ ((currentRange != null) ? currentRange + ":" + this.to + " --sql`."
							: "FROM:" + this.to + " --sql`, FROM being what `migrate current` shows for it.");
		}

	}

}
