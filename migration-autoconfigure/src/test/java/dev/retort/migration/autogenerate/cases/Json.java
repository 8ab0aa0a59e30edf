package dev.retort.migration.autogenerate.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A JSON document column. */
public final class Json {

	private Json() {
	}

	@Entity
	@Table(name = "documents")
	public static class Document {

		@Id
		Long id;

		@JdbcTypeCode(SqlTypes.JSON)
		String body;

	}

}
