package io.ferry.source.schema;

import io.ferry.common.TableId;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a captured table: its columns in ordinal order, and the key that identifies its rows.
 *
 * @param keyColumns the key's column names in index order; empty when {@code keyKind} is {@code NONE}
 * @param comment    the table's COMMENT, or null when it has none (an empty COMMENT is none); it becomes the row
 *                   struct's doc with {@code include.schema.comments}
 */
public record TableDef(TableId id, List<ColumnDef> columns, List<String> keyColumns, KeyKind keyKind,
                       String comment) {

    public TableDef {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        if (keyKind == KeyKind.NONE != keyColumns.isEmpty()) {
            throw new IllegalArgumentException(id + ": key kind " + keyKind + " with key columns " + keyColumns);
        }
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    /** A table without a COMMENT. */
    public TableDef(TableId id, List<ColumnDef> columns, List<String> keyColumns, KeyKind keyKind) {
        this(id, columns, keyColumns, keyKind, null);
    }

    /** This table with another COMMENT; null for none. */
    public TableDef withComment(String newComment) {
        return new TableDef(id, columns, keyColumns, keyKind, newComment);
    }

    public Optional<ColumnDef> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The 0-based positions of the key columns in {@link #columns()}. */
    public int[] keyPositions() {
        int[] positions = new int[keyColumns.size()];
        for (int k = 0; k < positions.length; k++) {
            String key = keyColumns.get(k);
            positions[k] = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(key)) {
                    positions[k] = i;
                }
            }
        }
        return positions;
    }
}
