package io.ferry.migrator.validate;

import io.ferry.common.TableId;
import java.util.List;
import java.util.Objects;

/**
 * What validation compares for one selected table: its name on each side, the columns left after the column
 * filter (in source order), the key that orders its chunks, and the source's row filter.
 *
 * @param key the primary key or a unique NOT NULL key, a sublist of {@code columns}; empty for a keyless table,
 *            which is compared as a multiset of row hashes
 * @param rowFilter a SQL condition on source column names, or null
 */
public record ComparedTable(TableId source, TableId destination, List<ComparedColumn> columns,
                            List<ComparedColumn> key, String rowFilter) {

    public ComparedTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(source + " has no column left to compare");
        }
        if (!columns.containsAll(key)) {
            throw new IllegalArgumentException("The key of " + source + " must be among its compared columns");
        }
    }

    public boolean keyless() {
        return key.isEmpty();
    }

    /** The table's name on one side. */
    public TableId table(Side side) {
        return side == Side.SOURCE ? source : destination;
    }

    /** The key's source column names, for reports. */
    public List<String> keyNames() {
        return key.stream().map(ComparedColumn::sourceName).toList();
    }
}
