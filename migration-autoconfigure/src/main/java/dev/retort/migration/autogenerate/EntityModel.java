package dev.retort.migration.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;

/**
 * The schema an application's entities describe, copied out of Hibernate's boot model
 * while it still exists. Column types are kept as Hibernate would write them in DDL
 * ({@link Type#raw(String)}) until {@link #schema(SchemaRules)} reads them as the target
 * database does.
 *
 * @param tables the tables, types as Hibernate writes them
 * @param sequences the sequences
 * @param seedRows rows Hibernate inserts into a table it creates (the value row of a
 * table-based id generator), by table
 * @param renames the renames that {@link RenamedFrom} declares
 * @param notes what the model holds that autogenerate does not compare, for the user
 * @param generatedColumns the columns the database computes ({@code @GeneratedColumn}),
 * which are not in {@code tables}: autogenerate does not write them, it asks for them
 * @param enumTypes the database enum types the columns use (PostgreSQL's named enums)
 * @param mappedTypes the portable type each column's mapping asks for, where one is known
 * (see {@link MappedTypes})
 * @param sequenceTables by table name, the sequence of an id generator that the database
 * keeps as a one-row table (SQLite, which has no sequences): a revision creates the
 * sequence, which is that table there and a sequence elsewhere
 */
public record EntityModel(List<Table> tables, List<Sequence> sequences, Map<String, List<Map<String, Object>>> seedRows,
		Renames renames, List<String> notes, List<GeneratedColumn> generatedColumns, List<EnumType> enumTypes,
		MappedTypes mappedTypes, Map<String, Sequence> sequenceTables) {

	public EntityModel {
		tables = List.copyOf(tables);
		sequences = List.copyOf(sequences);
		seedRows = Map.copyOf(seedRows);
		Objects.requireNonNull(renames, "renames");
		notes = List.copyOf(notes);
		generatedColumns = List.copyOf(generatedColumns);
		enumTypes = List.copyOf(enumTypes);
		Objects.requireNonNull(mappedTypes, "mappedTypes");
		sequenceTables = Map.copyOf(sequenceTables);
	}

	/** A model without generated columns, enum types or mapped types. */
	public EntityModel(List<Table> tables, List<Sequence> sequences, Map<String, List<Map<String, Object>>> seedRows,
			Renames renames, List<String> notes) {
		this(tables, sequences, seedRows, renames, notes, List.of(), List.of(), MappedTypes.NONE, Map.of());
	}

	/**
	 * The model as the target database would store it: types read with its rules (as
	 * declared: {@link SchemaRules#storedType} applies when comparing), identifiers as it
	 * keeps them, comments and sequences only where it has them.
	 */
	public Schema schema(SchemaRules rules) {
		List<Table> stored = new ArrayList<>();
		for (Table table : this.tables) {
			stored.add(stored(table, rules));
		}
		List<Sequence> sequences = rules.hasSequences() ? this.sequences.stream()
			.map((sequence) -> new Sequence(rules.storedIdentifier(sequence.name()), sequence.startWith(),
					sequence.incrementBy()))
			.toList() : List.of();
		return Schema.of(stored, sequences);
	}

	private Table stored(Table table, SchemaRules rules) {
		List<Column> columns = new ArrayList<>();
		for (Column column : table.columns()) {
			Type declared = (column.type().kind() == Type.Kind.RAW) ? rules.declaredType(column.type().sql())
					: column.type();
			// the declared type, not what the database makes of it (SQLite keeps an
			// auto-increment key as INTEGER): a revision written from it must say BIGINT
			// for a Long id on every database; comparisons read both through storedType
			Type written = this.mappedTypes.of(table.name(), column.name())
				.filter((mapped) -> rules.sameType(rules.storedType(mapped, column.isAutoIncrement()),
						rules.storedType(declared, column.isAutoIncrement())))
				.orElse(declared);
			Column stored = column.named(rules.storedIdentifier(column.name())).type(written);
			columns.add(rules.hasComments() ? stored : stored.comment(null));
		}
		PrimaryKey primaryKey = (table.primaryKey() != null)
				? new PrimaryKey(null, names(table.primaryKey().columns(), rules)) : null;
		List<UniqueConstraint> uniques = table.uniqueConstraints()
			.stream()
			.map((unique) -> new UniqueConstraint(name(unique.name(), rules), names(unique.columns(), rules)))
			.toList();
		List<ForeignKey> foreignKeys = table.foreignKeys()
			.stream()
			.map((key) -> new ForeignKey(name(key.name(), rules), names(key.columns(), rules),
					rules.storedIdentifier(key.referencedTable()), names(key.referencedColumns(), rules),
					key.onDelete(), key.onUpdate()))
			.toList();
		List<CheckConstraint> checks = table.checks()
			.stream()
			.map((check) -> new CheckConstraint(name(check.name(), rules), check.expression()))
			.toList();
		String name = rules.storedIdentifier(table.name());
		List<Index> indexes = table.indexes()
			.stream()
			.map((index) -> index.with(rules.storedIdentifier(index.name()), name, names(index.columns(), rules)))
			.toList();
		return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes,
				rules.hasComments() ? table.comment() : null);
	}

	private static String name(String name, SchemaRules rules) {
		return (name != null) ? rules.storedIdentifier(name) : null;
	}

	private static List<String> names(List<String> names, SchemaRules rules) {
		return names.stream().map(rules::storedIdentifier).toList();
	}

	/**
	 * A column whose values the database computes.
	 *
	 * @param table the table, as the entities name it
	 * @param column the column, as the entities name it
	 * @param type its type as Hibernate writes it in DDL
	 * @param expression the expression it is generated from
	 */
	public record GeneratedColumn(String table, String column, String type, String expression) {

	}

	/**
	 * A database enum type, as Hibernate creates it for
	 * {@code @JdbcTypeCode(NAMED_ENUM)}.
	 *
	 * @param name the type's name, as Hibernate writes it
	 * @param values its values, in their order
	 * @param create the statements that create it (the type, and the casts Hibernate
	 * adds)
	 * @param drop the statements that drop what {@code create} creates, in order
	 */
	public record EnumType(String name, List<String> values, List<String> create, List<String> drop) {

		public EnumType {
			values = List.copyOf(values);
			create = List.copyOf(create);
			drop = List.copyOf(drop);
		}

	}

	/**
	 * The portable type of each column as its Java mapping asks for it (Hibernate's JDBC
	 * type code and size: {@code Instant} a timestamp with time zone, {@code UUID} a
	 * UUID), whatever the dialect spells it as. Where the database stores it the same as
	 * the dialect's own spelling (SQLite: {@code timestamp}, {@code blob}), the model
	 * carries this type, so that a revision generated on one database declares what the
	 * entities mean on every other.
	 *
	 * @param types by table name: the type by column name
	 */
	public record MappedTypes(Map<String, Map<String, Type>> types) {

		public static final MappedTypes NONE = new MappedTypes(Map.of());

		public MappedTypes {
			Map<String, Map<String, Type>> copy = new LinkedHashMap<>();
			types.forEach((table, columns) -> copy.put(table, Map.copyOf(columns)));
			types = Map.copyOf(copy);
		}

		/** The mapped type of a column, if one is known. */
		public Optional<Type> of(String table, String column) {
			return Optional.ofNullable(this.types.getOrDefault(table, Map.of()).get(column));
		}

	}

	/**
	 * Renames declared with {@link RenamedFrom}.
	 *
	 * @param tables old table name by new table name
	 * @param columns by (new) table name: old column name by new column name
	 */
	public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {

		public static final Renames NONE = new Renames(Map.of(), Map.of());

		public Renames {
			tables = Map.copyOf(tables);
			Map<String, Map<String, String>> copy = new LinkedHashMap<>();
			columns.forEach((table, renames) -> copy.put(table, Map.copyOf(renames)));
			columns = Map.copyOf(copy);
		}

		/**
		 * The old name of a table the model has under {@code table}, if it was renamed.
		 */
		public Optional<String> tableRenamedFrom(String table) {
			return Optional.ofNullable(this.tables.get(table));
		}

		/** The old name of a column, if it was renamed. */
		public Optional<String> columnRenamedFrom(String table, String column) {
			return Optional.ofNullable(this.columns.getOrDefault(table, Map.of()).get(column));
		}

	}

}
