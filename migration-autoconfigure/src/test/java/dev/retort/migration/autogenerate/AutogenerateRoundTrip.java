package dev.retort.migration.autogenerate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.MigratorConfig;
import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.RevisionGraph;
import dev.retort.migration.revision.RevisionScript;
import dev.retort.migration.schema.CheckConstraint;
import dev.retort.migration.schema.Schema;
import dev.retort.migration.schema.Table;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What autogenerate's scenarios do to a real database: build the model of some entity
 * classes, compare it, apply the result as the next revision through the
 * {@link Migrator}, downgrade, and read the schema back with the dialect's reader.
 */
final class AutogenerateRoundTrip {

	private final Supplier<DataSource> dataSource;

	private final String dialectName;

	private final List<RevisionScript> revisions = new ArrayList<>();

	private int created;

	private EntityModel applied;

	/**
	 * @param dataSource the database, asked for when first used (a test's own database
	 * may not exist yet when this is created)
	 * @param dialectName the dialect's name
	 */
	AutogenerateRoundTrip(Supplier<DataSource> dataSource, String dialectName) {
		this.dataSource = dataSource;
		this.dialectName = dialectName;
	}

	boolean isPostgres() {
		return this.dialectName.equals("postgresql");
	}

	EntityModel model(Class<?>... entities) {
		return HibernateModel.read(TestMetadata.build(this.dialectName, List.of(entities)));
	}

	SchemaDiff.Result compare(Class<?>... entities) {
		return compare(model(entities));
	}

