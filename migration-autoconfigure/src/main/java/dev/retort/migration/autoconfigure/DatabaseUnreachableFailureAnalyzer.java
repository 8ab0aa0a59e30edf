package dev.retort.migration.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start that failed on a database it could not connect to as what happened and
 * what to do, without the stack trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
		String fix = cause.fix();
		return new FailureAnalysis(cause.problem(), Character.toUpperCase(fix.charAt(0)) + fix.substring(1), cause);
	}

}
