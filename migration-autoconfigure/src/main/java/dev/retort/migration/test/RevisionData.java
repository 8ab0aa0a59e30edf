package dev.retort.migration.test;

import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows a test seeds just before a revision and checks after the upgrade through it to
 * heads, for {@link RevisionTests#revisionData()}. When the check fails at heads, the kit
 * seeds a new database and upgrades it one revision at a time, running the check after
 * each, to name the revision after which it stopped holding:
 *
 * <pre>{@code
 * RevisionData.before("3f2a9c1b7d4e")
 * 	.seed((jdbc) -> jdbc.update("INSERT INTO tasks (project_id, title) VALUES (1, 'ship')"))
 * 	.verify((jdbc) -> assertThat(jdbc.queryForObject("SELECT priority FROM tasks", Integer.class)).isZero());
 * }</pre>
 *
 * @param revision the revision (id or unique prefix) the rows are seeded before
 * @param seed what inserts the rows, run with the database just before the revision
 * @param verify what checks the rows, run with the database at heads (and, to find the
 * revision that lost them, after each revision from the seeding on): it only reads
 */
public record RevisionData(String revision, Hook seed, Hook verify) {

	private static final Hook NOTHING = (jdbc) -> {
	};

	public RevisionData {
		Objects.requireNonNull(revision, "revision");
		seed = (seed != null) ? seed : NOTHING;
		verify = (verify != null) ? verify : NOTHING;
	}

	/** Data seeded just before the given revision (id or unique prefix). */
	public static RevisionData before(String revision) {
		return new RevisionData(revision, NOTHING, NOTHING);
	}

	/** The same, seeding the rows with {@code seed}. */
	public RevisionData seed(Hook seed) {
		return new RevisionData(this.revision, seed, this.verify);
	}

	/** The same, checking the rows at heads with {@code verify}. */
	public RevisionData verify(Hook verify) {
		return new RevisionData(this.revision, this.seed, verify);
	}

	@Override
	public String toString() {
		return "rows seeded before " + this.revision;
	}

	/** Work on the scratch database, through a {@link JdbcTemplate}. */
	@FunctionalInterface
	public interface Hook {

		void run(JdbcTemplate jdbc) throws Exception;

	}

}
