package dev.retort.migration.autogenerate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
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
import dev.retort.migration.operation.Operations;
import dev.retort.migration.operation.RenameTable;
import dev.retort.migration.operation.SetTableComment;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;
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
 * Writes a {@link RevisionDraft} as the Java revision a person would have written: a
 * class annotated {@link Revision} whose {@code upgrade} and {@code downgrade} call the
 * {@link Operations} DSL. Every operation is written so that the class records exactly
 * the draft's operations again. The source is indented with 4 spaces, the usual Java
 * style of application code; a step's comments become {@code //} lines above its call.
 */
public final class JavaRevisionWriter {

	private static final String INDENT = "    ";

	/** Statements longer than this put each argument after the first ones on a line. */
	private static final int LINE_WIDTH = 100;

	private static final int BODY_INDENT = 8;

	private static final String SCHEMA = "dev.retort.migration.schema";

	private static final String OPERATION = "dev.retort.migration.operation";

	private static final ClassName COLUMN = ClassName.get(Column.class);

	private static final ClassName TYPE = ClassName.get(Type.class);

	private static final ClassName TYPE_KIND = ClassName.get(SCHEMA, "Type", "Kind");

	private static final ClassName CONSTRAINT = ClassName.get(Constraint.class);

	private static final ClassName CONSTRAINT_KIND = ClassName.get(SCHEMA, "Constraint", "Kind");

	private static final ClassName FOREIGN_KEY_ACTION = ClassName.get(SCHEMA, "ForeignKey", "Action");

	private static final ClassName INDEX = ClassName.get(Index.class);

	private static final ClassName TABLE = ClassName.get(Table.class);

	private static final ClassName SEQUENCE = ClassName.get(Sequence.class);

	private static final ClassName OPERATIONS = ClassName.get(Operations.class);

	private static final ClassName LIST = ClassName.get(List.class);

	/** Simple names the generated source uses, which the class itself must not take. */
	private static final Set<String> TAKEN_NAMES = Set.of("Migration", "Revision", "Operations", "Column", "Type",
			"Constraint", "ForeignKey", "Index", "Table", "Sequence", "List", "BigDecimal", "BigInteger", "UUID",
			"Duration", "Instant", "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime", "OffsetTime",
			"ZonedDateTime", "AddColumn", "AddConstraint", "AlterColumn", "AlterSequence", "BulkInsert", "CreateIndex",
			"CreateSequence", "CreateTable", "DropColumn", "DropConstraint", "DropIndex", "DropSequence", "DropTable",
			"Execute", "Irreversible", "RenameTable", "SetTableComment");

	private static final int MAX_CLASS_NAME = 60;

	private static final Pattern UNICODE_ESCAPE = Pattern.compile("(\\\\+)u");

	private final String packageName;

	/**
	 * A writer of revisions in one package.
	 * @param packageName the package of the generated classes, e.g. {@code db.migrations}
	 */
	public JavaRevisionWriter(String packageName) {
		this.packageName = Objects.requireNonNull(packageName, "packageName");
	}

	public String packageName() {
		return this.packageName;
	}

