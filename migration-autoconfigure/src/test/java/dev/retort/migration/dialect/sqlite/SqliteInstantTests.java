package dev.retort.migration.dialect.sqlite;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history's times on SQLite are text: what {@link Instant#toString()} writes, so that
 * they sort and read back as before, whichever way they are written.
 */
class SqliteInstantTests {

	@Test
	void writesWhatInstantToStringWrites() {
		Random random = new Random(7);
		long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
					random.nextInt(1_000_000_000));
			assertThat(SqliteDialect.iso8601(instant)).isEqualTo(instant.toString());
			Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
			assertThat(SqliteDialect.iso8601(micros)).isEqualTo(micros.toString());
			Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
			assertThat(SqliteDialect.iso8601(millis)).isEqualTo(millis.toString());
			Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
			assertThat(SqliteDialect.iso8601(seconds)).isEqualTo(seconds.toString());
		}
	}

	@Test
	void yearsOutsideFourDigitsAreWrittenAsInstantWritesThem() {
		for (String text : new String[] { "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.500Z", "1970-01-01T00:00:00Z",
				"2026-12-02T07:45:00.000000001Z" }) {
			Instant instant = Instant.parse(text);
			assertThat(SqliteDialect.iso8601(instant)).isEqualTo(instant.toString()).isEqualTo(text);
		}
	}

}
