package dev.retort.migration.autogenerate;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Column;
import dev.retort.migration.schema.ForeignKey;
import dev.retort.migration.schema.Index;
import dev.retort.migration.schema.PrimaryKey;
import dev.retort.migration.schema.Sequence;
import dev.retort.migration.schema.Table;
import dev.retort.migration.schema.Type;
import dev.retort.migration.schema.UniqueConstraint;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.InitCommand;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.DatabaseStructure;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.mapping.GeneratorSettings;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.SqlTypes;

/**
 * Reads Hibernate's boot {@link Metadata} into an {@link EntityModel}: every physical
 * table of the default namespace (entity, join, collection and id-generator tables) with
 * the types Hibernate's dialect would write, nullability, {@code @ColumnDefault}s,
 * identity, keys, unique constraints, indexes, foreign keys with their {@code @OnDelete}
 * action, checks (the user's and those Hibernate adds for enums), comments, and
 * sequences. Names are those of the running application's naming strategy, since they
 * come from its own Metadata.
 */
public final class HibernateModel {

	private static final Pattern SEED_INSERT = Pattern
		.compile("(?i)^insert into (\\S+) \\( (\\S+) \\) values \\( (-?\\d+) \\)$");

	private static final Pattern DEFINITION_WITH_DEFAULT = Pattern
		.compile("(?i)^(.*?)\\s+default\\s+(.+?)(\\s+not\\s+null|\\s+null)?$");

	private static final Pattern CREATE_ENUM_TYPE = Pattern.compile("(?is)^create type (\\S+) as enum \\((.*)\\)$");

	private static final Pattern QUOTED_VALUE = Pattern.compile("'((?:[^']|'')*)'");

	private static final Pattern CREATE_CAST = Pattern.compile("(?is)^create cast \\((\\S+ as \\S+)\\).*$");

	private static final Pattern DEFINITION_NOT_NULL = Pattern.compile("(?i)^(.*?)\\s+not\\s+null$");

	/**
	 * Hibernate's default precision of a timestamp
	 * ({@code Dialect#getDefaultTimestampPrecision}).
	 */
	private static final int DEFAULT_FRACTIONAL_DIGITS = 6;

	private HibernateModel() {
	}