	/**
	 * The class name for a revision's message: its words in upper camel case
	 * ({@code "add priority to tasks"} → {@code AddPriorityToTasks}), accents dropped,
	 * punctuation removed, prefixed with {@code Revision} when it would start with a
	 * digit, clash with a name the source uses or with {@code java.lang}, or when the
	 * message has no letters at all ({@code Revision3f2a9c1b7d4e}).
	 */
	public static String className(String message, String id) {
		String ascii = Normalizer.normalize((message != null) ? message : "", Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		StringBuilder name = new StringBuilder();
		for (String word : ascii.split("[^A-Za-z0-9]+")) {
			if (word.isEmpty()) {
				continue;
			}
			if (name.length() + word.length() > MAX_CLASS_NAME) {
				break;
			}
			name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
		}
		if (name.isEmpty()) {
			return "Revision" + id;
		}
		String candidate = name.toString();
		if (Character.isDigit(candidate.charAt(0))) {
			return "Revision" + candidate;
		}
		if (TAKEN_NAMES.contains(candidate) || isJavaLangType(candidate)) {
			return candidate + "Revision";
		}
		return candidate;
	}

	private static boolean isJavaLangType(String name) {
		try {
			Class.forName("java.lang." + name, false, JavaRevisionWriter.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/**
	 * The source of the revision as the class {@code className} of this writer's package.
	 */
	public String write(RevisionDraft draft, String className) {
		AnnotationSpec.Builder revision = AnnotationSpec.builder(Revision.class).addMember("id", "$S", draft.id());
		addStrings(revision, "revises", draft.revises());
		if (!draft.message().isEmpty()) {
			revision.addMember("message", "$S", draft.message());
		}
		addStrings(revision, "branchLabels", draft.branchLabels());
		addStrings(revision, "dependsOn", draft.dependsOn());
		revision.addMember("created", "$S", draft.created().toString());
		if (requiresNoTransaction(draft)) {
			revision.addMember("transactional", "$L", false);
		}
		TypeSpec type = TypeSpec.classBuilder(className)
			.addModifiers(Modifier.PUBLIC)
			.addAnnotation(revision.build())
			.addSuperinterface(Migration.class)
			.addMethod(direction("upgrade", draft.upgrade()))
			.addMethod(direction("downgrade", draft.downgrade()))
			.build();
		return JavaFile.builder(this.packageName, type).indent(INDENT).skipJavaLangImports(true).build().toString();
	}

	private static boolean requiresNoTransaction(RevisionDraft draft) {
		return draft.upgrade()
			.stream()
			.anyMatch((step) -> !step.isCommentOnly() && step.operation().requiresNoTransaction())
				|| draft.downgrade()
					.stream()
					.anyMatch((step) -> !step.isCommentOnly() && step.operation().requiresNoTransaction());
	}

	private static void addStrings(AnnotationSpec.Builder annotation, String member, List<String> values) {
		for (String value : values) {
			annotation.addMember(member, "$S", value);
		}
	}

	private MethodSpec direction(String name, List<Step> steps) {
		MethodSpec.Builder method = MethodSpec.methodBuilder(name)
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.addParameter(Operations.class, "op");
		for (Step step : steps) {
			List<String> comments = new ArrayList<>();
			step.comments().forEach((comment) -> comments.addAll(comment.lines().toList()));
			if (step.isCommentOnly() && !comments.isEmpty() && !comments.get(0).startsWith("TODO")) {
				comments.set(0, "TODO " + comments.get(0));
			}
			for (String comment : comments) {
				method.addCode("$L\n", ("// " + escapeUnicode(comment)).strip());
			}
			if (!step.isCommentOnly()) {
				method.addStatement(operation(step.operation()));
			}
		}
		return method.build();
	}

	/**
	 * A comment's text with unicode escapes neutralised: the compiler reads
	 * {@code \u000a} even inside a comment, as a line break.
	 */
	private static String escapeUnicode(String comment) {
		Matcher escapes = UNICODE_ESCAPE.matcher(comment);
		StringBuilder result = new StringBuilder();
		while (escapes.find()) {
			String backslashes = escapes.group(1);
			String safe = (backslashes.length() % 2 == 1) ? backslashes + "\\" : backslashes;
			escapes.appendReplacement(result, Matcher.quoteReplacement(safe + "u"));
		}
		escapes.appendTail(result);
		return result.toString();
	}

	private CodeBlock operation(Operation operation) {
		if (operation instanceof CreateTable create) {
			return createTable(create);
		}
		if (operation instanceof DropTable drop) {
			return dropTable(drop);
		}
		if (operation instanceof RenameTable rename) {
			return call("op.renameTable", List.of(string(rename.table()), string(rename.newName())), List.of());
		}
		if (operation instanceof AddColumn add) {
			return call("op.addColumn", List.of(string(add.table())), List.of(column(add.column())));
		}
		if (operation instanceof DropColumn drop) {
			return dropColumn(drop);
		}
		if (operation instanceof AlterColumn alter) {
			return call("op.alterColumn", List.of(string(alter.table()), string(alter.column())),
					List.of(change(alter)));
		}
		if (operation instanceof CreateIndex create) {
			return createIndex(create);
		}
		if (operation instanceof DropIndex drop) {
			return dropIndex(drop);
		}
		if (operation instanceof AddConstraint add) {
			return addConstraint(add);
		}
		if (operation instanceof DropConstraint drop) {
			return dropConstraint(drop);
		}
		if (operation instanceof SetTableComment comment) {
			return setTableComment(comment);
		}
		if (operation instanceof CreateSequence create) {
			return call("op.createSequence", List.of(sequence(create.sequence())), List.of());
		}
		if (operation instanceof DropSequence drop) {
			return dropSequence(drop);
		}
		if (operation instanceof AlterSequence alter) {
			return alterSequence(alter);
		}
		if (operation instanceof Execute execute) {
			return call("op.execute", List.of(string(execute.sql())), List.of());
		}
		if (operation instanceof BulkInsert insert) {
			return bulkInsert(insert);
		}
		if (operation instanceof Irreversible irreversible) {
			return call("op.irreversible", List.of(string(irreversible.reason())), List.of());
		}
		throw new IllegalArgumentException("Unknown operation " + operation);
	}

	private CodeBlock createTable(CreateTable create) {
		Table table = create.definition();
		if (table.equals(Table.of(table.name(), tableElements(table)))) {
			return call("op.createTable", List.of(string(table.name())), elements(table));
		}
		return tableCall("op.createTable", table);
	}

	private CodeBlock dropTable(DropTable drop) {
		if (drop.definition() == null) {
			return call("op.dropTable", List.of(string(drop.table())), List.of());
		}
		if (drop.definition().name() != null && drop.definition().name().equals(drop.table())) {
			return tableCall("op.dropTable", drop.definition());
		}
		return add(DropTable.class, List.of(string(drop.table())), List.of(table(drop.definition())));
	}

	/**
	 * {@code name(Table.of("t", …).with…())}: on one line when it fits, otherwise one
	 * element a line and each {@code with…} call on a line of its own.
	 */
	private static CodeBlock tableCall(String name, Table table) {
		CodeBlock start = CodeBlock.of("$L($T.of(", name, TABLE);
		List<CodeBlock> head = List.of(string(table.name()));
		List<CodeBlock> elements = elements(table);
		CodeBlock oneLine = oneLine(start, head, elements,
				CodeBlock.builder().add(")").add(tableAdditions(table, "")).add(")").build());
		if (fits(oneLine)) {
			return oneLine;
		}
		return lines(start, head, elements,
				CodeBlock.builder().add(")").add(tableAdditions(table, "\n")).add(")").build());
	}

	private CodeBlock dropColumn(DropColumn drop) {
		if (drop.definition() == null) {
			return call("op.dropColumn", List.of(string(drop.table()), string(drop.column())), List.of());
		}
		if (drop.definition().name().equals(drop.column())) {
			return call("op.dropColumn", List.of(string(drop.table())), List.of(column(drop.definition())));
		}
		return add(DropColumn.class, List.of(string(drop.table()), string(drop.column())),
				List.of(column(drop.definition())));
	}

	private CodeBlock createIndex(CreateIndex create) {
		Index index = create.index();
		if (create.concurrently()) {
			return call("op.createIndexConcurrently", List.of(), List.of(index(index)));
		}
		if (index.where() != null || !index.descending().isEmpty()) {
			return call("op.createIndex", List.of(), List.of(index(index)));
		}
		List<CodeBlock> arguments = new ArrayList<>(List.of(string(index.name()), string(index.table())));
		index.columns().forEach((column) -> arguments.add(string(column)));
		return call(index.unique() ? "op.createUniqueIndex" : "op.createIndex", arguments, List.of());
	}

	private CodeBlock dropIndex(DropIndex drop) {
		Index definition = drop.definition();
		if (definition == null && !drop.concurrently()) {
			return call("op.dropIndex", List.of(string(drop.name()), string(drop.table())), List.of());
		}
		if (definition != null && definition.name().equals(drop.name()) && definition.table().equals(drop.table())) {
			return call(drop.concurrently() ? "op.dropIndexConcurrently" : "op.dropIndex", List.of(),
					List.of(index(definition)));
		}
		return add(DropIndex.class, List.of(string(drop.name()), string(drop.table())),
				List.of(nullable(definition, JavaRevisionWriter::index), CodeBlock.of("$L", drop.concurrently())));
	}

	private CodeBlock addConstraint(AddConstraint add) {
		Constraint constraint = add.constraint();
		if (constraint instanceof UniqueConstraint unique) {
			return call("op.createUniqueConstraint", names(unique.name(), add.table(), unique.columns()), List.of());
		}
		if (constraint instanceof PrimaryKey key) {
			return call("op.createPrimaryKey", names(key.name(), add.table(), key.columns()), List.of());
		}
		if (constraint instanceof CheckConstraint check) {
			return call("op.createCheckConstraint",
					List.of(string(check.name()), string(add.table()), string(check.expression())), List.of());
		}
		return call("op.addConstraint", List.of(string(add.table())), List.of(constraint(constraint)));
	}

	private static List<CodeBlock> names(String name, String table, List<String> columns) {
		List<CodeBlock> arguments = new ArrayList<>(List.of(string(name), string(table)));
		columns.forEach((column) -> arguments.add(string(column)));
		return arguments;
	}

	private CodeBlock dropConstraint(DropConstraint drop) {
		Constraint definition = drop.definition();
		if (definition == null) {
			List<CodeBlock> arguments = new ArrayList<>(List.of(string(drop.name()), string(drop.table())));
			if (drop.kind() != null) {
				arguments.add(CodeBlock.of("$T.$L", CONSTRAINT_KIND, drop.kind().name()));
			}
			return call("op.dropConstraint", arguments, List.of());
		}
		// an unnamed constraint (SQLite keeps checks without names) is known by its
		// definition
		if (Objects.equals(drop.name(), definition.name()) && drop.kind() == definition.kind()) {
			return call("op.dropConstraint", List.of(string(drop.table())), List.of(constraint(definition)));
		}
		return add(DropConstraint.class,
				List.of(string(drop.table()), string(drop.name()), (drop.kind() != null)
						? CodeBlock.of("$T.$L", CONSTRAINT_KIND, drop.kind().name()) : CodeBlock.of("null")),
				List.of(constraint(definition)));
	}

	private CodeBlock setTableComment(SetTableComment comment) {
		List<CodeBlock> arguments = new ArrayList<>(List.of(string(comment.table()), string(comment.comment())));
		if (comment.existing() != null) {
			arguments.add(string(comment.existing().orElse(null)));
		}
		return call("op.setTableComment", arguments, List.of());
	}

	private CodeBlock dropSequence(DropSequence drop) {
		if (drop.definition() == null) {
			return call("op.dropSequence", List.of(string(drop.name())), List.of());
		}
		if (drop.definition().name().equals(drop.name())) {
			return call("op.dropSequence", List.of(sequence(drop.definition())), List.of());
		}
		return add(DropSequence.class, List.of(string(drop.name())), List.of(sequence(drop.definition())));
	}

	private CodeBlock alterSequence(AlterSequence alter) {
		CodeBlock increment = CodeBlock.of("$L", longLiteral(alter.incrementBy()));
		if (alter.existing() == null) {
			return call("op.alterSequence", List.of(string(alter.name()), increment), List.of());
		}
		if (alter.existing().name().equals(alter.name())) {
			return call("op.alterSequence", List.of(sequence(alter.existing()), increment), List.of());
		}
		return add(AlterSequence.class, List.of(string(alter.name()), increment), List.of(sequence(alter.existing())));
	}

	private CodeBlock bulkInsert(BulkInsert insert) {
		List<CodeBlock> rows = new ArrayList<>();
		for (Map<String, Object> row : insert.rows()) {
			List<CodeBlock> values = new ArrayList<>();
			row.forEach((column, value) -> {
				values.add(string(column));
				values.add(value(insert.table(), column, value));
			});
			rows.add(CodeBlock.of("$T.row($L)", OPERATIONS, CodeBlock.join(values, ", ")));
		}
		CodeBlock start = CodeBlock.of("op.bulkInsert($S, $T.of(", insert.table(), LIST);
		return wrapped(start, List.of(), rows, CodeBlock.of("))"));
	}

	/** {@code op.add(new DropTable(…))}, for an operation the DSL does not spell. */
	private static CodeBlock add(Class<? extends Operation> type, List<CodeBlock> head, List<CodeBlock> tail) {
		return wrapped(CodeBlock.of("op.add(new $T(", ClassName.get(OPERATION, type.getSimpleName())), head, tail,
				CodeBlock.of("))"));
	}

	/**
	 * A call {@code name(head…, tail…)}: on one line when it fits, otherwise with each
	 * tail argument on its own continuation line.
	 */
	private static CodeBlock call(String name, List<CodeBlock> head, List<CodeBlock> tail) {
		return wrapped(CodeBlock.of("$L(", name), head, tail, CodeBlock.of(")"));
	}

	private static CodeBlock wrapped(CodeBlock start, List<CodeBlock> head, List<CodeBlock> tail, CodeBlock end) {
		CodeBlock oneLine = oneLine(start, head, tail, end);
		if (tail.isEmpty() || fits(oneLine)) {
			return oneLine;
		}
		return lines(start, head, tail, end);
	}

	private static CodeBlock oneLine(CodeBlock start, List<CodeBlock> head, List<CodeBlock> tail, CodeBlock end) {
		List<CodeBlock> all = new ArrayList<>(head);
		all.addAll(tail);
		return CodeBlock.builder().add(start).add(CodeBlock.join(all, ", ")).add(end).build();
	}

	/** Head arguments on the first line, then each tail argument on its own line. */
	private static CodeBlock lines(CodeBlock start, List<CodeBlock> head, List<CodeBlock> tail, CodeBlock end) {
		CodeBlock.Builder lines = CodeBlock.builder().add(start).add(CodeBlock.join(head, ", "));
		for (int index = 0; index < tail.size(); index++) {
			if (index > 0 || !head.isEmpty()) {
				lines.add(",");
			}
			lines.add("\n").add(tail.get(index));
		}
		return lines.add(end).build();
	}

	private static boolean fits(CodeBlock code) {
		String text = code.toString()
			.replace(SCHEMA + ".", "")
			.replace(OPERATION + ".", "")
			.replace("java.util.", "")
			.replace("java.math.", "")
			.replace("java.time.", "");
		return !text.contains("\n") && BODY_INDENT + text.length() + 1 <= LINE_WIDTH;
	}

	private static List<CodeBlock> elements(Table table) {
		List<CodeBlock> elements = new ArrayList<>();
		table.columns().forEach((column) -> elements.add(column(column)));
		List<String> flagged = table.columns().stream().filter(Column::isPrimaryKey).map(Column::name).toList();
		PrimaryKey key = table.primaryKey();
		if (key != null && (key.name() != null || !key.columns().equals(flagged))) {
			elements.add(constraint(key));
		}
		table.uniqueConstraints().forEach((unique) -> elements.add(constraint(unique)));
		table.foreignKeys().forEach((foreignKey) -> elements.add(constraint(foreignKey)));
		table.checks().forEach((check) -> elements.add(constraint(check)));
		return elements;
	}

	/** The elements that {@link #elements(Table)} writes, as objects. */
	private static List<dev.retort.migration.schema.TableElement> tableElements(Table table) {
		List<dev.retort.migration.schema.TableElement> elements = new ArrayList<>(table.columns());
		List<String> flagged = table.columns().stream().filter(Column::isPrimaryKey).map(Column::name).toList();
		PrimaryKey key = table.primaryKey();
		if (key != null && (key.name() != null || !key.columns().equals(flagged))) {
			elements.add(key);
		}
		elements.addAll(table.uniqueConstraints());
		elements.addAll(table.foreignKeys());
		elements.addAll(table.checks());
		return elements;
	}

	/**
	 * {@code Table.of("tasks", …)} with what {@code Table.of} cannot say (indexes, a
	 * comment, a missing primary key over flagged columns) as {@code with…} calls.
	 */
	private static CodeBlock table(Table table) {
		List<CodeBlock> arguments = new ArrayList<>(List.of(string(table.name())));
		arguments.addAll(elements(table));
		return CodeBlock.builder()
			.add("$T.of($L)", TABLE, CodeBlock.join(arguments, ", "))
			.add(tableAdditions(table, ""))
			.build();
	}

	/**
	 * What {@code Table.of} cannot say, as {@code with…} calls each after
	 * {@code separator}.
	 */
	private static CodeBlock tableAdditions(Table table, String separator) {
		CodeBlock.Builder code = CodeBlock.builder();
		Table listed = Table.of(table.name(), tableElements(table));
		if (!Objects.equals(listed.primaryKey(), table.primaryKey())) {
			code.add("$L.withPrimaryKey(null)", separator);
		}
		if (!table.indexes().isEmpty()) {
			List<CodeBlock> indexes = table.indexes().stream().map(JavaRevisionWriter::index).toList();
			code.add("$L.withIndexes($T.of($L))", separator, LIST, CodeBlock.join(indexes, ", "));
		}
		if (table.comment() != null) {
			code.add("$L.withComment($S)", separator, table.comment());
		}
		return code.build();
	}

	static CodeBlock column(Column column) {
		CodeBlock.Builder code = CodeBlock.builder().add("$T.of($S, $L)", COLUMN, column.name(), type(column.type()));
		if (column.isPrimaryKey()) {
			code.add(".primaryKey()");
			if (column.isNullable()) {
				code.add(".nullable()");
			}
		}
		else if (!column.isNullable()) {
			code.add(".notNull()");
		}
		if (column.isAutoIncrement()) {
			code.add(".autoIncrement()");
		}
		if (column.serverDefault() != null) {
			code.add(".serverDefault($S)", column.serverDefault());
		}
		if (column.comment() != null) {
			code.add(".comment($S)", column.comment());
		}
		return code.build();
	}

	static CodeBlock type(Type type) {
		Type.Kind kind = type.kind();
		boolean plain = type.length() == null && type.precision() == null && type.scale() == null && type.sql() == null;
		if (plain && kind != Type.Kind.RAW) {
			return CodeBlock.of("$T.$L", TYPE, kind.name());
		}
		if (type.equals(Type.varchar(orZero(type.length())))) {
			return CodeBlock.of("$T.varchar($L)", TYPE, type.length());
		}
		if (type.equals(Type.binary(orZero(type.length())))) {
			return CodeBlock.of("$T.binary($L)", TYPE, type.length());
		}
		if (type.equals(Type.numeric(orZero(type.precision()), orZero(type.scale())))) {
			return CodeBlock.of("$T.numeric($L, $L)", TYPE, type.precision(), type.scale());
		}
		if (type.equals(Type.timestamp(orZero(type.precision())))) {
			return CodeBlock.of("$T.timestamp($L)", TYPE, type.precision());
		}
		if (type.equals(Type.timestampWithTimeZone(orZero(type.precision())))) {
			return CodeBlock.of("$T.timestampWithTimeZone($L)", TYPE, type.precision());
		}
		if (type.equals(Type.time(orZero(type.precision())))) {
			return CodeBlock.of("$T.time($L)", TYPE, type.precision());
		}
		if (kind == Type.Kind.RAW && type.length() == null && type.precision() == null && type.scale() == null) {
			return CodeBlock.of("$T.raw($S)", TYPE, type.sql());
		}
		return CodeBlock.of("new $T($T.$L, $L, $L, $L, $S)", TYPE, TYPE_KIND, kind.name(), type.length(),
				type.precision(), type.scale(), type.sql());
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

	static CodeBlock constraint(Constraint constraint) {
		if (constraint instanceof PrimaryKey key) {
			return CodeBlock.of("$T.primaryKey($L)", CONSTRAINT, names(key.name(), key.columns()));
		}
		if (constraint instanceof UniqueConstraint unique) {
			return CodeBlock.of("$T.unique($L)", CONSTRAINT, names(unique.name(), unique.columns()));
		}
		if (constraint instanceof CheckConstraint check) {
			return CodeBlock.of("$T.check($S, $S)", CONSTRAINT, check.name(), check.expression());
		}
		return foreignKey((ForeignKey) constraint);
	}

	private static CodeBlock names(String name, List<String> columns) {
		List<CodeBlock> arguments = new ArrayList<>(List.of(string(name)));
		columns.forEach((column) -> arguments.add(string(column)));
		return CodeBlock.join(arguments, ", ");
	}

	private static CodeBlock foreignKey(ForeignKey key) {
		CodeBlock.Builder code = CodeBlock.builder();
		if (key.columns().size() == 1) {
			code.add("$T.foreignKey($S, $S, $S, $S)", CONSTRAINT, key.name(), key.columns().get(0),
					key.referencedTable(), key.referencedColumns().get(0));
		}
		else {
			code.add("$T.foreignKey($S, $L, $S, $L)", CONSTRAINT, key.name(), strings(key.columns()),
					key.referencedTable(), strings(key.referencedColumns()));
		}
		if (key.onDelete() != ForeignKey.Action.NO_ACTION) {
			code.add(".onDelete($T.$L)", FOREIGN_KEY_ACTION, key.onDelete().name());
		}
		if (key.onUpdate() != ForeignKey.Action.NO_ACTION) {
			code.add(".onUpdate($T.$L)", FOREIGN_KEY_ACTION, key.onUpdate().name());
		}
		return code.build();
	}

	private static CodeBlock strings(List<String> values) {
		return CodeBlock.of("$T.of($L)", LIST,
				CodeBlock.join(values.stream().map(JavaRevisionWriter::string).toList(), ", "));
	}

	static CodeBlock index(Index index) {
		List<CodeBlock> arguments = new ArrayList<>(List.of(string(index.name()), string(index.table())));
		index.columns().forEach((column) -> arguments.add(string(column)));
		CodeBlock.Builder code = CodeBlock.builder().add("$T.of($L)", INDEX, CodeBlock.join(arguments, ", "));
		if (index.unique()) {
			code.add(".asUnique()");
		}
		if (index.where() != null) {
			code.add(".where($S)", index.where());
		}
		List<CodeBlock> descending = index.descendingColumns().stream().map(JavaRevisionWriter::string).toList();
		if (!descending.isEmpty()) {
			code.add(".descending($L)", CodeBlock.join(descending, ", "));
		}
		return code.build();
	}

	private static CodeBlock sequence(Sequence sequence) {
		if (sequence.startWith() == 1) {
			return CodeBlock.of("$T.of($S, $L)", SEQUENCE, sequence.name(), longLiteral(sequence.incrementBy()));
		}
		return CodeBlock.of("new $T($S, $L, $L)", SEQUENCE, sequence.name(), longLiteral(sequence.startWith()),
				longLiteral(sequence.incrementBy()));
	}

	/** A long as Java writes it: {@code 50}, or {@code 3000000000L} beyond int. */
	private static String longLiteral(long value) {
		if (value == Long.MIN_VALUE) {
			return "Long.MIN_VALUE";
		}
		return (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) ? Long.toString(value) : value + "L";
	}

	/** {@code (c) -> c.type(…).notNull().existing(…)}: the change in the DSL's words. */
	private static CodeBlock change(AlterColumn alter) {
		List<CodeBlock> calls = new ArrayList<>();
		if (alter.newName() != null) {
			calls.add(CodeBlock.of("rename($S)", alter.newName()));
		}
		if (alter.type() != null) {
			calls.add(CodeBlock.of("type($L)", type(alter.type())));
		}
		if (alter.using() != null) {
			calls.add(CodeBlock.of("using($S)", alter.using()));
		}
		if (alter.nullable() != null) {
			calls.add(CodeBlock.of(alter.nullable() ? "nullable()" : "notNull()"));
		}
		if (alter.serverDefault() != null) {
			calls.add(alter.serverDefault().isPresent() ? CodeBlock.of("serverDefault($S)", alter.serverDefault().get())
					: CodeBlock.of("dropServerDefault()"));
		}
		if (alter.comment() != null) {
			calls.add(alter.comment().isPresent() ? CodeBlock.of("comment($S)", alter.comment().get())
					: CodeBlock.of("dropComment()"));
		}
		if (alter.existing() != null) {
			calls.add(CodeBlock.of("existing($L)", column(alter.existing())));
		}
		if (calls.isEmpty()) {
			return CodeBlock.of("(c) -> {\n}");
		}
		return CodeBlock.of("(c) -> c.$L", CodeBlock.join(calls, "."));
	}

	private static CodeBlock string(String value) {
		return CodeBlock.of("$S", value);
	}

	private static <T> CodeBlock nullable(T value, java.util.function.Function<T, CodeBlock> code) {
		return (value != null) ? code.apply(value) : CodeBlock.of("null");
	}

	/** A bulk-insert value as a Java expression that evaluates to an equal value. */
	private static CodeBlock value(String table, String column, Object value) {
		if (value == null) {
			return CodeBlock.of("null");
		}
		if (value instanceof String text) {
			return CodeBlock.of("$S", text);
		}
		if (value instanceof Boolean bool) {
			return CodeBlock.of("$L", bool);
		}
		if (value instanceof Integer number) {
			return CodeBlock.of("$L", number);
		}
		if (value instanceof Long number) {
			return CodeBlock.of("$L", number + "L");
		}
		if (value instanceof Short number) {
			return CodeBlock.of("(short) $L", number);
		}
		if (value instanceof Byte number) {
			return CodeBlock.of("(byte) $L", number);
		}
		if (value instanceof Double number) {
			return doubleLiteral(number);
		}
		if (value instanceof Float number) {
			return floatLiteral(number);
		}
		if (value instanceof Character character) {
			return CodeBlock.of("(char) $L", (int) character);
		}
		if (value instanceof BigDecimal number) {
			return CodeBlock.of("new $T($S)", BigDecimal.class, number.toString());
		}
		if (value instanceof BigInteger number) {
			return CodeBlock.of("new $T($S)", BigInteger.class, number.toString());
		}
		if (value instanceof UUID uuid) {
			return CodeBlock.of("$T.fromString($S)", UUID.class, uuid.toString());
		}
		if (value instanceof LocalDate date) {
			return CodeBlock.of("$T.parse($S)", LocalDate.class, date.toString());
		}
		if (value instanceof LocalDateTime time) {
			return CodeBlock.of("$T.parse($S)", LocalDateTime.class, time.toString());
		}
		if (value instanceof LocalTime time) {
			return CodeBlock.of("$T.parse($S)", LocalTime.class, time.toString());
		}
		if (value instanceof Instant instant) {
			return CodeBlock.of("$T.parse($S)", Instant.class, instant.toString());
		}
		if (value instanceof OffsetDateTime time) {
			return CodeBlock.of("$T.parse($S)", OffsetDateTime.class, time.toString());
		}
		if (value instanceof OffsetTime time) {
			return CodeBlock.of("$T.parse($S)", OffsetTime.class, time.toString());
		}
		if (value instanceof ZonedDateTime time) {
			return CodeBlock.of("$T.parse($S)", ZonedDateTime.class, time.toString());
		}
		if (value instanceof Duration duration) {
			return CodeBlock.of("$T.parse($S)", Duration.class, duration.toString());
		}
		if (value instanceof byte[] bytes) {
			return bytes(bytes);
		}
		throw new RevisionWriteException("The value of " + table + "." + column + " in a bulk insert ("
				+ value.getClass().getName() + ") cannot be written as Java source. Use a number, string, "
				+ "boolean, UUID, java.time value or byte array.");
	}

	private static CodeBlock doubleLiteral(double number) {
		if (Double.isNaN(number)) {
			return CodeBlock.of("Double.NaN");
		}
		if (Double.isInfinite(number)) {
			return CodeBlock.of((number > 0) ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY");
		}
		return CodeBlock.of("$L", Double.toString(number));
	}

	private static CodeBlock floatLiteral(float number) {
		if (Float.isNaN(number)) {
			return CodeBlock.of("Float.NaN");
		}
		if (Float.isInfinite(number)) {
			return CodeBlock.of((number > 0) ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY");
		}
		return CodeBlock.of("$Lf", Float.toString(number));
	}

	private static CodeBlock bytes(byte[] bytes) {
		List<CodeBlock> values = new ArrayList<>();
		for (byte value : bytes) {
			values.add(CodeBlock.of("$L", value));
		}
		return CodeBlock.of("new byte[] { $L }", CodeBlock.join(values, ", "));
	}

}
