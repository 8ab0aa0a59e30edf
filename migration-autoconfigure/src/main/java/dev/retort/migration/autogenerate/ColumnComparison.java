package dev.retort.migration.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.AlterColumn;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;

/**
 * Columns of a table both sides have: added, dropped, renamed ({@link RenamedFrom}) and
 * changed in type, nullability, server default or comment, one {@code alterColumn} per
 * changed column.
 */
final class ColumnComparison {

	/** How the hint on a dropped and an added column of the same type begins. */
	static final String PROBABLE_RENAME = "Probably a rename of ";

	private final SchemaRules rules;

	private final EntityModel.Renames renames;

	ColumnComparison(SchemaRules rules, EntityModel.Renames renames) {
		this.rules = rules;
		this.renames = renames;
	}

	/**
	 * The columns the model renames with {@link RenamedFrom}, as pure renames. They run
	 * before anything else of the schema changes, so that every later step, and its
	 * inverse in the downgrade, names the columns as they are when it runs.
	 */
	List<Step> renamed(Table wanted, Table current) {
		List<Step> steps = new ArrayList<>();
		for (Column column : wanted.columns()) {
			if (find(current, column.name()).isEmpty()) {
				renamedFrom(wanted, current, column).ifPresent((old) -> steps.add(
						new Step(new AlterColumn(wanted.name(), old.name(), column.name(), null, null, null, null, old),
								List.of("@RenamedFrom(\"" + old.name() + "\"): renamed, keeping its values"), false)));
			}
		}
		return steps;
	}

	/**
	 * Columns added, dropped and changed; a renamed column (see {@link #renamed}) is
	 * compared under its new name.
	 */
	List<Step> compare(Table wanted, Table current) {
		List<Step> added = new ArrayList<>();
		List<Step> altered = new ArrayList<>();
		List<Step> dropped = new ArrayList<>();
		List<Column> unmatched = new ArrayList<>(current.columns());
		List<Column> newColumns = new ArrayList<>();
		for (Column column : wanted.columns()) {
			Optional<Column> existing = find(current, column.name());
			if (existing.isEmpty()) {
				Optional<Column> old = renamedFrom(wanted, current, column);
				if (old.isPresent()) {
					unmatched.remove(old.get());
					change(wanted.name(), old.get().named(column.name()), column).ifPresent(altered::add);
					continue;
				}
				newColumns.add(column);
				continue;
			}
			unmatched.remove(existing.get());
			change(wanted.name(), existing.get(), column).ifPresent(altered::add);
		}
		for (Column column : newColumns) {
			List<String> comments = new ArrayList<>();
			boolean destructive = false;
			if (!column.isNullable() && column.serverDefault() == null && !column.isAutoIncrement()) {
				comments.add("CAUTION: " + column.name()
						+ " is NOT NULL without a server default: this fails on a table that has rows; "
						+ "add a default, or add it nullable, fill it, then make it NOT NULL");
				destructive = true;
			}
			unmatched.stream()
				.filter((old) -> this.rules.sameType(old.type(), column.type()))
				.findFirst()
				.map((old) -> probableRename(old, column))
				.ifPresent(comments::add);
			added.add(new Step(new AddColumn(wanted.name(), column), comments, destructive));
		}
		for (Column column : unmatched) {
			List<String> comments = new ArrayList<>();
			comments.add("DESTRUCTIVE: drops column " + wanted.name() + "." + column.name()
					+ " and its values; the downgrade adds it back empty"
					+ ((!column.isNullable() && column.serverDefault() == null && !column.isAutoIncrement())
							? ", NOT NULL without a default, which fails while the table has rows: give it a "
									+ "default in the downgrade, or add it nullable, fill it, then make it NOT NULL"
							: ""));
			newColumns.stream()
				.filter((other) -> this.rules.sameType(column.type(), other.type()))
				.findFirst()
				.map((other) -> probableRename(column, other))
				.ifPresent(comments::add);
			dropped.add(new Step(new DropColumn(wanted.name(), column.name(), column), comments, true));
		}
		List<Step> steps = new ArrayList<>(added);
		steps.addAll(altered);
		steps.addAll(dropped);
		return steps;
	}

	/**
	 * The hint on both halves of a dropped and an added column of the same type in one
	 * table: the pair is probably a rename, from the dropped column to the added one.
	 */
	private static String probableRename(Column dropped, Column added) {
		return PROBABLE_RENAME + dropped.name() + " to " + added.name() + "? Annotate the field with @RenamedFrom(\""
				+ dropped.name() + "\") and generate again, so the values are kept";
	}

	private Optional<Column> renamedFrom(Table wanted, Table current, Column column) {
		return this.renames.columnRenamedFrom(wanted.name(), column.name())
			.filter((old) -> wanted.column(old).isEmpty())
			.flatMap((old) -> find(current, old));
	}

