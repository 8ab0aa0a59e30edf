package dev.retort.migration.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.retort.migration.autogenerate.Autogenerate;
import dev.retort.migration.autogenerate.AutogenerateFilter;
import dev.retort.migration.autogenerate.EntityModel;
import dev.retort.migration.autogenerate.SchemaDiff;
import dev.retort.migration.autogenerate.StepDescriptions;
import dev.retort.migration.dialect.Dialect;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.dialect.ScratchDatabase;
import dev.retort.migration.engine.DatabaseAccessException;
import dev.retort.migration.engine.Migrator;

import org.springframework.core.env.Environment;

/**
 * Autogenerate for the application: its entity model compared with the database its
 * {@link Migrator} migrates, or with the schema its revisions produce in a scratch
 * database, leaving out Retort's own tables, {@code migrations.autogenerate.exclude} and
 * what the application's {@link AutogenerateFilter}s reject.
 */
public class Autogenerator {

	private final Migrator migrator;

	private final EntityModelCapture capture;

	private final MigrationProperties properties;

	private final List<AutogenerateFilter> filters;

	private final Environment environment;

	public Autogenerator(Migrator migrator, EntityModelCapture capture, MigrationProperties properties,
			List<AutogenerateFilter> filters, Environment environment) {
		this.migrator = migrator;
		this.capture = capture;
		this.properties = properties;
		this.filters = List.copyOf(filters);
		this.environment = environment;
	}

	public Migrator migrator() {
		return this.migrator;
	}

	/** The application's entity model. */
	public EntityModel model() {
		return this.capture.model().orElseThrow(NoEntityModelException::new);
	}

	/** Whether the application has an entity model to compare. */
	public boolean hasModel() {
		return this.capture.model().isPresent();
	}

	/**
	 * The differences between the entities and the database, one line each, as
	 * {@code migrate check} lists them: drift that operators see in {@code migrate
	 * status} and the endpoint.
	 */
	public List<String> differences() {
		return compare().upgrade().stream().map(StepDescriptions::describe).toList();
	}

	/**
	 * The database's tables that autogenerate compares (Retort's own and excluded ones
	 * left out), by name.
	 */
	public List<String> tables() {
		try (Connection connection = this.migrator.dataSource().getConnection()) {
			Predicate<String> included = included();
			return Dialects.of(connection)
				.reflect(connection)
				.tables()
				.keySet()
				.stream()
				.filter(included)
				.sorted()
				.toList();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("Could not read the database's tables: " + ex.getMessage(), ex);
		}
	}

	/** What it takes to bring the database to the entity model. */
	public SchemaDiff.Result compare() {
		Autogenerate autogenerate = autogenerate();
		try (Connection connection = this.migrator.dataSource().getConnection()) {
			return autogenerate.compare(connection);
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException(
					"Could not read the database's schema to compare it with the entities: " + ex.getMessage(), ex);
		}
	}

	/**
	 * What it would take to bring the schema the revisions produce (replayed from base to
	 * heads in a scratch database) to the entity model: nothing when the entities and the
	 * revisions agree.
	 */
	public SchemaDiff.Result compareWithRevisions() {
		Autogenerate autogenerate = autogenerate();
		String dialect = this.migrator.dialect();
		try (ScratchDatabase scratch = ScratchDatabase.create(dialect, scratchServerUrl(),
				this.environment.getProperty("spring.datasource.username"),
				this.environment.getProperty("spring.datasource.password"))) {
			Migrator replay = new Migrator(scratch.dataSource(), this.migrator.config().withDialect(dialect),
					this.migrator.graph());
			replay.upgrade("heads");
			try (Connection connection = scratch.dataSource().getConnection()) {
				return autogenerate.compare(connection);
			}
			catch (SQLException ex) {
				throw new DatabaseAccessException(
						"Could not read the scratch database " + scratch.url() + ": " + ex.getMessage(), ex);
			}
		}
	}

	private String scratchServerUrl() {
		String configured = this.properties.getAutogenerate().getScratchUrl();
		if (configured != null) {
			return configured;
		}
		try (Connection connection = this.migrator.dataSource().getConnection()) {
			return connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("Could not reach the database to find its server: " + ex.getMessage(),
					ex);
		}
	}

	private Autogenerate autogenerate() {
		Dialect dialect = Dialects.named(this.migrator.dialect());
		return new Autogenerate(model(), dialect, included());
	}

	/** Whether autogenerate compares a table or sequence of this name. */
	Predicate<String> included() {
		List<Pattern> excluded = this.properties.getAutogenerate()
			.getExclude()
			.stream()
			.map(Autogenerator::glob)
			.toList();
		String versionTable = this.migrator.config().versionTable();
		String historyTable = this.migrator.config().historyTable();
		return (name) -> !name.equalsIgnoreCase(versionTable) && !name.equalsIgnoreCase(historyTable)
				&& excluded.stream().noneMatch((pattern) -> pattern.matcher(name).matches())
				&& this.filters.stream().allMatch((filter) -> filter.include(name));
	}

	private static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (String part : pattern.strip().toLowerCase(Locale.ROOT).split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

}
