package dev.retort.migration.dialect;

import dev.retort.migration.revision.DialectNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revision package checks dialect restrictions against names it cannot ask the
 * dialects for (it sits below them): the two lists must stay the same.
 */
class DialectNamesTests {

	@Test
	void revisionsAcceptExactlyTheDialectsRetortHas() {
		assertThat(DialectNames.KNOWN).containsExactlyInAnyOrderElementsOf(Dialects.names());
	}

}
