package dev.retort.migration.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Insert rows. Values are numbers, strings, booleans, {@code java.time} values, byte
 * arrays or {@code null}.
 *
 * @param table the table
 * @param rows the rows, each a map from column name to value
 */
public record BulkInsert(String table, List<Map<String, Object>> rows) implements Operation {

	public BulkInsert {
		Objects.requireNonNull(table, "table");
		List<Map<String, Object>> copy = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
		}
		rows = Collections.unmodifiableList(copy);
	}

	@Override
	public Operation inverse() {
		throw new IrreversibleOperationException("bulkInsert into " + this.table
				+ " cannot be reversed automatically: delete the rows in downgrade() yourself.");
	}

}
