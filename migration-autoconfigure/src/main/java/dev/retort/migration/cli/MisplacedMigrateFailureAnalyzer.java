package dev.retort.migration.cli;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a run refused for a misplaced {@code migrate} as what happened and what to do,
 * without the stack trace.
 */
class MisplacedMigrateFailureAnalyzer extends AbstractFailureAnalyzer<MisplacedMigrateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MisplacedMigrateException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
	}

}
