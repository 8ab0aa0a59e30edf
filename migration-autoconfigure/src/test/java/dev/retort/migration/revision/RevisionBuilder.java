package dev.retort.migration.revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.retort.migration.operation.Operations;

/**
 * Builds revisions for tests: {@code revision("b").revises("a").labels("billing")}.
 */
final class RevisionBuilder {

	private final String id;

	private final List<String> parents = new ArrayList<>();

	private final List<String> labels = new ArrayList<>();

	private final List<String> dependsOn = new ArrayList<>();

	private Instant created;

	private String source;

	private Migration migration = new Migration() {

		@Override
		public void upgrade(Operations op) {
			op.execute("-- upgrade " + RevisionBuilder.this.id);
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("-- downgrade " + RevisionBuilder.this.id);
		}

	};

	private RevisionBuilder(String id) {
		this.id = id;
		this.source = "db/migrations/" + id + ".sql";
	}

	static RevisionBuilder revision(String id) {
		return new RevisionBuilder(id);
	}

	static RevisionGraph graph(RevisionBuilder... revisions) {
		return RevisionGraph.of(Arrays.stream(revisions).map(RevisionBuilder::build).toList());
	}

	static RevisionGraph graphOf(Collection<RevisionScript> revisions) {
		return RevisionGraph.of(revisions);
	}

	RevisionBuilder revises(String... parents) {
		this.parents.addAll(List.of(parents));
		return this;
	}

	RevisionBuilder labels(String... labels) {
		this.labels.addAll(List.of(labels));
		return this;
	}

	RevisionBuilder dependsOn(String... dependsOn) {
		this.dependsOn.addAll(List.of(dependsOn));
		return this;
	}

	RevisionBuilder created(String created) {
		this.created = Instant.parse(created);
		return this;
	}

	RevisionBuilder source(String source) {
		this.source = source;
		return this;
	}

	RevisionBuilder migration(Migration migration) {
		this.migration = migration;
		return this;
	}

	RevisionScript build() {
		return new RevisionScript(this.id, this.parents, Set.copyOf(this.labels), this.dependsOn, "revision " + this.id,
				this.created, true, Set.of(), this.source, RevisionScript.Kind.JAVA, this.migration);
	}

}
