package dev.retort.migration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.retort.migration.MigrationException;
import dev.retort.migration.autoconfigure.Autogenerator;
import dev.retort.migration.dialect.JdbcUrl;
import dev.retort.migration.engine.MigrationReport;
import dev.retort.migration.engine.MigrationStatus;
import dev.retort.migration.engine.Migrator;
import dev.retort.migration.engine.RevisionState;
import dev.retort.migration.revision.RevisionScript;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Show where the database stands: current revisions, heads, "
		+ "pending revisions, revisions unknown to the code and checksum mismatches.")
final class StatusCommand extends MigrateSubcommand {

	StatusCommand(MigrateSession session) {
		super(session);
	}

	@Override
	public Integer call() {
		Migrator migrator = migrator();
		MigrationReport report = migrator.report();
		MigrationStatus status = report.status();
		List<RevisionState> mismatches = report.revisions().stream().filter(RevisionState::checksumMismatch).toList();
		PrintWriter out = out();
		out.println("Database:   " + migrator.dialect() + where(migrator.dataSource()));
		out.println("Current:    " + ids(status.current()));
		out.println("Heads:      " + ids(status.heads()));
		if (status.unknown().isEmpty()) {
			out.println("Pending:    " + status.pending().size());
			for (RevisionScript revision : status.pending()) {
				out.println("  " + revision.id() + message(revision, " "));
			}
		}
		else {
			// what lies under a revision the code does not know cannot be told
			out.println("Pending:    unknown (the database is at revisions this code does not know)");
		}
		out.println("Unknown to this code: "
				+ (status.unknown().isEmpty() ? "none" : String.join(", ", new TreeSet<>(status.unknown()))));
		out.println("Checksum mismatches: " + (mismatches.isEmpty() ? "none"
				: mismatches.stream().map(RevisionState::id).collect(Collectors.joining(", "))));
		if (!mismatches.isEmpty()) {
			out.println("Revisions were changed after they were applied: see `migrate verify`.");
		}
		printDrift(out, status);
		String failed = failedLastAttempt(report);
		if (failed != null) {
			out.println("Last attempt: " + failed);
		}
		if (status.upToDate()) {
			out.println("The database is up to date.");
		}
		else if (!status.unknown().isEmpty()) {
			boolean one = status.unknown().size() == 1;
			out.println("The database is ahead of the code: it is at "
					+ String.join(", ", new TreeSet<>(status.unknown()))
					+ ", which this code does not know, so `migrate upgrade` refuses to run. Deploy the code that has "
					+ (one ? "it" : "them") + ", or, if the database really is at a revision this code knows, "
					+ "record that with `migrate stamp <revision> --purge`.");
		}
		else if (!status.pending().isEmpty()) {
			out.println(status.pending().size() + " pending revision" + ((status.pending().size() == 1) ? "" : "s")
					+ ": apply with `migrate upgrade`.");
		}
		return MigrateCommand.OK;
	}

	/**
	 * Which database the command looked at, so that an operator can tell: the file of an
	 * SQLite database (a relative path is taken from the working directory, so a command
	 * run from another directory looks at another file, which SQLite creates empty), the
	 * URL and user of any other.
	 */
	static String where(DataSource dataSource) {
		String url;
		String user;
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			url = metaData.getURL();
			user = metaData.getUserName();
		}
		catch (SQLException ex) {
			return "";
		}
		if (url == null) {
			return "";
		}
		if (url.startsWith("jdbc:sqlite:")) {
			Optional<Path> file = JdbcUrl.sqliteFile(url);
			if (file.isEmpty()) {
				return ", in memory";
			}
			if (isEmpty(file.get())) {
				return ", " + file.get() + " (an empty file: SQLite made it when the application connected, as no "
						+ "database was there; a relative path in the URL is taken from the working directory, "
						+ Path.of("").toAbsolutePath() + ")";
			}
			return ", " + file.get();
		}
		return ", " + JdbcUrl.redacted(url) + ((user == null || user.isBlank()) ? "" : " as " + user);
	}

	private static boolean isEmpty(Path file) {
		try {
			return !Files.exists(file) || Files.size(file) == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Whether the entities and the database agree, when the application has entities. */
	private void printDrift(PrintWriter out, MigrationStatus status) {
		Autogenerator autogenerator = this.session.autogeneratorOfThisDatabase();
		if (autogenerator == null || !autogenerator.hasModel()) {
			return;
		}
		try {
			List<String> differences = autogenerator.differences();
			if (differences.isEmpty()) {
				out.println("Entities:   match the database");
			}
			else {
				out.println("Entities:   " + differences.size() + " difference" + ((differences.size() == 1) ? "" : "s")
						+ " from the database"
						+ (status.pending().isEmpty() ? "" : " (some may go with the pending revisions)")
						+ ": see `migrate check`");
			}
		}
		catch (MigrationException ex) {
			out.println("Entities:   not compared: " + ex.getMessage());
		}
	}

}
