package dev.retort.migration.schema;

import java.util.Objects;

/**
 * A portable column type, rendered natively by each dialect. {@link #raw(String)} passes
 * a database-specific type through unchanged when the portable vocabulary is not enough.
 *
 * @param kind the kind of type
 * @param length the length for {@link Kind#VARCHAR} and {@link Kind#BINARY}, or
 * {@code null}
 * @param precision the precision for {@link Kind#NUMERIC}, the fractional-seconds
 * precision for {@link Kind#TIME}, {@link Kind#TIMESTAMP} and {@link Kind#TIMESTAMP_TZ},
 * or {@code null}
 * @param scale the scale for {@link Kind#NUMERIC}, or {@code null}
 * @param sql the type's SQL for {@link Kind#RAW}, otherwise {@code null}
 */
public record Type(Kind kind, Integer length, Integer precision, Integer scale, String sql) {

	public static final Type INTEGER = of(Kind.INTEGER);

	public static final Type BIGINT = of(Kind.BIGINT);

	public static final Type SMALLINT = of(Kind.SMALLINT);

	public static final Type BOOLEAN = of(Kind.BOOLEAN);

	public static final Type VARCHAR = of(Kind.VARCHAR);

	public static final Type TEXT = of(Kind.TEXT);

	public static final Type NUMERIC = of(Kind.NUMERIC);

	public static final Type FLOAT = of(Kind.FLOAT);

	public static final Type DOUBLE = of(Kind.DOUBLE);

	public static final Type DATE = of(Kind.DATE);

	public static final Type TIME = of(Kind.TIME);

	public static final Type TIMESTAMP = of(Kind.TIMESTAMP);

	public static final Type TIMESTAMP_TZ = of(Kind.TIMESTAMP_TZ);

	public static final Type UUID = of(Kind.UUID);

	public static final Type BINARY = of(Kind.BINARY);

	public static final Type JSON = of(Kind.JSON);

	public Type {
		Objects.requireNonNull(kind, "kind");
		if (kind == Kind.RAW && (sql == null || sql.isBlank())) {
			throw new IllegalArgumentException("A raw type needs its SQL, e.g. Type.raw(\"jsonb\")");
		}
	}

	private static Type of(Kind kind) {
		return new Type(kind, null, null, null, null);
	}

	public static Type varchar(int length) {
		return new Type(Kind.VARCHAR, length, null, null, null);
	}

	public static Type binary(int length) {
		return new Type(Kind.BINARY, length, null, null, null);
	}

	public static Type numeric(int precision, int scale) {
		return new Type(Kind.NUMERIC, null, precision, scale, null);
	}

	/** A timestamp with this many fractional-second digits, e.g. {@code timestamp(6)}. */
	public static Type timestamp(int precision) {
		return new Type(Kind.TIMESTAMP, null, precision, null, null);
	}

	/** A timestamp with time zone with this many fractional-second digits. */
	public static Type timestampWithTimeZone(int precision) {
		return new Type(Kind.TIMESTAMP_TZ, null, precision, null, null);
	}

	/** A time of day with this many fractional-second digits. */
	public static Type time(int precision) {
		return new Type(Kind.TIME, null, precision, null, null);
	}

	/** A database-specific type written as-is, e.g. {@code Type.raw("jsonb")}. */
	public static Type raw(String sql) {
		return new Type(Kind.RAW, null, null, null, sql);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case VARCHAR, BINARY -> (this.length != null) ? this.kind + "(" + this.length + ")" : this.kind.name();
			case NUMERIC -> (this.precision != null) ? "NUMERIC(" + this.precision + "," + this.scale + ")" : "NUMERIC";
			case TIME, TIMESTAMP, TIMESTAMP_TZ ->
				(this.precision != null) ? this.kind + "(" + this.precision + ")" : this.kind.name();
			case RAW -> "RAW(" + this.sql + ")";
			default -> this.kind.name();
		};
	}

	/** The portable kinds of column type. */
	public enum Kind {

		INTEGER, BIGINT, SMALLINT, BOOLEAN, VARCHAR, TEXT, NUMERIC, FLOAT, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ,
		UUID, BINARY, JSON, RAW

	}

}
