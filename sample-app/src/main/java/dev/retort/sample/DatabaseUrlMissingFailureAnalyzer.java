package dev.retort.sample;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says which variables the prod profile reads the database from, instead of a start-up
 * stack trace, when {@code DATABASE_URL} is not set.
 */
final class DatabaseUrlMissingFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUrlMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUrlMissingException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"The prod profile reads the database from the environment: set DATABASE_URL (e.g. "
						+ "jdbc:postgresql://127.0.0.1:5432/orchestrator), DATABASE_USERNAME and DATABASE_PASSWORD.",
				cause);
	}

}
