package dev.retort.migration.engine.brokenonce;

import java.util.concurrent.atomic.AtomicInteger;

import dev.retort.migration.operation.Operations;
import dev.retort.migration.revision.Migration;
import dev.retort.migration.revision.Revision;

/**
 * A revision that cannot be created, counting how often discovery tries: each try is one
 * read of the revisions.
 */
@Revision(id = "0badc0ffee00", message = "broken on purpose")
public class CountedBrokenRevision implements Migration {

	public static final AtomicInteger CREATED = new AtomicInteger();

	public CountedBrokenRevision() {
		CREATED.incrementAndGet();
		throw new IllegalStateException("broken on purpose");
	}

	@Override
	public void upgrade(Operations op) {
	}

	@Override
	public void downgrade(Operations op) {
	}

}
