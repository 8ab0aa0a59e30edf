package dev.retort.migration.revision;

import java.util.List;

import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Operations;

/**
 * What an SQL revision file does: its statements, run one {@code execute} each.
 */
final class SqlMigration implements Migration {

	private final String source;

	private final String text;

	private volatile String checksum;

	private final Section upgrade;

	private final Section downgrade;

	private final String irreversibleReason;

	/**
	 * @param source the file, for messages
	 * @param text the file's whole text, for its checksum
	 * @param upgrade the upgrade section's text and the line it starts on
	 * @param downgrade the downgrade section, or {@code null} when irreversible
	 * @param irreversibleReason why the downgrade cannot run, or {@code null}
	 */
	SqlMigration(String source, String text, Section upgrade, Section downgrade, String irreversibleReason) {
		this.source = source;
		this.text = text;
		this.upgrade = upgrade;
		this.downgrade = downgrade;
		this.irreversibleReason = irreversibleReason;
	}

	@Override
	public void upgrade(Operations op) {
		this.upgrade.statements().forEach((statement) -> op.add(execute(statement)));
	}

	@Override
	public void downgrade(Operations op) {
		if (this.downgrade == null) {
			op.irreversible(this.irreversibleReason);
			return;
		}
		this.downgrade.statements().forEach((statement) -> op.add(execute(statement)));
	}

	private static Execute execute(SqlStatements.Statement statement) {
		return new Execute(statement.sql(), statement.comment());
	}

	/**
	 * The line the statement starts on in the section of the given direction, or 0 when
	 * the section does not have it exactly once.
	 */
	int lineOf(String statement, Direction direction) {
		List<SqlStatements.Statement> section = (direction == Direction.DOWNGRADE) ? downgradeStatements()
				: upgradeStatements();
		int line = 0;
		for (SqlStatements.Statement candidate : section) {
			if (candidate.sql().equals(statement)) {
				if (line > 0) {
					return 0;
				}
				line = candidate.line();
			}
		}
		return line;
	}

	/** The upgrade statements with the lines they start on. */
	List<SqlStatements.Statement> upgradeStatements() {
		return this.upgrade.statements();
	}

	/** The downgrade statements with their lines; empty when irreversible. */
	List<SqlStatements.Statement> downgradeStatements() {
		return (this.downgrade != null) ? this.downgrade.statements() : List.of();
	}

	/**
	 * The digest of the file's normalised text, computed when first asked for: a
	 * {@code status} or an upgrade with nothing to do never needs it.
	 */
	String checksum() {
		String digest = this.checksum;
		if (digest == null) {
			// racing threads compute the same digest
			digest = Checksums.ofText(this.text);
			this.checksum = digest;
		}
		return digest;
	}

	@Override
	public String toString() {
		return this.source;
	}

	/**
	 * One section of the file, split into statements when it first runs: discovery (every
	 * start, every {@code status}) reads only the headers. Splitting cannot fail, so
	 * doing it later changes no outcome.
	 */
	static final class Section {

		private final String text;

		private final int firstLine;

		private volatile List<SqlStatements.Statement> statements;

		Section(String text, int firstLine) {
			this.text = text;
			this.firstLine = firstLine;
		}

		List<SqlStatements.Statement> statements() {
			List<SqlStatements.Statement> split = this.statements;
			if (split == null) {
				// racing threads compute the same immutable list
				split = List.copyOf(SqlStatements.splitWithLines(this.text, this.firstLine));
				this.statements = split;
			}
			return split;
		}

	}

}
