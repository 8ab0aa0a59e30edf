package dev.retort.migration.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * The text a Java revision's checksum is the SHA-256 of. It is written out here field by
 * field, never derived from class or component names or {@code toString()}, so that
 * renaming or reshaping Retort's classes cannot change the checksum of a revision that
 * already ran. Changing anything in this class changes recorded checksums: don't, except
 * to add a new operation (whose revisions have no recorded checksum yet) or to write a
 * new field only when it differs from the value that meant the same before.
 *
 * <p>
 * The format, one line per item:
 *
 * <pre>
 * upgrade:
 *   add_column "tasks" column("priority" integer not_null default="0")
 *   create_index index("ix_tasks_priority" on "tasks" ["priority", "created_at"])
 * downgrade:
 *   drop_index "ix_tasks_priority" table="tasks"
 *   drop_column "tasks" "priority"
 *   stopped jdbc()
 * </pre>
 *
 * Strings are double-quoted with {@code \} and {@code "} escaped; absent values are left
 * out; lists keep their order, maps are sorted by key; keywords are lowercase.
 */
final class ChecksumRendering {

	private ChecksumRendering() {
	}

	/** The rendering of both directions' recorded operations. */
	static String of(RecordedOperations upgrade, RecordedOperations downgrade) {
		StringBuilder out = new StringBuilder();
		direction(out, "upgrade", upgrade);
		direction(out, "downgrade", downgrade);
		return out.toString();
	}

	private static void direction(StringBuilder out, String name, RecordedOperations recorded) {
		out.append(name).append(":\n");
		for (Operation operation : recorded.operations()) {
			out.append("  ").append(operation(operation)).append('\n');
		}
		if (recorded.stoppedAt() != null) {
			out.append("  stopped ").append(recorded.stoppedAt()).append('\n');
		}
	}

	/**
	 * One operation. Every kind must be written here: OperationCoverageTests fails for
	 * one that is not.
	 */
	static String operation(Operation operation) {
		if (operation instanceof CreateTable create) {
			return "create_table " + table(create.definition());
		}
		if (operation instanceof DropTable drop) {
			return "drop_table " + quote(drop.table())
					+ ((drop.definition() != null) ? " definition=" + table(drop.definition()) : "");
		}
		if (operation instanceof RenameTable rename) {
			return "rename_table " + quote(rename.table()) + " to=" + quote(rename.newName());
		}
		if (operation instanceof AddColumn add) {
			return "add_column " + quote(add.table()) + " " + column(add.column());
		}
		if (operation instanceof DropColumn drop) {
			return "drop_column " + quote(drop.table()) + " " + quote(drop.column())
					+ ((drop.definition() != null) ? " definition=" + column(drop.definition()) : "");
		}
		if (operation instanceof AlterColumn alter) {
			return alterColumn(alter);
		}
		if (operation instanceof CreateIndex create) {
			return "create_index " + index(create.index()) + (create.concurrently() ? " concurrently" : "");
		}
		if (operation instanceof DropIndex drop) {
			return "drop_index " + quote(drop.name()) + ((drop.table() != null) ? " table=" + quote(drop.table()) : "")
					+ ((drop.definition() != null) ? " definition=" + index(drop.definition()) : "")
					+ (drop.concurrently() ? " concurrently" : "");
		}
		if (operation instanceof AddConstraint add) {
			return "add_constraint " + quote(add.table()) + " " + constraint(add.constraint());
		}
		if (operation instanceof DropConstraint drop) {
			return "drop_constraint " + quote(drop.table()) + " " + quote(drop.name())
					+ ((drop.kind() != null) ? " kind=" + keyword(drop.kind().name()) : "")
					+ ((drop.definition() != null) ? " definition=" + constraint(drop.definition()) : "");
		}
		if (operation instanceof SetTableComment comment) {
			return "set_table_comment " + quote(comment.table()) + " comment=" + nullable(comment.comment())
					+ optional(" existing=", comment.existing());
		}
		if (operation instanceof CreateSequence create) {
			return "create_sequence " + sequence(create.sequence());
		}
		if (operation instanceof DropSequence drop) {
			return "drop_sequence " + quote(drop.name())
					+ ((drop.definition() != null) ? " definition=" + sequence(drop.definition()) : "");
		}
		if (operation instanceof AlterSequence alter) {
			return "alter_sequence " + quote(alter.name()) + " increment_by=" + alter.incrementBy()
					+ ((alter.existing() != null) ? " existing=" + sequence(alter.existing()) : "");
		}
		if (operation instanceof Execute execute) {
			return "execute " + quote(execute.sql());
		}
		if (operation instanceof BulkInsert insert) {
			return "bulk_insert " + quote(insert.table()) + " " + rows(insert.rows());
		}
		if (operation instanceof Irreversible irreversible) {
			return "irreversible " + quote(irreversible.reason());
		}
		throw new IllegalStateException("No checksum rendering for " + operation.getClass().getName());
	}

	private static String alterColumn(AlterColumn alter) {
		StringBuilder out = new StringBuilder("alter_column ").append(quote(alter.table()))
			.append(' ')
			.append(quote(alter.column()));
		if (alter.newName() != null) {
			out.append(" rename=").append(quote(alter.newName()));
		}
		if (alter.type() != null) {
			out.append(" type=").append(type(alter.type()));
		}
		if (alter.nullable() != null) {
			out.append(alter.nullable() ? " nullable" : " not_null");
		}
		if (alter.serverDefault() != null) {
			out.append(" default=").append(alter.serverDefault().map(ChecksumRendering::quote).orElse("none"));
		}
		if (alter.comment() != null) {
			out.append(" comment=").append(alter.comment().map(ChecksumRendering::quote).orElse("none"));
		}
		if (alter.existing() != null) {
			out.append(" existing=").append(column(alter.existing()));
		}
		if (alter.using() != null) {
			out.append(" using=").append(quote(alter.using()));
		}
		return out.toString();
	}

	private static String table(Table table) {
		StringBuilder out = new StringBuilder("table(").append(quote(table.name()));
		for (Column column : table.columns()) {
			out.append(' ').append(column(column));
		}
		if (table.primaryKey() != null) {
			out.append(' ').append(constraint(table.primaryKey()));
		}
		table.uniqueConstraints().forEach((unique) -> out.append(' ').append(constraint(unique)));
		table.foreignKeys().forEach((foreignKey) -> out.append(' ').append(constraint(foreignKey)));
		table.checks().forEach((check) -> out.append(' ').append(constraint(check)));
		table.indexes().forEach((index) -> out.append(' ').append(index(index)));
		if (table.comment() != null) {
			out.append(" comment=").append(quote(table.comment()));
		}
		return out.append(')').toString();
	}

	private static String column(Column column) {
		StringBuilder out = new StringBuilder("column(").append(quote(column.name()))
			.append(' ')
			.append(type(column.type()));
		if (column.isPrimaryKey()) {
			out.append(" primary_key");
		}
		if (!column.isNullable()) {
			out.append(" not_null");
		}
		if (column.isAutoIncrement()) {
			out.append(" auto_increment");
		}
		if (column.serverDefault() != null) {
			out.append(" default=").append(quote(column.serverDefault()));
		}
		if (column.comment() != null) {
			out.append(" comment=").append(quote(column.comment()));
		}
		return out.append(')').toString();
	}

	private static String type(Type type) {
		StringBuilder out = new StringBuilder(keyword(type.kind().name()));
		if (type.length() != null) {
			out.append(" length=").append(type.length());
		}
		if (type.precision() != null) {
			out.append(" precision=").append(type.precision());
		}
		if (type.scale() != null) {
			out.append(" scale=").append(type.scale());
		}
		if (type.sql() != null) {
			out.append(" sql=").append(quote(type.sql()));
		}
		return out.toString();
	}

	private static String constraint(Constraint constraint) {
		if (constraint instanceof PrimaryKey primaryKey) {
			return "primary_key(" + name(primaryKey.name()) + list(primaryKey.columns()) + ")";
		}
		if (constraint instanceof UniqueConstraint unique) {
			return "unique(" + name(unique.name()) + list(unique.columns()) + ")";
		}
		if (constraint instanceof ForeignKey foreignKey) {
			return "foreign_key(" + name(foreignKey.name()) + list(foreignKey.columns()) + " references "
					+ quote(foreignKey.referencedTable()) + " " + list(foreignKey.referencedColumns())
					+ ((foreignKey.onDelete() != null) ? " on_delete=" + keyword(foreignKey.onDelete().name()) : "")
					+ ((foreignKey.onUpdate() != null) ? " on_update=" + keyword(foreignKey.onUpdate().name()) : "")
					+ ")";
		}
		CheckConstraint check = (CheckConstraint) constraint;
		return "check(" + name(check.name()) + quote(check.expression()) + ")";
	}

	private static String index(Index index) {
		// the sort order only where some column descends: the checksums of the revisions
		// applied before it was known stay as they were
		List<String> descending = index.descendingColumns();
		return "index(" + quote(index.name()) + " on " + quote(index.table()) + " " + list(index.columns())
				+ (descending.isEmpty() ? "" : " descending=" + list(descending)) + (index.unique() ? " unique" : "")
				+ ((index.where() != null) ? " where=" + quote(index.where()) : "") + ")";
	}

	private static String sequence(Sequence sequence) {
		return "sequence(" + quote(sequence.name()) + " start_with=" + sequence.startWith() + " increment_by="
				+ sequence.incrementBy() + ")";
	}

	private static String rows(List<Map<String, Object>> rows) {
		List<String> rendered = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			List<String> values = new ArrayList<>();
			row.forEach((key, value) -> values.add(quote(key) + "=" + value(value)));
			Collections.sort(values);
			rendered.add("{" + String.join(", ", values) + "}");
		}
		return "[" + String.join(", ", rendered) + "]";
	}

	/** A bulk-insert value: its type's name keeps {@code 1} and {@code "1"} apart. */
	private static String value(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String text) {
			return quote(text);
		}
		if (value instanceof byte[] bytes) {
			return "0x" + HexFormat.of().formatHex(bytes);
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		// dates, times, UUIDs: their toString is their ISO-8601 or canonical text
		return keyword(value.getClass().getSimpleName()) + "(" + quote(value.toString()) + ")";
	}

	private static String name(String name) {
		return (name != null) ? quote(name) + " " : "";
	}

	private static String list(List<String> names) {
		return "[" + String.join(", ", names.stream().map(ChecksumRendering::quote).toList()) + "]";
	}

	private static String nullable(String text) {
		return (text != null) ? quote(text) : "none";
	}

	private static String optional(String prefix, Optional<String> value) {
		if (value == null) {
			return "";
		}
		return prefix + value.map(ChecksumRendering::quote).orElse("none");
	}

	private static String keyword(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/** A string, quoted; {@code none} for an absent one (an unnamed constraint). */
	static String quote(String text) {
		if (text == null) {
			return "none";
		}
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
