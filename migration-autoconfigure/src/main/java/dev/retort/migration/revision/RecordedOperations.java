package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.OfflineModeException;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.OperationSink;
import dev.retort.migration.operation.Operations;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The operations a migration records in one direction when run offline, without a
 * database. Recording stops where the migration asks for live JDBC access.
 *
 * @param operations the operations, in order
 * @param stoppedAt why recording stopped early ({@code "jdbc()"}, or the exception a
 * migration threw), or {@code null} when the whole direction was recorded
 */
record RecordedOperations(List<Operation> operations, String stoppedAt) {

	RecordedOperations {
		operations = List.copyOf(operations);
	}

	static RecordedOperations upgrade(Migration migration, String dialect) {
		return record(migration, dialect, true);
	}

	static RecordedOperations downgrade(Migration migration, String dialect) {
		return record(migration, dialect, false);
	}

	private static RecordedOperations record(Migration migration, String dialect, boolean upgrade) {
		List<Operation> operations = new ArrayList<>();
		Operations op = new Operations(new Recorder(operations, dialect));
		try {
			if (upgrade) {
				migration.upgrade(op);
			}
			else {
				migration.downgrade(op);
			}
			return new RecordedOperations(operations, null);
		}
		catch (OfflineModeException ex) {
			return new RecordedOperations(operations, "jdbc()");
		}
		catch (RuntimeException ex) {
			// User code run offline may trip over that; what it recorded still counts.
			return new RecordedOperations(operations, ex.getClass().getName());
		}
	}

	/** The reason of the first {@link Irreversible} operation, if any. */
	Optional<String> irreversibleReason() {
		return this.operations.stream()
			.filter(Irreversible.class::isInstance)
			.map((operation) -> ((Irreversible) operation).reason())
			.findFirst();
	}

	private record Recorder(List<Operation> operations, String dialect) implements OperationSink {

		@Override
		public void accept(Operation operation) {
			this.operations.add(operation);
		}

		@Override
		public JdbcOperations jdbc() {
			throw new OfflineModeException(
					"This migration uses jdbc(), which needs a live database; it cannot be recorded offline.");
		}

	}

}
