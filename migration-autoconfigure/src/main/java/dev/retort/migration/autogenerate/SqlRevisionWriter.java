package dev.retort.migration.autogenerate;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.SchemaSource;
import dev.retort.migration.dialect.SimulatedSchema;
import dev.retort.migration.dialect.UnknownTableException;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.Operation;

/**
 * Writes a {@link RevisionDraft} as an SQL revision file for one database: the header
 * ({@code -- revision:}, {@code -- revises:}, {@code -- message:}, …,
 * {@code -- dialect:}), then {@code -- +upgrade} and {@code -- +downgrade} with the
 * statements the dialect renders. The upgrade is rendered against the live schema, the
 * downgrade against that schema with the upgrade applied (SQLite's rebuilds restate whole
 * tables). A step's comments become {@code --} lines above its statements.
 */
public final class SqlRevisionWriter {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final int MAX_SLUG = 40;

	private final Dialect dialect;

	public SqlRevisionWriter(Dialect dialect) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
	}

	/**
	 * The file's name: {@code YYYYMMDD_HHMM_<id>_<slug>.<dialect>.sql}, e.g.
	 * {@code 20261121_1200_3f2a9c1b7d4e_add_priority_to_tasks.postgresql.sql}.
	 */
	public String fileName(RevisionDraft draft) {
		String slug = slug(draft.message());
		return FILE_TIME.format(draft.created()) + "_" + draft.id() + (slug.isEmpty() ? "" : "_" + slug) + "."
				+ this.dialect.name() + ".sql";
	}

	/** The message's words in lower case joined by underscores, at most 40 characters. */
	static String slug(String message) {
		String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		StringBuilder slug = new StringBuilder();
		for (String word : ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (word.isEmpty()) {
				continue;
			}
			if (slug.length() + word.length() + 1 > MAX_SLUG) {
				break;
			}
			if (!slug.isEmpty()) {
				slug.append('_');
			}
			slug.append(word);
		}
		return slug.toString();
	}

	/**
	 * The file's text.
	 * @param draft the revision
	 * @param live the database as it is now, before the upgrade
	 */
	public String write(RevisionDraft draft, SchemaSource live) {
		StringBuilder text = new StringBuilder();
		header(text, "revision", draft.id());
		header(text, "revises", String.join(", ", draft.revises()));
		if (!draft.message().isEmpty()) {
			header(text, "message", oneLine(draft.message()));
		}
		if (!draft.branchLabels().isEmpty()) {
			header(text, "branch-labels", String.join(", ", draft.branchLabels()));
		}
		if (!draft.dependsOn().isEmpty()) {
			header(text, "depends-on", String.join(", ", draft.dependsOn()));
		}
		header(text, "created", draft.created().toString());
		if (operations(draft.upgrade()).stream().anyMatch(Operation::requiresNoTransaction)
				|| operations(draft.downgrade()).stream().anyMatch(Operation::requiresNoTransaction)) {
			header(text, "transactional", "false");
		}
		header(text, "dialect", this.dialect.name());
		text.append("-- +upgrade\n");
		SimulatedSchema schema = new SimulatedSchema(live);
		statements(text, draft.upgrade(), schema);
		Optional<String> irreversible = operations(draft.downgrade()).stream()
			.filter(Irreversible.class::isInstance)
			.map((operation) -> ((Irreversible) operation).reason())
			.findFirst();
		if (irreversible.isPresent()) {
			text.append("-- +downgrade irreversible: ").append(oneLine(irreversible.get())).append('\n');
			return text.toString();
		}
		text.append("-- +downgrade\n");
		statements(text, draft.downgrade(), schema);
		return text.toString();
	}

	private static void header(StringBuilder text, String key, String value) {
		text.append("-- ").append(key).append(':');
		if (!value.isEmpty()) {
			text.append(' ').append(value);
		}
		text.append('\n');
	}

	private static String oneLine(String text) {
		return text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

	private static List<Operation> operations(List<Step> steps) {
		return steps.stream().filter((step) -> !step.isCommentOnly()).map(Step::operation).toList();
	}

	/**
	 * Renders the steps in order, advancing {@code schema} past each. Consecutive steps
	 * without comments render together, so that SQLite rebuilds a table once for them;
	 * there, a commented step on the one table the steps before it change joins them too,
	 * its comment above the rebuild that does them all.
	 */
	private void statements(StringBuilder text, List<Step> steps, SimulatedSchema schema) {
		List<Operation> batch = new ArrayList<>();
		boolean folds = this.dialect.rebuildsTables();
		for (Step step : steps) {
			boolean joins = folds && onlyTableOf(batch, step);
			if (!step.comments().isEmpty()) {
				if (!joins) {
					flush(text, batch, schema);
				}
				comments(text, step);
			}
			if (!step.isCommentOnly()) {
				batch.add(step.operation());
				if (!step.comments().isEmpty() && !folds) {
					flush(text, batch, schema);
				}
			}
		}
		flush(text, batch, schema);
	}

	/** Whether every operation waiting to render changes the table the step changes. */
	private static boolean onlyTableOf(List<Operation> batch, Step step) {
		String table = step.isCommentOnly() ? null : step.operation().table();
		return table != null && !batch.isEmpty()
				&& batch.stream().allMatch((operation) -> table.equalsIgnoreCase(operation.table()));
	}

	private void flush(StringBuilder text, List<Operation> batch, SimulatedSchema schema) {
		if (batch.isEmpty()) {
			return;
		}
		for (String sql : this.dialect.render(batch, schema)) {
			statement(text, sql);
		}
		for (Operation operation : batch) {
			try {
				schema.apply(operation);
			}
			catch (UnknownTableException ex) {
				// a table made by raw SQL, which the simulation cannot see; a later
				// SQLite rebuild of it says so
			}
		}
		batch.clear();
	}

	private static void comments(StringBuilder text, Step step) {
		List<String> lines = new ArrayList<>();
		step.comments().forEach((comment) -> lines.addAll(comment.lines().toList()));
		if (step.isCommentOnly() && !lines.isEmpty() && !lines.get(0).startsWith("TODO")) {
			lines.set(0, "TODO " + lines.get(0));
		}
		for (String line : lines) {
			// a comment that starts with '+' would read as a section marker
			String safe = line.strip().startsWith("+") ? "note: " + line : line;
			text.append(("-- " + safe).strip()).append('\n');
		}
	}

	private static void statement(StringBuilder text, String sql) {
		String statement = sql.strip();
		while (statement.endsWith(";")) {
			statement = statement.substring(0, statement.length() - 1).stripTrailing();
		}
		String lastLine = statement.substring(statement.lastIndexOf('\n') + 1);
		// a trailing line comment would swallow the terminator
		text.append(statement).append(lastLine.contains("--") ? "\n;\n" : ";\n");
	}

}