	/** The {@code alterColumn} that turns {@code current} into {@code wanted}, if any. */
	Optional<Step> change(String table, Column current, Column wanted) {
		Type type = this.rules.sameType(this.rules.storedType(wanted.type(), wanted.isAutoIncrement()),
				this.rules.storedType(current.type(), current.isAutoIncrement())) ? null : wanted.type();
		Boolean nullable = (wanted.isNullable() != current.isNullable()) ? wanted.isNullable() : null;
		Optional<String> serverDefault = null;
		if (!wanted.isAutoIncrement() && !current.isAutoIncrement()
				&& !Objects.equals(this.rules.canonicalDefault(wanted.serverDefault()),
						this.rules.canonicalDefault(current.serverDefault()))) {
			serverDefault = Optional.ofNullable(wanted.serverDefault());
		}
		Optional<String> comment = null;
		if (this.rules.hasComments()
				&& !Objects.equals(blankToNull(wanted.comment()), blankToNull(current.comment()))) {
			comment = Optional.ofNullable(blankToNull(wanted.comment()));
		}
		List<String> comments = new ArrayList<>();
		if (wanted.isAutoIncrement() != current.isAutoIncrement()) {
			comments.add("TODO " + table + "." + current.name()
					+ (wanted.isAutoIncrement() ? " should be generated by the database (identity), which it is not"
							: " is generated by the database (identity), which the model says it should not be")
					+ ": Retort cannot change that safely; write the change by hand (PostgreSQL: ALTER COLUMN … ADD/DROP IDENTITY)");
		}
		if (type == null && nullable == null && serverDefault == null && comment == null) {
			return comments.isEmpty() ? Optional.empty() : Optional.of(new Step(null, comments, false));
		}
		boolean destructive = false;
		if (type != null && changesTimeZone(current.type(), type)) {
			comments.add("CAUTION: " + current.type() + " -> " + type + " reads the existing values of " + table + "."
					+ current.name() + " in the session's time zone; set it (SET TIME ZONE 'UTC') if they were stored "
					+ "in another");
		}
		else if (type != null && narrows(current.type(), type)) {
			comments.add("CAUTION: " + current.type() + " -> " + type + " may not fit every existing value of " + table
					+ "." + current.name());
			destructive = true;
		}
		if (Boolean.FALSE.equals(nullable) && current.serverDefault() == null && wanted.serverDefault() == null) {
			comments.add("CAUTION: NOT NULL on " + table + "." + current.name()
					+ " fails while any row has NULL there: fill those rows first");
			destructive = true;
		}
		return Optional
			.of(new Step(new AlterColumn(table, current.name(), null, type, nullable, serverDefault, comment, current),
					comments, destructive));
	}

	/** Whether the change only adds or removes a time zone to a timestamp. */
	private static boolean changesTimeZone(Type from, Type to) {
		List<Type.Kind> timestamps = List.of(Type.Kind.TIMESTAMP, Type.Kind.TIMESTAMP_TZ);
		return from.kind() != to.kind() && timestamps.contains(from.kind()) && timestamps.contains(to.kind())
				&& (to.precision() == null || from.precision() == null || to.precision() >= from.precision());
	}

	/** Whether values of {@code from} may not fit {@code to}. */
	static boolean narrows(Type from, Type to) {
		if (from.kind() != to.kind()) {
			return !(widerInteger(from.kind(), to.kind()) || to.kind() == Type.Kind.TEXT);
		}
		return switch (to.kind()) {
			case VARCHAR, BINARY -> to.length() != null && (from.length() == null || to.length() < from.length());
			case NUMERIC -> to.precision() != null && (from.precision() == null || to.precision() < from.precision()
					|| roundsDecimals(from, to) || fewerDigitsBeforeThePoint(from, to));
			case TIME, TIMESTAMP, TIMESTAMP_TZ ->
				to.precision() != null && (from.precision() == null || to.precision() < from.precision());
			case RAW -> true;
			default -> false;
		};
	}

	/** Whether a numeric keeps fewer decimals: its values are rounded. */
	static boolean roundsDecimals(Type from, Type to) {
		return to.scale() != null && from.scale() != null && to.scale() < from.scale();
	}

	/**
	 * Whether a numeric of known precision keeps fewer digits before the point
	 * (numeric(10,2) -> numeric(10,3)): its larger values do not fit.
	 */
	static boolean fewerDigitsBeforeThePoint(Type from, Type to) {
		return from.precision() != null && to.precision() != null
				&& to.precision() - scale(to) < from.precision() - scale(from);
	}

	private static int scale(Type numeric) {
		return (numeric.scale() != null) ? numeric.scale() : 0;
	}

	private static boolean widerInteger(Type.Kind from, Type.Kind to) {
		List<Type.Kind> order = List.of(Type.Kind.SMALLINT, Type.Kind.INTEGER, Type.Kind.BIGINT);
		return order.contains(from) && order.contains(to) && order.indexOf(to) > order.indexOf(from);
	}

	static List<Step> tableComment(SchemaRules rules, Table wanted, Table current) {
		String comment = blankToNull(wanted.comment());
		String existing = blankToNull(current.comment());
		if (!rules.hasComments() || Objects.equals(comment, existing)) {
			return List.of();
		}
		return List.of(Step.of(new SetTableComment(wanted.name(), comment, Optional.ofNullable(existing))));
	}

	private static Optional<Column> find(Table table, String name) {
		return table.columns().stream().filter((column) -> column.name().equalsIgnoreCase(name)).findFirst();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
