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
 * database: for checksums, offline scripts and the SQL a revision shows. Recording stops
 * where the migration asks for live JDBC access, or where its code throws.
 *
 * @param operations the operations, in order
 * @param stoppedAt why recording stopped early ({@code "jdbc()"}, or the class of the
 * exception the migration threw), or {@code null} when the whole direction was recorded
 * @param failure the exception the migration threw, or {@code null}
 */
public record RecordedOperations(List<Operation> operations, String stoppedAt, RuntimeException failure) {

	private static final String JDBC = "jdbc()";

	public RecordedOperations {
		operations = List.copyOf(operations);
	}

	/** Records one direction of a revision as it would run on the named dialect. */
	public static RecordedOperations of(RevisionScript revision, Direction direction, String dialect) {
		return record(revision.migration(), dialect, direction != Direction.DOWNGRADE);
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
			return new RecordedOperations(operations, null, null);
		}
		catch (OfflineModeException ex) {
			return new RecordedOperations(operations, JDBC, null);
		}
		catch (RuntimeException ex) {
			// User code run offline may trip over that; what it recorded still counts.
			return new RecordedOperations(operations, ex.getClass().getName(), ex);
		}
	}

	/** Whether recording stopped at a data migration through {@code op.jdbc()}. */
	public boolean usesJdbc() {
		return JDBC.equals(this.stoppedAt);
	}

	/** The reason of the first {@link Irreversible} operation, if any. */
	public Optional<String> irreversibleReason() {
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

		@Override
		public boolean offline() {
			return true;
		}

	}

}
