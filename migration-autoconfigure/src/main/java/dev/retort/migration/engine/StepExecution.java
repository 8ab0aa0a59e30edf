package dev.retort.migration.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.retort.migration.MigrationException;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.VersionTables.HistoryRecord;
import dev.retort.migration.engine.OnlineOperationSink.StatementFailure;
import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Direction;
import dev.retort.migration.revision.MigrationPlan.Step;
import dev.retort.migration.revision.RevisionScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Runs one step of a plan: the revision and its version and history rows in one
 * transaction, or, when it fails, the rollback, the failed history row and a message that
 * says what happened and what to do.
 */
final class StepExecution {

	/**
	 * SQL state {@code 25001}: PostgreSQL's "cannot run inside a transaction block"
	 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}).
	 */
	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private static final int MAX_STATEMENT = 300;

	/** Who the history records as applying the steps. */
	private final String appliedBy;

	private final List<MigrationListener> listeners;

	StepExecution(String appliedBy, List<MigrationListener> listeners) {
		this.appliedBy = appliedBy;
		this.listeners = listeners;
	}

	/**
	 * Runs a step's revision and its bookkeeping in the session's open transaction.
	 * @param versionsMoved the version table was already moved in this transaction
	 * @param dryRun leave the transaction open for the caller to roll back
	 */
	Duration run(MigrationSession session, Step step, int index, int total, boolean dryRun, boolean versionsMoved) {
		RevisionScript revision = step.revision();
		Dialect dialect = session.dialect();
		boolean transactional = revision.transactional() || dryRun;
		this.listeners.forEach((listener) -> listener.beforeStep(step, index, total));
		long started = System.nanoTime();
		String checksum = checksum(revision, dialect);
		OnlineOperationSink sink = new OnlineOperationSink(session.connection(), dialect, revision);
		try {
			if (!transactional) {
				// the step's statements must run outside a transaction; bookkeeping
				// follows in one
				session.commit();
			}
			if (revision.appliesTo(dialect.name())) {
				Operations operations = new Operations(sink);
				if (step.direction() == Direction.DOWNGRADE) {
					revision.migration().downgrade(operations);
				}
				else {
					revision.migration().upgrade(operations);
				}
				sink.flush();
			}
			if (!transactional) {
				session.begin();
			}
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
			if (!versionsMoved) {
				session.moveVersions(step.headsBefore(), step.headsAfter(),
						step.direction().label() + " " + revision.id());
			}
			session.tables()
				.recordHistory(session.connection(), List.of(new HistoryRecord(revision.id(), step.direction().label(),
						checksum, Instant.now(), duration.toMillis(), this.appliedBy, true, revision.message(), null)));
			if (!dryRun) {
				session.commit();
			}
			logStep(step, index, total, duration, step.dialectNote(dialect.name()));
			this.listeners.forEach((listener) -> listener.afterStep(step, index, total, duration));
			return duration;
		}
		catch (ConcurrentMigrationException ex) {
			session.rollbackAfter(ex);
			throw ex;
		}
		catch (VirtualMachineError ex) {
			// nothing more may work: the session's close rolls back and releases the lock
			throw ex;
		}
		catch (Exception | Error ex) {
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
			MigrationFailedException failure = failure(step, dialect, ex, transactional, dryRun);
			if (!dryRun) {
				session.rollbackAfter(failure);
				recordFailure(session, step, checksum, duration, failure);
			}
			logger.warn("{} failed and was rolled back", step.describe(index, total));
			this.listeners.forEach((listener) -> listener.stepFailed(step, index, total, failure));
			throw failure;
		}
	}

	private void recordFailure(MigrationSession session, Step step, String checksum, Duration duration,
			MigrationFailedException failure) {
		RevisionScript revision = step.revision();
		try {
			session.begin();
			session.tables()
				.recordHistory(session.connection(),
						List.of(new HistoryRecord(revision.id(), step.direction().label(), checksum, Instant.now(),
								duration.toMillis(), this.appliedBy, false, revision.message(), failure.getMessage())));
			session.commit();
		}
		catch (SQLException | RuntimeException ex) {
			session.rollbackAfter(ex);
			logger.warn("Could not record the failure of revision {} in the history table: {}", revision.id(),
					ex.getMessage());
		}
	}

