package dev.retort.migration.dialect.sqlite;

import dev.retort.migration.dialect.SchemaRules;
import dev.retort.migration.schema.Type;

/**
 * SQLite's spellings: a column keeps the type it was declared with (compared by name,
 * synonyms such as {@code INT}/{@code INTEGER} equal), an auto-increment key is always
 * {@code INTEGER}, and there are no comments, no sequences and no way to change a
 * constraint by name.
 */
final class SqliteSchemaRules implements SchemaRules {

	@Override
	public Type declaredType(String sql) {
		return SqliteDialect.portableType(sql);
	}

	@Override
	public Type storedType(Type type, boolean autoIncrement) {
		// only INTEGER PRIMARY KEY is an alias of the rowid
		return autoIncrement ? Type.INTEGER : type;
	}

	@Override
	public boolean hasComments() {
		return false;
	}

	@Override
	public boolean hasSequences() {
		return false;
	}

	@Override
	public boolean namesConstraints() {
		return false;
	}

}
