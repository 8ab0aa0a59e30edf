package dev.retort.migration.engine;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.retort.migration.revision.RevisionGraph;

/**
 * Moves a database between revisions and keeps its version and history tables. (API
 * fixed; implementation in progress.)
 */
public class Migrator {

	public Migrator(DataSource dataSource, MigratorConfig config) {
		throw new UnsupportedOperationException("pending");
	}

	public Migrator addListener(MigrationListener listener) {
		throw new UnsupportedOperationException("pending");
	}

	public RevisionGraph graph() {
		throw new UnsupportedOperationException("pending");
	}

	public String dialect() {
		throw new UnsupportedOperationException("pending");
	}

	public MigrationResult upgrade(String target) {
		throw new UnsupportedOperationException("pending");
	}

	public MigrationResult downgrade(String target) {
		throw new UnsupportedOperationException("pending");
	}

	public MigrationResult stamp(String target, boolean purge) {
		throw new UnsupportedOperationException("pending");
	}

	public Set<String> current() {
		throw new UnsupportedOperationException("pending");
	}

	public Set<String> heads() {
		throw new UnsupportedOperationException("pending");
	}

	public List<HistoryEntry> history() {
		throw new UnsupportedOperationException("pending");
	}

	public MigrationStatus status() {
		throw new UnsupportedOperationException("pending");
	}

}