	/** Copies what autogenerate compares out of Hibernate's metadata. */
	public static EntityModel read(Metadata metadata) {
		List<Table> tables = new ArrayList<>();
		List<Sequence> sequences = new ArrayList<>();
		Map<String, List<Map<String, Object>>> seedRows = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		List<EntityModel.GeneratedColumn> generated = new ArrayList<>();
		Map<String, Map<String, Type>> mappedTypes = new LinkedHashMap<>();
		SqlStringGenerationContext context = SqlStringGenerationContextImpl
			.fromExplicit(metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
		for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
			boolean defaultNamespace = namespace.getName().schema() == null && namespace.getName().catalog() == null;
			for (org.hibernate.mapping.Table table : namespace.getTables()) {
				if (!table.isPhysicalTable() || table.isView() || table.isSubselect()) {
					continue;
				}
				if (!defaultNamespace) {
					notes.add("Table " + table.getQualifiedTableName() + " is in another schema than the connection's: "
							+ "autogenerate compares the current schema only, so it is left out.");
					continue;
				}
				tables.add(table(table, metadata, notes, generated));
				Map<String, Type> mapped = mappedTypes(table, metadata);
				if (!mapped.isEmpty()) {
					mappedTypes.put(table.getName(), mapped);
				}
				List<Map<String, Object>> rows = seedRows(table, context, notes);
				if (!rows.isEmpty()) {
					seedRows.put(table.getName(), rows);
				}
			}
			if (defaultNamespace) {
				for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
					sequences.add(new Sequence(sequence.getName().getSequenceName().getText(),
							sequence.getInitialValue(), sequence.getIncrementSize()));
				}
			}
		}
		return new EntityModel(tables, sequences, seedRows, renames(metadata), notes, generated,
				enumTypes(metadata, context), new EntityModel.MappedTypes(mappedTypes),
				sequenceTables(metadata, context, seedRows.keySet()));
	}

	private static Table table(org.hibernate.mapping.Table table, Metadata metadata, List<String> notes,
			List<EntityModel.GeneratedColumn> generated) {
		List<Column> columns = new ArrayList<>();
		List<CheckConstraint> checks = new ArrayList<>();
		List<UniqueConstraint> uniques = new ArrayList<>();
		List<String> keyColumns = (table.getPrimaryKey() != null)
				? table.getPrimaryKey().getColumns().stream().map(org.hibernate.mapping.Column::getName).toList()
				: List.of();
		for (org.hibernate.mapping.Column column : table.getColumns()) {
			if (column.getGeneratedAs() != null) {
				generated.add(new EntityModel.GeneratedColumn(table.getName(), column.getName(),
						column.getSqlType(metadata).strip(), column.getGeneratedAs()));
				notes.add("Column " + table.getName() + "." + column.getName() + " is generated ("
						+ column.getGeneratedAs() + "): autogenerate checks that the database has it, not its "
						+ "expression, and asks for it with a TODO instead of writing it.");
				continue;
			}
			columns.add(column(column, keyColumns.contains(column.getName()), metadata));
			for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
				checks.add(new CheckConstraint(constraintName(check.getName(), metadata), check.getConstraint()));
			}
		}
		for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
			checks.add(new CheckConstraint(constraintName(check.getName(), metadata), check.getConstraint()));
		}
		for (org.hibernate.mapping.UniqueKey key : table.getUniqueKeys().values()) {
			List<String> keyed = key.getColumns().stream().map(org.hibernate.mapping.Column::getName).toList();
			if (!keyed.equals(keyColumns)) {
				uniques.add(new UniqueConstraint(constraintName(key.getName(), metadata), keyed));
			}
		}
		for (org.hibernate.mapping.Column column : table.getColumns()) {
			boolean alreadyUnique = uniques.stream()
				.anyMatch((unique) -> unique.columns().equals(List.of(column.getName())));
			if (column.isUnique() && !alreadyUnique && !keyColumns.equals(List.of(column.getName()))) {
				uniques.add(
						new UniqueConstraint(constraintName("uk_" + table.getName() + "_" + column.getName(), metadata),
								List.of(column.getName())));
			}
		}
		List<Index> indexes = new ArrayList<>();
		for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
			List<String> indexed = new ArrayList<>();
			Set<String> descending = new LinkedHashSet<>();
			for (Selectable selectable : index.getSelectables()) {
				if (selectable instanceof org.hibernate.mapping.Column column) {
					indexed.add(column.getName());
					// columnList = "created_at desc"
					if ("desc".equalsIgnoreCase(index.getSelectableOrderMap().get(selectable))) {
						descending.add(column.getName());
					}
				}
			}
			if (indexed.size() != index.getSelectables().size()) {
				notes.add("Index " + index.getName() + " on " + table.getName()
						+ " has expressions: autogenerate compares column indexes only, so it is left out.");
				continue;
			}
			indexes.add(new Index(constraintName(index.getName(), metadata), table.getName(), indexed, index.isUnique(),
					null, descending));
		}
		List<ForeignKey> foreignKeys = new ArrayList<>();
		for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
			if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
				continue;
			}
			org.hibernate.mapping.Table target = key.getReferencedTable();
			List<org.hibernate.mapping.Column> referenced = key.isReferenceToPrimaryKey()
					? target.getPrimaryKey().getColumns() : key.getReferencedColumns();
			foreignKeys.add(new ForeignKey(constraintName(key.getName(), metadata),
					key.getColumns().stream().map(org.hibernate.mapping.Column::getName).toList(), target.getName(),
					referenced.stream().map(org.hibernate.mapping.Column::getName).toList(),
					action(key.getOnDeleteAction()), ForeignKey.Action.NO_ACTION));
		}
		PrimaryKey primaryKey = keyColumns.isEmpty() ? null : new PrimaryKey(null, keyColumns);
		return new Table(table.getName(), columns, primaryKey, uniques, foreignKeys, checks, indexes,
				blankToNull(table.getComment()));
	}

	/**
	 * A constraint's or an index's name as the database keeps it when Hibernate's own DDL
	 * made it: Hibernate writes such names unquoted (its generated {@code FK1smc…} and
	 * {@code UK…} too) unless identifiers are quoted globally, so PostgreSQL keeps them
	 * in lower case. Revisions write them that way on every database, so that a database
	 * Hibernate's {@code ddl-auto} made and one the revisions built have the same names
	 * (SQLite compares names without case either way).
	 */
	private static String constraintName(String name, Metadata metadata) {
		if (name == null) {
			return null;
		}
		Identifier identifier = metadata.getDatabase().getJdbcEnvironment().getIdentifierHelper().toIdentifier(name);
		return identifier.isQuoted() ? identifier.getText() : lowerCaseAscii(identifier.getText());
	}

	/** PostgreSQL's folding of an unquoted name: ASCII letters only. */
	private static String lowerCaseAscii(String name) {
		StringBuilder folded = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			folded.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
		}
		return folded.toString();
	}

	/**
	 * The sequences of Hibernate's sequence id generators that the dialect keeps as
	 * tables, since its database has no sequences (SQLite): by table name, the sequence
	 * the table stands for on other databases, with the mapping's start and increment.
	 */
	private static Map<String, Sequence> sequenceTables(Metadata metadata, SqlStringGenerationContext context,
			Set<String> seededTables) {
		Map<String, Sequence> tables = new LinkedHashMap<>();
		if (seededTables.isEmpty() || metadata.getDatabase().getDialect().getSequenceSupport().supportsSequences()) {
			// such a table is seeded with its first value; making generators is not free
			return tables;
		}
		for (PersistentClass entity : metadata.getEntityBindings()) {
			if (!(entity instanceof RootClass root) || root.getIdentifier() == null) {
				continue;
			}
			try {
				Generator generator = root.getIdentifier()
					.createGenerator(metadata.getDatabase().getDialect(), root, root.getIdentifierProperty(),
							new DefaultNamespace(context));
				if (generator instanceof SequenceStyleGenerator sequence
						&& !sequence.getDatabaseStructure().isPhysicalSequence()) {
					DatabaseStructure structure = sequence.getDatabaseStructure();
					String name = structure.getPhysicalName().getObjectName().getText();
					if (seededTables.contains(name)) {
						tables.put(name, new Sequence(name, structure.getInitialValue(), structure.getIncrementSize()));
					}
				}
			}
			catch (RuntimeException ex) {
				// a generator that cannot be made outside a running application: its
				// table is compared and written as a table
			}
		}
		return tables;
	}

	/** The settings a generator is made with: the connection's own catalog and schema. */
	private record DefaultNamespace(SqlStringGenerationContext context) implements GeneratorSettings {

		@Override
		public String getDefaultCatalog() {
			return null;
		}

		@Override
		public String getDefaultSchema() {
			return null;
		}

		@Override
		public SqlStringGenerationContext getSqlStringGenerationContext() {
			return this.context;
		}

	}

	/**
	 * The portable types the table's columns are mapped to, read from their JDBC type
	 * codes and sizes; a column with its own {@code columnDefinition} has none.
	 */
	private static Map<String, Type> mappedTypes(org.hibernate.mapping.Table table, Metadata metadata) {
		Map<String, Type> types = new LinkedHashMap<>();
		for (org.hibernate.mapping.Column column : table.getColumns()) {
			if (column.getGeneratedAs() != null) {
				continue;
			}
			try {
				Type type = hasOwnDefinition(column, metadata) ? null : mappedType(column, metadata);
				if (type != null) {
					types.put(column.getName(), type);
				}
			}
			catch (RuntimeException ex) {
				// a mapping Hibernate cannot size outside its own DDL: the dialect's
				// spelling stands
			}
		}
		return types;
	}

	/**
	 * Whether the column's DDL type is not the one Hibernate derives from its mapping (a
	 * {@code columnDefinition}). Hibernate keeps both in one field, and keeps the derived
	 * one there once asked for it, so the derived one is asked of a column with the same
	 * mapping and size but no type name.
	 */
	private static boolean hasOwnDefinition(org.hibernate.mapping.Column column, Metadata metadata) {
		if (column.getSqlType() == null) {
			return false;
		}
		org.hibernate.mapping.Column derived = new org.hibernate.mapping.Column(column.getName());
		derived.setValue(column.getValue());
		derived.setTypeIndex(column.getTypeIndex());
		derived.setLength(column.getLength());
		derived.setPrecision(column.getPrecision());
		derived.setScale(column.getScale());
		derived.setArrayLength(column.getArrayLength());
		derived.setTemporalPrecision(column.getTemporalPrecision());
		return !derived.getSqlType(metadata).strip().equalsIgnoreCase(column.getSqlType(metadata).strip());
	}

	private static Type mappedType(org.hibernate.mapping.Column column, Metadata metadata) {
		int code = column.getSqlTypeCode(metadata);
		Size size = column.getColumnSize(metadata.getDatabase().getDialect(), metadata);
		return switch (code) {
			case SqlTypes.BIGINT -> Type.BIGINT;
			case SqlTypes.INTEGER -> Type.INTEGER;
			case SqlTypes.SMALLINT, SqlTypes.TINYINT -> Type.SMALLINT;
			case SqlTypes.BOOLEAN, SqlTypes.BIT ->
				(size.getLength() == null || size.getLength() <= 1) ? Type.BOOLEAN : null;
			case SqlTypes.VARCHAR, SqlTypes.NVARCHAR ->
				(size.getLength() != null) ? Type.varchar(Math.toIntExact(size.getLength())) : null;
			case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> (size.getPrecision() != null && size.getScale() != null)
					? Type.numeric(size.getPrecision(), size.getScale()) : null;
			case SqlTypes.REAL -> Type.FLOAT;
			case SqlTypes.DOUBLE -> Type.DOUBLE;
			case SqlTypes.FLOAT ->
				(size.getPrecision() == null) ? null : (size.getPrecision() > 24) ? Type.DOUBLE : Type.FLOAT;
			case SqlTypes.DATE -> Type.DATE;
			case SqlTypes.TIME -> Type.time(fractionalDigits(column, size));
			case SqlTypes.TIMESTAMP -> Type.timestamp(fractionalDigits(column, size));
			case SqlTypes.TIMESTAMP_UTC, SqlTypes.TIMESTAMP_WITH_TIMEZONE ->
				Type.timestampWithTimeZone(fractionalDigits(column, size));
			case SqlTypes.UUID -> Type.UUID;
			// a dialect without a UUID type (SQLite) maps java.util.UUID to binary (a
			// blob once @Column gives it a length)
			case SqlTypes.BINARY, SqlTypes.VARBINARY, SqlTypes.LONGVARBINARY, SqlTypes.BLOB ->
				isUuid(column, metadata) ? Type.UUID : null;
			default -> null;
		};
	}

	/**
	 * The fractional seconds of a time or timestamp: the column's own, else the size the
	 * dialect gives it, else Hibernate's default (microseconds) where the dialect writes
	 * none (SQLite).
	 */
	private static int fractionalDigits(org.hibernate.mapping.Column column, Size size) {
		if (column.getTemporalPrecision() != null) {
			return column.getTemporalPrecision();
		}
		return (size.getPrecision() != null) ? size.getPrecision() : DEFAULT_FRACTIONAL_DIGITS;
	}

	private static boolean isUuid(org.hibernate.mapping.Column column, Metadata metadata) {
		JdbcMapping mapping = column.getValue().getSelectableType(metadata, column.getTypeIndex());
		return mapping.getJavaTypeDescriptor().getJavaTypeClass() == java.util.UUID.class;
	}

	private static Column column(org.hibernate.mapping.Column column, boolean inPrimaryKey, Metadata metadata) {
		String definition = column.getSqlType(metadata).strip();
		String serverDefault = column.getDefaultValue();
		boolean nullable = column.isNullable() && !inPrimaryKey;
		Matcher withDefault = DEFINITION_WITH_DEFAULT.matcher(definition);
		if (withDefault.matches()) {
			// a columnDefinition that carries its own default: the default is the
			// column's
			definition = withDefault.group(1);
			serverDefault = (serverDefault != null) ? serverDefault : withDefault.group(2);
			nullable = nullable && (withDefault.group(3) == null || !withDefault.group(3).strip().startsWith("not"));
		}
		Matcher notNull = DEFINITION_NOT_NULL.matcher(definition);
		if (notNull.matches()) {
			definition = notNull.group(1);
			nullable = false;
		}
		Column result = Column.of(column.getName(), Type.raw(definition))
			.nullable(nullable)
			.serverDefault(serverDefault)
			.comment(blankToNull(column.getComment()));
		if (inPrimaryKey) {
			result = result.primaryKey();
		}
		return column.isIdentity() ? result.autoIncrement() : result;
	}

	/**
	 * The enum types Hibernate creates for named enums, from the auxiliary objects it
	 * adds to the boot model: {@code create type Mood as enum ('A','B')} and its casts.
	 */
	private static List<EntityModel.EnumType> enumTypes(Metadata metadata, SqlStringGenerationContext context) {
		List<EntityModel.EnumType> types = new ArrayList<>();
		for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
			String[] create = object.sqlCreateStrings(context);
			Matcher type = (create.length > 0) ? CREATE_ENUM_TYPE.matcher(create[0].strip()) : null;
			if (type == null || !type.matches()) {
				continue;
			}
			List<String> values = new ArrayList<>();
			Matcher value = QUOTED_VALUE.matcher(type.group(2));
			while (value.find()) {
				values.add(value.group(1).replace("''", "'"));
			}
			List<String> drop = new ArrayList<>();
			for (String statement : create) {
				Matcher cast = CREATE_CAST.matcher(statement.strip());
				if (cast.matches()) {
					drop.add("drop cast if exists (" + cast.group(1) + ")");
				}
			}
			drop.add("drop type " + type.group(1));
			types.add(new EntityModel.EnumType(type.group(1), values, List.of(create), drop));
		}
		return types;
	}

	private static List<Map<String, Object>> seedRows(org.hibernate.mapping.Table table,
			SqlStringGenerationContext context, List<String> notes) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (InitCommand command : table.getInitCommands(context)) {
			for (String statement : command.initCommands()) {
				Matcher insert = SEED_INSERT.matcher(statement.strip());
				if (insert.matches()) {
					rows.add(Map.of(insert.group(2), Long.parseLong(insert.group(3))));
				}
				else {
					notes.add("Hibernate initialises table " + table.getName() + " with '" + statement
							+ "', which autogenerate does not write: add it to the revision by hand.");
				}
			}
		}
		return rows;
	}

	private static ForeignKey.Action action(OnDeleteAction action) {
		if (action == null) {
			return ForeignKey.Action.NO_ACTION;
		}
		return switch (action) {
			case CASCADE -> ForeignKey.Action.CASCADE;
			case RESTRICT -> ForeignKey.Action.RESTRICT;
			case SET_NULL -> ForeignKey.Action.SET_NULL;
			case SET_DEFAULT -> ForeignKey.Action.SET_DEFAULT;
			case NO_ACTION -> ForeignKey.Action.NO_ACTION;
		};
	}

	private static EntityModel.Renames renames(Metadata metadata) {
		Map<String, String> tables = new LinkedHashMap<>();
		Map<String, Map<String, String>> columns = new LinkedHashMap<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null) {
				continue;
			}
			RenamedFrom tableRename = type.getAnnotation(RenamedFrom.class);
			if (tableRename != null && entity.getTable() != null) {
				tables.put(entity.getTable().getName(), tableRename.value());
			}
			List<Property> properties = new ArrayList<>(entity.getPropertyClosure());
			if (entity.getIdentifierProperty() != null) {
				properties.add(entity.getIdentifierProperty());
			}
			for (Property property : properties) {
				RenamedFrom columnRename = renamedFrom(type, property.getName());
				if (columnRename == null || property.getColumns().size() != 1) {
					continue;
				}
				org.hibernate.mapping.Column column = property.getColumns().get(0);
				String table = (column.getValue() != null && column.getValue().getTable() != null)
						? column.getValue().getTable().getName() : entity.getTable().getName();
				columns.computeIfAbsent(table, (t) -> new LinkedHashMap<>())
					.put(column.getName(), columnRename.value());
			}
		}
		return new EntityModel.Renames(tables, columns);
	}

	/** The annotation on the property's field or getter, searching superclasses. */
	private static RenamedFrom renamedFrom(Class<?> type, String property) {
		String getter = "get" + property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
		String booleanGetter = "is" + getter.substring(3);
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (field.getName().equals(property) && annotated(field)) {
					return field.getAnnotation(RenamedFrom.class);
				}
			}
			for (Method method : current.getDeclaredMethods()) {
				if ((method.getName().equals(getter) || method.getName().equals(booleanGetter))
						&& method.getParameterCount() == 0 && annotated(method)) {
					return method.getAnnotation(RenamedFrom.class);
				}
			}
		}
		return null;
	}

	private static boolean annotated(AnnotatedElement element) {
		return element.isAnnotationPresent(RenamedFrom.class);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
