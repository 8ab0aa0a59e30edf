package dev.retort.migration.operation;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Where the {@link Operations} DSL sends what a migration asks for: the engine runs it
 * against a connection, offline mode renders it, checksums record it.
 */
public interface OperationSink {

	/** Accepts the next operation, in the order the migration wrote it. */
	void accept(Operation operation);

	/**
	 * Live JDBC access on the migration's connection and transaction, for data
	 * migrations. Operations accepted so far are carried out first.
	 * @throws UnsupportedOperationException (as a {@link OfflineModeException}) where
	 * there is no connection
	 */
	JdbcOperations jdbc();

	/**
	 * The name of the dialect the migration runs against ({@code "postgresql"},
	 * {@code "sqlite"}).
	 */
	String dialect();

	/**
	 * Whether the operations are recorded rather than run: for an offline script
	 * ({@code --sql}), a checksum, or the SQL a revision shows; there {@link #jdbc()}
	 * throws. Sinks that run against a connection keep this default.
	 * @return {@code true} where there is no connection
	 */
	default boolean offline() {
		return false;
	}

}
