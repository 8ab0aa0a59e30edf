package dev.retort.migration.operation;

import dev.retort.migration.MigrationException;

/**
 * A revision that runs in a transaction records an operation that cannot run inside one
 * (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}), or a statement that would end or
 * start one ({@code COMMIT}, {@code BEGIN}).
 */
public class NonTransactionalOperationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public NonTransactionalOperationException(String message) {
		super(message);
	}

	/**
	 * Fails when a transactional revision records an operation that
	 * {@linkplain Operation#requiresNoTransaction() cannot run in a transaction}.
	 * @param revision the revision, as named in the message
	 * @param source where it is defined
	 * @param transactional whether the revision runs in a transaction
	 * @param operations what it records
	 */
	public static void check(String revision, String source, boolean transactional, Iterable<Operation> operations) {
		if (!transactional) {
			return;
		}
		for (Operation operation : operations) {
			if (operation instanceof Execute execute && execute.controlsTransaction()) {
				throw controlsTransaction(revision, source, "runs '" + Execute.abbreviate(execute.sql()) + "'");
			}
			if (operation.requiresNoTransaction()) {
				throw new NonTransactionalOperationException("Revision " + revision + " in " + source + " records "
						+ operation + ", which cannot run inside a transaction. Declare the revision "
						+ "non-transactional (@Revision(transactional = false), or '-- transactional: false' in SQL) "
						+ "and keep that operation in a revision of its own.");
			}
		}
	}

	/**
	 * The error for a transactional revision that ends or starts a transaction of its
	 * own.
	 * @param revision the revision, as named in the message
	 * @param source where it is defined
	 * @param what what it does ({@code "runs 'COMMIT'"}, {@code "calls commit() on the
	 * connection of op.jdbc()"})
	 */
	public static NonTransactionalOperationException controlsTransaction(String revision, String source, String what) {
		return new NonTransactionalOperationException("Revision " + revision + " in " + source + " " + what
				+ ", which ends or starts a transaction, but every revision runs in a transaction of its own, "
				+ "which Retort commits together with the version and history rows. Remove the statement, or "
				+ "declare the revision non-transactional (@Revision(transactional = false), or "
				+ "'-- transactional: false' in SQL) if it must control its transactions itself.");
	}

}
