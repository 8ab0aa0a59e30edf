package dev.retort.migration.autogenerate;

import java.util.ArrayList;
import java.util.List;

import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AddConstraint;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.AlterSequence;
import dev.retort.migration.operation.BulkInsert;
import dev.retort.migration.operation.CreateIndex;
import dev.retort.migration.operation.CreateSequence;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropConstraint;
import dev.retort.migration.operation.DropIndex;
import dev.retort.migration.operation.DropSequence;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.Irreversible;
import dev.retort.migration.operation.Operation;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Constraint;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * One line of plain words per step, as {@code migrate check} lists the differences and
 * {@code migrate revision --autogenerate} reports what it wrote.
 */
public final class StepDescriptions {

	private StepDescriptions() {
	}

	/**
	 * The step in a line: what it does, and its first comment for a comment-only step.
	 */
	public static String describe(Step step) {
		if (step.operation() == null) {
			return step.comments().get(0);
		}
		return describe(step.operation());
	}

	/**
	 * The step as a command lists it: {@code "  - "} and its line, its
	 * {@code [destructive]} mark, and under it the hint that a dropped and an added
	 * column are probably a rename, which otherwise only the written file shows.
	 */
	public static String listed(Step step) {
		StringBuilder listed = new StringBuilder("  - ").append(describe(step));
		if (step.destructive()) {
			listed.append("  [destructive]");
		}
		if (step.operation() != null) {
			step.comments()
				.stream()
				.filter((comment) -> comment.startsWith(ColumnComparison.PROBABLE_RENAME))
				.forEach((comment) -> listed.append(System.lineSeparator()).append("      ").append(comment));
		}
		return listed.toString();
	}

	static String describe(Operation operation) {
		if (operation instanceof CreateTable create) {
			int columns = create.definition().columns().size();
			return "add table " + create.table() + " (" + columns + " column" + ((columns == 1) ? "" : "s") + ")";
		}
		if (operation instanceof DropTable drop) {
			return "drop table " + drop.table();
		}
		if (operation instanceof RenameTable rename) {
			return "rename table " + rename.table() + " to " + rename.newName();
		}
		if (operation instanceof AddColumn add) {
			return "add column " + add.table() + "." + add.column().name() + " " + column(add.column());
		}
		if (operation instanceof DropColumn drop) {
			return "drop column " + drop.table() + "." + drop.column();
		}
		if (operation instanceof AlterColumn alter) {
			return alter(alter);
		}
		if (operation instanceof CreateIndex create) {
			return "add " + index(create.index());
		}
		if (operation instanceof DropIndex drop) {
			return "drop " + ((drop.definition() != null) ? index(drop.definition())
					: "index " + drop.name() + " on " + drop.table());
		}
		if (operation instanceof AddConstraint add) {
			return "add " + constraint(add.table(), add.constraint());
		}
		if (operation instanceof DropConstraint drop) {
			return "drop " + ((drop.definition() != null) ? constraint(drop.table(), drop.definition())
					: "constraint " + drop.name() + " on " + drop.table());
		}
		if (operation instanceof SetTableComment comment) {
			return (comment.comment() != null)
					? "set the comment of table " + comment.table() + " to '" + comment.comment() + "'"
					: "remove the comment of table " + comment.table();
		}
		if (operation instanceof CreateSequence create) {
			return "add sequence " + create.sequence().name() + " (start " + create.sequence().startWith()
					+ ", increment " + create.sequence().incrementBy() + ")";
		}
		if (operation instanceof DropSequence drop) {
			return "drop sequence " + drop.name();
		}
		if (operation instanceof AlterSequence alter) {
			return "change sequence " + alter.name() + ": increment " + alter.incrementBy()
					+ ((alter.existing() != null) ? " (was " + alter.existing().incrementBy() + ")" : "");
		}
		if (operation instanceof BulkInsert insert) {
			int rows = insert.rows().size();
			return "insert " + rows + " row" + ((rows == 1) ? "" : "s") + " into " + insert.table();
		}
		if (operation instanceof Execute execute) {
			return "run " + execute.sql();
		}
		return "irreversible: " + ((Irreversible) operation).reason();
	}

	private static String alter(AlterColumn alter) {
		Column before = alter.existing();
		List<String> changes = new ArrayList<>();
		if (alter.newName() != null) {
			changes.add("renamed to " + alter.newName());
		}
		if (alter.type() != null) {
			changes.add("type " + alter.type() + ((before != null) ? " (was " + before.type() + ")" : ""));
		}
		if (alter.nullable() != null) {
			changes.add((alter.nullable() ? "nullable" : "NOT NULL")
					+ ((before != null) ? " (was " + (before.isNullable() ? "nullable" : "NOT NULL") + ")" : ""));
		}
		if (alter.serverDefault() != null) {
			changes.add("default " + alter.serverDefault().orElse("none") + ((before != null)
					? " (was " + ((before.serverDefault() != null) ? before.serverDefault() : "none") + ")" : ""));
		}
		if (alter.comment() != null) {
			changes.add("comment " + alter.comment().map((text) -> "'" + text + "'").orElse("none"));
		}
		return "change column " + alter.table() + "." + alter.column() + ": " + String.join(", ", changes);
	}

	/**
	 * A column's type and what else its definition says, as a reader writes it:
	 * {@code VARCHAR(64) NOT NULL DEFAULT 'x'}.
	 */
	public static String column(Column column) {
		StringBuilder text = new StringBuilder(column.type().toString());
		if (!column.isNullable()) {
			text.append(" NOT NULL");
		}
		if (column.serverDefault() != null) {
			text.append(" DEFAULT ").append(column.serverDefault());
		}
		if (column.isAutoIncrement()) {
			text.append(" generated");
		}
		return text.toString();
	}

	private static String index(Index index) {
		return (index.unique() ? "unique index " : "index ") + index.name() + " on " + index.table() + " ("
				+ String.join(", ", index.columnsWithOrder()) + ")"
				+ ((index.where() != null) ? " where " + index.where() : "");
	}

	/**
	 * A constraint as a reader writes it:
	 * {@code unique constraint uq_users_email on users (email)}.
	 */
	public static String constraint(String table, Constraint constraint) {
		String name = (constraint.name() != null) ? constraint.name() + " " : "";
		if (constraint instanceof PrimaryKey key) {
			return "primary key " + name + "on " + table + " (" + String.join(", ", key.columns()) + ")";
		}
		if (constraint instanceof UniqueConstraint unique) {
			return "unique constraint " + name + "on " + table + " (" + String.join(", ", unique.columns()) + ")";
		}
		if (constraint instanceof ForeignKey key) {
			return "foreign key " + name + "on " + table + " (" + String.join(", ", key.columns()) + ") -> "
					+ key.referencedTable() + " (" + String.join(", ", key.referencedColumns()) + ")"
					+ ((key.onDelete() != ForeignKey.Action.NO_ACTION) ? " ON DELETE " + key.onDelete().sql() : "")
					+ ((key.onUpdate() != ForeignKey.Action.NO_ACTION) ? " ON UPDATE " + key.onUpdate().sql() : "");
		}
		return "check constraint " + name + "on " + table + ": " + ((CheckConstraint) constraint).expression();
	}

}