	SchemaDiff.Result compare(EntityModel model) {
		try (Connection connection = this.dataSource.get().getConnection()) {
			return new Autogenerate(model, dialect(), notRetorts()).compare(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The database's schema as its dialect reads it, without Retort's own tables. */
	Schema reflect() {
		try (Connection connection = this.dataSource.get().getConnection()) {
			Schema schema = dialect().reflect(connection);
			Map<String, Table> tables = new LinkedHashMap<>();
			schema.tables().forEach((name, table) -> {
				if (notRetorts().test(name)) {
					tables.put(name, table);
				}
			});
			return new Schema(tables, schema.sequences());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Table table(String name) {
		Schema schema = reflect();
		return schema.table(name)
			.orElseThrow(() -> new AssertionError("no table " + name + " among " + schema.tables().keySet()));
	}

	/**
	 * Generates the revision that brings the database to the entities, applies it, and
	 * checks that comparing again finds nothing.
	 */
	SchemaDiff.Result generateAndApply(Class<?>... entities) {
		EntityModel model = model(entities);
		SchemaDiff.Result result = compare(model);
		upgradeWith(result);
		assertThat(describe(compare(model))).as("differences right after applying the generated revision").isEmpty();
		return result;
	}

	/**
	 * The whole round trip of one change: the database at {@code before} (generated and
	 * applied), then the revision for {@code after} generated, applied and found clean,
	 * then downgraded, after which the database reads back exactly as it was at
	 * {@code before}.
	 * @return the revision generated for {@code after}
	 */
	SchemaDiff.Result change(List<Class<?>> before, List<Class<?>> after) {
		generateAndApply(before.toArray(Class<?>[]::new));
		return changeTo(after);
	}

	/**
	 * The round trip from the database as the last generated revision left it: generate
	 * for {@code after}, apply, find it clean, downgrade, read back the schema it had,
	 * and find the earlier model clean again.
	 */
	SchemaDiff.Result changeTo(List<Class<?>> after) {
		EntityModel before = this.applied;
		Schema start = reflect();
		SchemaDiff.Result result = generateAndApply(after.toArray(Class<?>[]::new));
		assertThat(result.upgrade()).as("the change is seen").isNotEmpty();
		downgradeOne();
		assertThat(comparable(reflect())).as("the schema after the downgrade").isEqualTo(comparable(start));
		if (before != null) {
			assertThat(describe(compare(before))).as("differences from the earlier model after the downgrade")
				.isEmpty();
		}
		this.applied = before;
		return result;
	}

	/**
	 * A schema with each table's columns, constraints and indexes in name order, and
	 * check expressions in the dialect's canonical spelling: where an added column lands,
	 * in which order a SQLite rebuild writes its checks, or how PostgreSQL re-spells a
	 * check it is given in its own rewritten form, is nothing autogenerate compares.
	 */
	Schema comparable(Schema schema) {
		SchemaRules rules = dialect().schemaRules();
		Map<String, Table> tables = new LinkedHashMap<>();
		schema.tables()
			.forEach(
					(name, table) -> tables.put(name,
							new Table(table.name(), sorted(table.columns(), (column) -> column.name()),
									table.primaryKey(),
									sorted(table.uniqueConstraints(), (unique) -> unique.columns().toString()),
									sorted(table.foreignKeys(), (key) -> key.columns().toString()), sorted(
											table.checks()
												.stream()
												.map((check) -> new CheckConstraint(check.name(),
														rules.canonicalCheck(check.expression())))
												.toList(),
											(check) -> String.valueOf(check.name()) + check.expression()),
									sorted(table.indexes(), (index) -> index.name()), table.comment())));
		return new Schema(tables, schema.sequences());
	}

	private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
		return items.stream().sorted(Comparator.comparing(key)).toList();
	}

	/** Applies the steps as the next revision, through the migrator. */
	void upgradeWith(SchemaDiff.Result result) {
		upgradeWith(new StepMigration(result));
	}

	/** Applies a hand-written revision: the state a model alone cannot produce. */
	void upgradeWith(Consumer<Operations> upgrade) {
		upgradeWith(new Migration() {

			@Override
			public void upgrade(Operations op) {
				upgrade.accept(op);
			}

			@Override
			public void downgrade(Operations op) {
				op.irreversible("a scenario's hand-written state");
			}

		});
	}

	private void upgradeWith(Migration migration) {
		String id = String.format("%012x", ++this.created);
		List<String> parents = this.revisions.isEmpty() ? List.of()
				: List.of(this.revisions.get(this.revisions.size() - 1).id());
		this.revisions.add(new RevisionScript(id, parents, Set.of(), List.of(), "autogenerated", Instant.now(), true,
				Set.of(), "revision " + id, RevisionScript.Kind.JAVA, migration));
		migrator().upgrade("heads");
	}

	void downgradeOne() {
		migrator().downgrade("-1");
		this.revisions.remove(this.revisions.size() - 1);
	}

	/** Runs plain SQL outside any revision. */
	void execute(String... statements) {
		try (Connection connection = this.dataSource.get().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The rows of a query, each as the list of its values as strings. */
	List<List<String>> rows(String query) {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = this.dataSource.get().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	private Migrator migrator() {
		return new Migrator(this.dataSource.get(), MigratorConfig.defaults(), RevisionGraph.of(this.revisions));
	}

	Dialect dialect() {
		return Dialects.named(this.dialectName);
	}

	private static Predicate<String> notRetorts() {
		return (name) -> !name.startsWith("migrations_");
	}

	/** The differences, one line per step, for assertions that show what differs. */
	static List<String> describe(SchemaDiff.Result result) {
		return result.upgrade()
			.stream()
			.map((step) -> (step.operation() != null) ? step.operation().toString() : String.join(" ", step.comments()))
			.toList();
	}

	private static final class StepMigration implements Migration {

		private final SchemaDiff.Result result;

		StepMigration(SchemaDiff.Result result) {
			this.result = result;
		}

		@Override
		public void upgrade(Operations op) {
			this.result.upgrade()
				.stream()
				.filter((step) -> step.operation() != null)
				.forEach((step) -> op.add(step.operation()));
		}

		@Override
		public void downgrade(Operations op) {
			this.result.downgrade()
				.stream()
				.filter((step) -> step.operation() != null)
				.forEach((step) -> op.add(step.operation()));
		}

	}

}
