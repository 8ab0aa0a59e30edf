package dev.retort.migration.engine;

import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.operation.OfflineModeException;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.OperationSink;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Records what a migration would do without a connection, to look for irreversible
 * downgrades before anything runs.
 */
final class OfflineRecorder implements OperationSink {

	private final String dialect;

	private final List<Operation> operations = new ArrayList<>();

	OfflineRecorder(String dialect) {
		this.dialect = dialect;
	}

	@Override
	public void accept(Operation operation) {
		this.operations.add(operation);
	}

	@Override
	public JdbcOperations jdbc() {
		throw new OfflineModeException("jdbc() is not available while a downgrade is checked offline");
	}

	@Override
	public String dialect() {
		return this.dialect;
	}

	List<Operation> operations() {
		return this.operations;
	}

}
