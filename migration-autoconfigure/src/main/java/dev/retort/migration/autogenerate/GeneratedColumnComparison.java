package dev.retort.migration.autogenerate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.operation.AddColumn;
import dev.retort.migration.operation.CreateTable;
import dev.retort.migration.operation.DropColumn;
import dev.retort.migration.operation.DropTable;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;

/**
 * Columns the database computes ({@code @GeneratedColumn}). Autogenerate does not write
 * them: the database's spelling of the expression (and whether it is stored) differs per
 * database, so a generated column the database lacks becomes a {@code TODO} that names
 * it, never a plain column; one it has is left out of the comparison; one the entities no
 * longer map is dropped; and one the upgrade drops is put back by a {@code TODO} in the
 * downgrade, never as a plain column.
 */
final class GeneratedColumnComparison {

	private final List<EntityModel.GeneratedColumn> columns;

	private final Predicate<String> included;

	private final SchemaRules rules;

	GeneratedColumnComparison(List<EntityModel.GeneratedColumn> columns, Predicate<String> included,
			SchemaRules rules) {
		this.columns = columns.stream().filter((column) -> included.test(column.table())).toList();
		this.included = included;
		this.rules = rules;
	}

	/** The database's schema without the model's generated columns. */
	Schema withoutGenerated(Schema database) {
		if (this.columns.isEmpty()) {
			return database;
		}
		Map<String, Table> tables = new LinkedHashMap<>();
		database.tables().forEach((name, table) -> {
			List<Column> kept = table.columns().stream().filter((column) -> !isGenerated(table, column)).toList();
			tables.put(name,
					(kept.size() == table.columns().size()) ? table
							: new Table(table.name(), kept, table.primaryKey(), table.uniqueConstraints(),
									table.foreignKeys(), table.checks(), table.indexes(), table.comment()));
		});
		return new Schema(tables, database.sequences());
	}

	/**
	 * The model's generated columns that the database behind the connection has, as
	 * {@code table.column}: its driver lists them even where the dialect's reader does
	 * not (SQLite's {@code table_info} leaves generated columns out).
	 */
	Set<String> present(Connection connection) throws SQLException {
		Set<String> present = new HashSet<>();
		DatabaseMetaData metaData = connection.getMetaData();
		for (EntityModel.GeneratedColumn generated : this.columns) {
			String table = this.rules.storedIdentifier(generated.table());
			String column = this.rules.storedIdentifier(generated.column());
			try (ResultSet rows = metaData.getColumns(connection.getCatalog(), connection.getSchema(), table, column)) {
				while (rows.next()) {
					if (rows.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
						present.add(key(table, column));
					}
				}
			}
		}
		return present;
	}

	/**
	 * The comparison's result, with a {@code TODO} for each generated column the database
	 * lacks: after the rest of the upgrade (its table may be new), and first in the
	 * downgrade when its table is already there.
	 * @param result what the comparison of the rest found
	 * @param database the database's schema as its dialect read it
	 * @param present the generated columns its driver lists (see {@link #present})
	 */
	SchemaDiff.Result complete(SchemaDiff.Result result, Schema database, Set<String> present) {
		List<Step> upgrade = new ArrayList<>(result.upgrade());
		List<Step> downgrade = new ArrayList<>();
		for (EntityModel.GeneratedColumn generated : this.columns) {
			String table = this.rules.storedIdentifier(generated.table());
			String column = this.rules.storedIdentifier(generated.column());
			Table existing = database.table(table).orElse(null);
			if (present.contains(key(table, column)) || (existing != null && existing.column(column).isPresent())) {
				continue;
			}
			upgrade.add(Step.todo("add the generated column " + table + "." + column + " " + generated.type()
					+ " GENERATED ALWAYS AS (" + generated.expression() + ") by hand (op.execute): autogenerate "
					+ "does not write generated columns, whose form (STORED or VIRTUAL) differs per database"));
			if (existing != null) {
				downgrade.add(Step.todo("drop the generated column " + table + "." + column
						+ " that the upgrade adds by hand (op.dropColumn)"));
			}
		}
		downgrade.addAll(result.downgrade());
		return new SchemaDiff.Result(upgrade, downgrade);
	}

	/**
	 * The comparison's result with the generated columns that the database has, its
	 * dialect's reader does not list (SQLite's), and the entities no longer map on a
	 * table they still map: each dropped first in the upgrade (so that a table rebuild
	 * later in it has no generated column to lose), and put back by a {@code TODO} last
	 * in the downgrade, never as a plain column.
	 * @param result the comparison's result
	 * @param wanted the model's schema
	 * @param unreflected the database's generated columns its reader leaves out
	 */
	SchemaDiff.Result withUnreflectedDrops(SchemaDiff.Result result, Schema wanted,
			List<Dialect.GeneratedColumn> unreflected) {
		List<Step> upgrade = new ArrayList<>();
		List<Step> readded = new ArrayList<>();
		for (Dialect.GeneratedColumn column : unreflected) {
			Table table = this.included.test(column.table()) ? wanted.table(column.table()).orElse(null) : null;
			if (table == null || table.column(column.column()).isPresent() || isGenerated(table, column.column())) {
				continue;
			}
			upgrade.add(new Step(new DropColumn(table.name(), column.column(), null),
					List.of("drops the generated column " + table.name() + "." + column.column()
							+ ", which the entities no longer map (its values are computed, so none are lost)"),
					false));
			readded.add(0, new DroppedGenerated(table.name(), column.column(), column.type(), column.expression())
				.readd(false));
		}
		if (upgrade.isEmpty()) {
			return result;
		}
		upgrade.addAll(result.upgrade());
		List<Step> downgrade = new ArrayList<>(result.downgrade());
		downgrade.addAll(readded);
		return new SchemaDiff.Result(upgrade, downgrade);
	}

