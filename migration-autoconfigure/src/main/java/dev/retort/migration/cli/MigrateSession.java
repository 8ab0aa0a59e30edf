package dev.retort.migration.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.autoconfigure.MigrationCommands;
import dev.retort.migration.autoconfigure.NoEntityModelException;
import dev.retort.migration.backup.DatabaseBackup;
import dev.retort.migration.dialect.Dialects;
import dev.retort.migration.engine.MigrationListener;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.OfflineScript;
import dev.retort.migration.engine.StepInFlight;
import dev.retort.migration.revision.MigrationPlan;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What every {@code migrate} command works with: the application's migrator and beans,
 * backups, and where results go.
 */
final class MigrateSession {

	private final BeanFactory beans;

	private final ObjectProvider<Migrator> migrators;

	private final Function<Migrator, DatabaseBackup> backups;

	private final MigrationCommands commands;

	private final PrintWriter out;

	private Migrator migrator;

	/** The {@code --migrator} name, if given. */
	private String selected;

	/**
	 * @param beans the application's beans, for commands that need more than the migrator
	 * @param migrators the application's migrator
	 * @param backups the backups of a migrator's database, as configured
	 * @param commands upgrade, downgrade and stamp as the application runs them (backup
	 * first, outcome recorded)
	 * @param out where results go
	 */
	MigrateSession(BeanFactory beans, ObjectProvider<Migrator> migrators, Function<Migrator, DatabaseBackup> backups,
			MigrationCommands commands, PrintWriter out) {
		this.beans = beans;
		this.migrators = migrators;
		this.backups = backups;
		this.commands = commands;
		this.out = out;
	}

	/** Where the command's results go (stdout): scripts, tables, ids. */
	PrintWriter out() {
		return this.out;
	}

	/** The application's beans of a type. */
	<T> ObjectProvider<T> beans(Class<T> type) {
		return this.beans.getBeanProvider(type);
	}

	/** Upgrade, downgrade and stamp as the runner and the endpoint run them. */
	MigrationCommands commands() {
		return this.commands;
	}

	/** The migrator's bean name, under which runs are recorded. */
	String migratorName() {
		return name(migrator());
	}

	/**
	 * Runs the command with the {@link Migrator} bean of this name ({@code --migrator}).
	 */
	void select(String name) {
		this.selected = name;
		this.migrator = null;
	}

	Migrator migrator() {
		if (this.migrator == null) {
			this.migrator = (this.selected != null) ? named(this.selected) : unique();
		}
		return this.migrator;
	}

	private Migrator unique() {
		Migrator found = this.migrators.getIfUnique();
		if (found == null) {
			Set<String> names = migratorNames();
			throw new MigratorUnavailableException("There is no single Migrator in this application to run "
					+ "the command with: "
					+ (names.isEmpty() ? "check that a DataSource is configured and migrations.enabled is not false."
							: "it has " + String.join(", ", names) + ". Name one with `migrate --migrator NAME …`, or "
									+ "declare the one to use by default as @Primary."));
		}
		return found;
	}

	private Migrator named(String name) {
		if (this.beans instanceof ListableBeanFactory listable) {
			Migrator found = listable.getBeansOfType(Migrator.class).get(name);
			if (found != null) {
				return found;
			}
		}
		Set<String> names = migratorNames();
		throw new UnknownMigratorException("No Migrator bean is named '" + name + "'. "
				+ (names.isEmpty() ? "This application has none." : "Use one of: " + String.join(", ", names) + "."));
	}

	private Set<String> migratorNames() {
		return (this.beans instanceof ListableBeanFactory listable)
				? new TreeSet<>(listable.getBeansOfType(Migrator.class).keySet()) : Set.of();
	}

	/**
	 * The application's autogenerate when it compares the entities with this command's
	 * database: {@code null} when the application has none, and an error when its
	 * entities go with another {@code Migrator}'s database than the one
	 * {@code --migrator} names.
	 */
	Autogenerator autogenerator() {
		Autogenerator autogenerator = beans(Autogenerator.class).getIfAvailable();
		if (autogenerator != null && autogenerator.migrator() != migrator()) {
			throw new NoEntityModelException("The application's entities go with the database of the Migrator '"
					+ name(autogenerator.migrator()) + "', not with '" + migratorName()
					+ "' that --migrator names, so they are not compared with it. Run this command without --migrator "
					+ "(or with --migrator " + name(autogenerator.migrator()) + ").");
		}
		return autogenerator;
	}

	/**
	 * The application's autogenerate when it compares the entities with this command's
	 * database, else {@code null}: for commands that compare them only when they can.
	 */
	Autogenerator autogeneratorOfThisDatabase() {
		Autogenerator autogenerator = beans(Autogenerator.class).getIfAvailable();
		return (autogenerator != null && autogenerator.migrator() == migrator()) ? autogenerator : null;
	}

	private String name(Migrator migrator) {
		if (this.beans instanceof ListableBeanFactory listable) {
			for (Map.Entry<String, Migrator> entry : listable.getBeansOfType(Migrator.class).entrySet()) {
				if (entry.getValue() == migrator) {
					return entry.getKey();
				}
			}
		}
		return "migrator";
	}

	/** Backups of the migrator's database, as configured. */
	DatabaseBackup backups() {
		return this.backups.apply(migrator());
	}

	/**
	 * Prints each step as it is applied (as the startup runner logs it) and, if the JVM
	 * is stopped while one runs, where it stopped; until closed.
	 */
	Progress showProgress() {
		StepInFlight inFlight = new StepInFlight();
		Migrator migrator = migrator();
		MigrationListener printer = new MigrationListener() {

			/** Read at the first step, once the run has connected; each read connects. */
			private String dialect;

			@Override
			public void afterStep(MigrationPlan.Step step, int index, int total, Duration duration) {
				if (this.dialect == null) {
					this.dialect = migrator.dialect();
				}
				MigrateSession.this.out.println(step.describe(index, total) + " (" + duration.toMillis() + " ms)"
						+ step.dialectNote(this.dialect));
			}

		};
		migrator.addListener(inFlight).addListener(printer);
		// a run stopped by a signal (Ctrl-C, kill, a deployment's timeout) says where it
		// stopped and what state that leaves, instead of ending without a word
		Thread report = new Thread(() -> reportIfStopped(inFlight), "retort-stopped-step");
		Runtime.getRuntime().addShutdownHook(report);
		return () -> {
			migrator.removeListener(inFlight).removeListener(printer);
			try {
				Runtime.getRuntime().removeShutdownHook(report);
			}
			catch (IllegalStateException ex) {
				// shutting down: the report runs, which is what a stop asks for
			}
		};
	}

	private void reportIfStopped(StepInFlight inFlight) {
		StepInFlight.Stopped stopped = inFlight.stopped();
		if (stopped != null) {
			String command = "migrate " + stopped.direction().label();
			System.err.println(command + " was stopped while " + stopped.step() + " ran. " + stopped.state()
					+ " Run `migrate status` to see where it is, and `" + command + "` again to go on.");
			System.err.flush();
		}
	}

	/** The steps being shown; closing it ends the report on a stop. */
	interface Progress extends AutoCloseable {

		@Override
		void close();

	}

	OfflineScript offlineScript() {
		Migrator migrator = migrator();
		return new OfflineScript(migrator.graph(), Dialects.named(migrator.dialect()), migrator.config());
	}

}
