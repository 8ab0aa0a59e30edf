package dev.retort.migration.revision;

import dev.retort.migration.operation.Operations;

/**
 * What a revision does, in both directions. Implementations are annotated with
 * {@link Revision} and need a public no-argument constructor.
 */
public interface Migration {

	void upgrade(Operations op);

	void downgrade(Operations op);

}
