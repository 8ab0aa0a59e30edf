package dev.retort.migration.revision;

import java.util.List;

import dev.retort.migration.operation.Operations;

/**
 * What an SQL revision file does: its statements, run one {@code execute} each.
 */
final class SqlMigration implements Migration {

	private final String source;

	private final List<SqlStatements.Statement> upgrade;

	private final List<SqlStatements.Statement> downgrade;

	private final String irreversibleReason;

	/**
	 * @param source the file, for messages
	 * @param upgrade the upgrade statements
	 * @param downgrade the downgrade statements, or {@code null} when irreversible
	 * @param irreversibleReason why the downgrade cannot run, or {@code null}
	 */
	SqlMigration(String source, List<SqlStatements.Statement> upgrade, List<SqlStatements.Statement> downgrade,
			String irreversibleReason) {
		this.source = source;
		this.upgrade = List.copyOf(upgrade);
		this.downgrade = (downgrade != null) ? List.copyOf(downgrade) : null;
		this.irreversibleReason = irreversibleReason;
	}

	@Override
	public void upgrade(Operations op) {
		this.upgrade.forEach((statement) -> op.execute(statement.sql()));
	}

	@Override
	public void downgrade(Operations op) {
		if (this.downgrade == null) {
			op.irreversible(this.irreversibleReason);
			return;
		}
		this.downgrade.forEach((statement) -> op.execute(statement.sql()));
	}

	/** The upgrade statements with the lines they start on. */
	List<SqlStatements.Statement> upgradeStatements() {
		return this.upgrade;
	}

	/** The downgrade statements with their lines; empty when irreversible. */
	List<SqlStatements.Statement> downgradeStatements() {
		return (this.downgrade != null) ? this.downgrade : List.of();
	}

	@Override
	public String toString() {
		return this.source;
	}

}
