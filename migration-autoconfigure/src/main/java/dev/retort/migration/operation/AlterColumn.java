package dev.retort.migration.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Type;

/**
 * Change one column in any combination of ways. A {@code null} field means "leave as it
 * is"; for the server default and comment, {@code Optional.empty()} means "remove".
 *
 * @param table the table
 * @param column the column's current name
 * @param newName the new name, or {@code null}
 * @param type the new type, or {@code null}
 * @param nullable the new nullability, or {@code null}
 * @param serverDefault the new server default, or {@code null}
 * @param comment the new comment, or {@code null}
 * @param existing the column as it is before the change, needed for the inverse (and by
 * dialects that must restate the whole column), or {@code null} when unknown
 */
public record AlterColumn(String table, String column, String newName, Type type, Boolean nullable,
		Optional<String> serverDefault, Optional<String> comment, Column existing) implements Operation {

	public AlterColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	/** The column's name once the change is done. */
	public String resultingName() {
		return (this.newName != null) ? this.newName : this.column;
	}

	/** The column as it is after the change, when {@link #existing()} is known. */
	public Optional<Column> resultingColumn() {
		if (this.existing == null) {
			return Optional.empty();
		}
		Column result = this.existing.named(resultingName());
		if (this.type != null) {
			result = result.type(this.type);
		}
		if (this.nullable != null) {
			result = result.nullable(this.nullable);
		}
		if (this.serverDefault != null) {
			result = result.serverDefault(this.serverDefault.orElse(null));
		}
		if (this.comment != null) {
			result = result.comment(this.comment.orElse(null));
		}
		return Optional.of(result);
	}

	@Override
	public Operation inverse() {
		List<String> missing = new ArrayList<>();
		if (this.existing == null
				&& (this.type != null || this.nullable != null || this.serverDefault != null || this.comment != null)) {
			missing.add("the column's previous definition (existing)");
		}
		if (!missing.isEmpty()) {
			throw new IrreversibleOperationException(
					"alterColumn(\"" + this.table + "\", \"" + this.column + "\") cannot be reversed: "
							+ String.join(", ", missing) + " is unknown. Give it with .existing(Column.of(…)).");
		}
		Column before = this.existing;
		Column after = resultingColumn().orElse(null);
		return new AlterColumn(this.table, resultingName(), (this.newName != null) ? this.column : null,
				(this.type != null) ? before.type() : null, (this.nullable != null) ? before.isNullable() : null,
				(this.serverDefault != null) ? Optional.ofNullable(before.serverDefault()) : null,
				(this.comment != null) ? Optional.ofNullable(before.comment()) : null, after);
	}

}