	/**
	 * The database's generated columns that the upgrade drops, with its own table, or
	 * alone, as {@code table.column}; asked of the driver for the dropped tables and
	 * columns only, since the dialect's reader lists a generated column as a plain one
	 * (PostgreSQL's) or not at all (SQLite's).
	 */
	Map<String, DroppedGenerated> dropped(Connection connection, SchemaDiff.Result result) throws SQLException {
		Map<String, DroppedGenerated> dropped = new LinkedHashMap<>();
		DatabaseMetaData metaData = connection.getMetaData();
		for (Step step : result.upgrade()) {
			String table;
			String column;
			if (step.operation() instanceof DropColumn drop) {
				table = drop.table();
				column = drop.column();
			}
			else if (step.operation() instanceof DropTable drop) {
				table = drop.table();
				column = null;
			}
			else {
				continue;
			}
			// names as patterns: a '_' in them matches any character, so the rows are
			// checked against the names (drivers differ in the escapes they honour)
			try (ResultSet rows = metaData.getColumns(connection.getCatalog(), connection.getSchema(), table,
					(column != null) ? column : "%")) {
				while (rows.next()) {
					if (rows.getString("TABLE_NAME").equals(table)
							&& (column == null || rows.getString("COLUMN_NAME").equals(column))
							&& "YES".equalsIgnoreCase(rows.getString("IS_GENERATEDCOLUMN"))) {
						DroppedGenerated generated = new DroppedGenerated(table, rows.getString("COLUMN_NAME"),
								rows.getString("TYPE_NAME"), rows.getString("COLUMN_DEF"));
						dropped.put(key(table, generated.column()), generated);
					}
				}
			}
		}
		return dropped;
	}

	/**
	 * The comparison's result with a downgrade that never puts a dropped generated column
	 * back as a plain one: where the downgrade would add it, a {@code TODO} to add it as
	 * the database has it; after a table it re-creates, a {@code TODO} for each generated
	 * column the table had.
	 * @param result the comparison's result
	 * @param dropped what {@link #dropped} found
	 */
	SchemaDiff.Result withDroppedGenerated(SchemaDiff.Result result, Map<String, DroppedGenerated> dropped) {
		if (dropped.isEmpty()) {
			return result;
		}
		List<Step> downgrade = new ArrayList<>();
		for (Step step : result.downgrade()) {
			DroppedGenerated readded = (step.operation() instanceof AddColumn add)
					? dropped.get(key(add.table(), add.column().name())) : null;
			if (readded != null) {
				downgrade.add(readded.readd(false));
				continue;
			}
			downgrade.add(step);
			if (step.operation() instanceof CreateTable create) {
				Table definition = create.definition();
				for (DroppedGenerated generated : dropped.values()) {
					if (generated.table().equalsIgnoreCase(definition.name())) {
						downgrade.add(generated.readd(definition.column(generated.column()).isPresent()));
					}
				}
			}
		}
		return new SchemaDiff.Result(result.upgrade(), downgrade);
	}

	/**
	 * A generated column of the database that the upgrade drops.
	 *
	 * @param expression its expression as the driver gives it, or {@code null} (SQLite's
	 * does not)
	 */
	record DroppedGenerated(String table, String column, String type, String expression) {

		/**
		 * @param plainFirst whether the downgrade has just re-created it as a plain
		 * column, with its table
		 */
		Step readd(boolean plainFirst) {
			String as = (this.expression != null) ? "(" + this.expression + ")"
					: "(the expression it has in the database before the upgrade)";
			String first = plainFirst ? "the table is re-created above with " + this.column
					+ " as a plain column: drop that column first, then " : "";
			return Step.todo(first + "add back the generated column " + this.table + "." + this.column + " " + this.type
					+ " GENERATED ALWAYS AS " + as
					+ " by hand (op.execute): the upgrade drops it, and autogenerate does not write generated "
					+ "columns, so the downgrade must not add it back as a plain column");
		}

	}

	private static String key(String table, String column) {
		return (table + "." + column).toLowerCase(Locale.ROOT);
	}

	private boolean isGenerated(Table table, Column column) {
		return isGenerated(table, column.name());
	}

	private boolean isGenerated(Table table, String column) {
		return this.columns.stream()
			.anyMatch((generated) -> this.rules.storedIdentifier(generated.table()).equalsIgnoreCase(table.name())
					&& this.rules.storedIdentifier(generated.column()).equalsIgnoreCase(column));
	}

}