	static String checksum(RevisionScript revision, Dialect dialect) {
		try {
			return revision.checksum(dialect.name());
		}
		catch (MigrationException | UnsupportedOperationException ex) {
			logger.debug("No checksum for revision {}: {}", revision.id(), ex.getMessage());
			return null;
		}
	}

	private static MigrationFailedException failure(Step step, Dialect dialect, Throwable ex, boolean transactional,
			boolean dryRun) {
		RevisionScript revision = step.revision();
		String statement = null;
		Throwable cause = ex;
		if (ex instanceof StatementFailure statementFailure) {
			statement = statementFailure.statement();
			cause = statementFailure.getCause();
		}
		else if (ex instanceof BadSqlGrammarException grammar) {
			statement = grammar.getSql();
		}
		else if (ex instanceof UncategorizedSQLException uncategorized) {
			statement = uncategorized.getSql();
		}
		String verb = step.direction().label();
		String name = capitalize(verb) + " of revision " + revision;
		StringBuilder message = new StringBuilder(name);
		if (dryRun) {
			message.append(" failed in a dry run; everything was rolled back.");
		}
		else if (transactional) {
			message.append(" failed and was rolled back; the database stays at ")
				.append(Migrator.describe(step.headsBefore()))
				.append('.');
		}
		else {
			message.append(" failed outside a transaction (transactional = false), so it may be partly applied;")
				.append(" the version table still shows ")
				.append(Migrator.describe(step.headsBefore()))
				.append('.');
		}
		message.append("\n  source: ").append(revision.sourceOf(statement, step.direction(), dialect.name()));
		if (statement != null) {
			message.append("\n  statement: ").append(abbreviate(statement));
		}
		String error = errorText(cause);
		message.append(MigrationFailedException.ERROR_LINE).append(error);
		String explanation = dialect.explainFailure(statement, error);
		if (explanation != null) {
			message.append('\n').append(explanation);
		}
		if (transactional && ACTIVE_SQL_TRANSACTION.equals(sqlState(cause))) {
			message.append("\nThe statement cannot run inside a transaction: declare the revision non-transactional ")
				.append("(@Revision(transactional = false), or '-- transactional: false' in SQL) and keep that ")
				.append("statement in a revision of its own.");
		}
		if (dryRun) {
			message.append("\nFix the revision and try again.");
		}
		else if (transactional) {
			message
				.append((step.direction() == Direction.DOWNGRADE)
						? "\nRevisions this run downgraded before it stay downgraded."
						: "\nEarlier revisions of this run stay applied.")
				.append(" Fix the revision (or the data it trips on) and run the ")
				.append(verb)
				.append(" again.");
		}
		else {
			message.append("\nCheck which of its statements took effect and undo or finish them by hand; then fix ")
				.append("the revision and run again, or, if its work is complete, record it with `stamp ")
				.append(revision.id())
				.append("`.");
		}
		return new MigrationFailedException(message.toString(), revision.id(), step.direction(), statement, cause);
	}

	/** The SQL state of the first {@link SQLException} in the chain, or {@code null}. */
	private static String sqlState(Throwable cause) {
		for (Throwable current = cause; current != null; current = current.getCause()) {
			if (current instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static String errorText(Throwable cause) {
		Throwable current = cause;
		while (current != null) {
			if (current instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? " (SQL state " + sql.getSQLState() + ")" : "";
				return String.valueOf(sql.getMessage()).strip() + state;
			}
			current = current.getCause();
		}
		if (cause instanceof MigrationException) {
			// Retort's own, written to be read as it is (an operation on a column the
			// table does not have): its class name would only say less
			return cause.getMessage();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private static void logStep(Step step, int index, int total, Duration duration, String note) {
		if (logger.isInfoEnabled()) {
			logger.info("{} ({} ms){}", step.describe(index, total), duration.toMillis(), note);
		}
	}

	private static String abbreviate(String statement) {
		String line = statement.strip().replaceAll("\\s+", " ");
		return (line.length() > MAX_STATEMENT) ? line.substring(0, MAX_STATEMENT - 3) + "..." : line;
	}

	private static String capitalize(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
