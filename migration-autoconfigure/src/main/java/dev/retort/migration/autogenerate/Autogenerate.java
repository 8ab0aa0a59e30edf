package dev.retort.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import org.hibernate.dialect.temptable.TemporaryTable;

/**
 * Autogenerate's comparison: the entity model against a live database, both read into
 * Retort's schema model through the database's {@link SchemaRules}, leaving out the
 * tables that are not the model's business (Retort's own, and those the application
 * excludes).
 */
public final class Autogenerate {

	/** Hibernate's prefixes for its own tables ({@code TemporaryTable}). */
	private static final List<String> HIBERNATE_TABLE_PREFIXES = List.of(TemporaryTable.ENTITY_TABLE_PREFIX,
			TemporaryTable.ID_TABLE_PREFIX);

	private final EntityModel model;

	private final Dialect dialect;

	private final Predicate<String> included;

	/**
	 * @param model the entity model
	 * @param dialect the database's dialect
	 * @param included whether a table or sequence, by name, takes part in the comparison
	 */
	public Autogenerate(EntityModel model, Dialect dialect, Predicate<String> included) {
		this.model = Objects.requireNonNull(model, "model");
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.included = Objects.requireNonNull(included, "included");
	}

	/** What it takes to bring the database behind the connection to the model. */
	public SchemaDiff.Result compare(Connection connection) throws SQLException {
		Schema database = this.dialect.reflect(connection);
		GeneratedColumnComparison generated = generatedColumns();
		SchemaDiff.Result result = compare(database, connection, generated, generated.present(connection),
				this.dialect.enumTypes(connection), this.dialect.unreflectedGeneratedColumns(connection));
		return generated.withDroppedGenerated(result, generated.dropped(connection, result));
	}

	/**
	 * What it takes to bring {@code database} to the model.
	 * @param database the database's schema as its dialect reads it
	 * @param connection a connection to that database, used to put the model's
	 * expressions in the database's own form where text rules cannot compare them; or
	 * {@code null}. Generated columns count as there only when {@code database} lists
	 * them (SQLite's reader does not), and enum types as missing: compare through
	 * {@link #compare(Connection)} for those.
	 */
	public SchemaDiff.Result compare(Schema database, Connection connection) {
		return compare(database, connection, generatedColumns(), Set.of(), Map.of(), List.of());
	}

	private SchemaDiff.Result compare(Schema database, Connection connection, GeneratedColumnComparison generated,
			Set<String> generatedPresent, Map<String, List<String>> enumTypes,
			List<Dialect.GeneratedColumn> unreflectedGenerated) {
		SchemaRules rules = this.dialect.schemaRules();
		Schema wanted = filtered(this.model.schema(rules));
		Schema reflected = withoutHibernatesTables(filtered(database), wanted);
		Schema current = generated.withoutGenerated(reflected);
		SchemaDiff.StoredForms storedForms = (connection != null) ? (table,
				existing) -> needsStoredForm(rules, table, existing) ? rules.storedForm(connection, table) : table
				: SchemaDiff.StoredForms.NONE;
		SchemaDiff.Result tables = new SchemaDiff(rules, this.model.renames(), this.model.seedRows(), storedForms,
				this.model.sequenceTables())
			.compare(wanted, current);
		SchemaDiff.Result completed = generated.withUnreflectedDrops(
				generated.complete(tables, reflected, generatedPresent), wanted, unreflectedGenerated);
		return new EnumTypeComparison(this.model.enumTypes(), rules).complete(completed, enumTypes);
	}

	private GeneratedColumnComparison generatedColumns() {
		return new GeneratedColumnComparison(this.model.generatedColumns(), this.included, this.dialect.schemaRules());
	}

	/** The notes the model reader left: what it does not compare. */
	public List<String> notes() {
		return this.model.notes();
	}

	private Schema filtered(Schema schema) {
		Map<String, Table> tables = new LinkedHashMap<>();
		schema.tables().forEach((name, table) -> {
			if (this.included.test(table.name())) {
				tables.put(name, table);
			}
		});
		Map<String, Sequence> sequences = new LinkedHashMap<>();
		schema.sequences().forEach((name, sequence) -> {
			if (this.included.test(sequence.name())) {
				sequences.put(name, sequence);
			}
		});
		return new Schema(tables, sequences);
	}

	/**
	 * The database's tables without those Hibernate makes for itself at start-up where
	 * the database lacks the temporary tables it would use (SQLite): {@code HTE_} and
	 * {@code HT_} followed by an entity's table name, for the mutations of an entity with
	 * a sequence id or joined subclasses, left behind when the entity goes. No revision
	 * creates them and none may drop them; a table the entities map under such a name
	 * (Hibernate writes the prefixes in capitals) is compared as usual.
	 */
	private static Schema withoutHibernatesTables(Schema database, Schema wanted) {
		Map<String, Table> tables = new LinkedHashMap<>();
		database.tables().forEach((name, table) -> {
			if (!isHibernatesTable(table.name(), wanted)) {
				tables.put(name, table);
			}
		});
		return new Schema(tables, database.sequences());
	}

	private static boolean isHibernatesTable(String name, Schema wanted) {
		if (wanted.table(name).isPresent()) {
			return false;
		}
		// the entity may be gone: Hibernate leaves its tables behind
		return HIBERNATE_TABLE_PREFIXES.stream()
			.anyMatch((prefix) -> name.startsWith(prefix) && name.length() > prefix.length());
	}

	/**
	 * Whether a default or check of the model table has no equal in the database table by
	 * text rules alone, so the database's own form is worth asking for.
	 */
	private static boolean needsStoredForm(SchemaRules rules, Table model, Table database) {
		for (Column column : model.columns()) {
			Column existing = database.column(column.name()).orElse(null);
			if (existing != null && column.serverDefault() != null
					&& !Objects.equals(rules.canonicalDefault(column.serverDefault()),
							rules.canonicalDefault(existing.serverDefault()))) {
				return true;
			}
		}
		for (CheckConstraint check : model.checks()) {
			String expression = rules.canonicalCheck(check.expression());
			if (database.checks()
				.stream()
				.noneMatch((other) -> rules.canonicalCheck(other.expression()).equals(expression))) {
				return true;
			}
		}
		return false;
	}

}
