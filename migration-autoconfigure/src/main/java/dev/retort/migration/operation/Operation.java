package dev.retort.migration.operation;

/**
 * One schema change, as data. The same operation objects flow everywhere: the
 * {@link Operations} DSL records them, autogenerate produces them, a dialect turns them
 * into SQL, offline mode prints that SQL. Each knows its inverse where one can be
 * computed.
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
		CreateIndex, DropIndex, AddConstraint, DropConstraint, SetTableComment, CreateSequence, DropSequence,
		AlterSequence, Execute, BulkInsert, Irreversible {

	/** The table this operation changes, or {@code null} when it names none. */
	String table();

	/**
	 * The operation that undoes this one.
	 * @throws IrreversibleOperationException when this operation lacks what its inverse
	 * needs (a dropped column without its definition, raw SQL), naming what to supply
	 */
	Operation inverse();

	/**
	 * Whether this operation cannot run inside a transaction (PostgreSQL's
	 * {@code CREATE INDEX CONCURRENTLY}): a revision recording it must be declared
	 * non-transactional.
	 */
	default boolean requiresNoTransaction() {
		return false;
	}

	/** Whether {@link #inverse()} succeeds. */
	default boolean isReversible() {
		try {
			inverse();
			return true;
		}
		catch (IrreversibleOperationException ex) {
			return false;
		}
	}

}
