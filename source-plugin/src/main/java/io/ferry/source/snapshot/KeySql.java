package io.ferry.source.snapshot;

import io.ferry.common.Identifiers;
import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.TableDef;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that selects a key range of one table, shared by the splitter, the planner and the chunk query.
 *
 * <p>A bound on a composite key is written in the expanded form
 * {@code k1 >= ? AND (k1 > ? OR (k1 = ? AND k2 >= ?))} rather than as the row comparison
 * {@code (k1, k2) >= (?, ?)}: MariaDB 11.4 does not build an index range from a row comparison and walks
 * the index from its first entry ({@code EXPLAIN} type {@code index}), while the expanded form is a
 * {@code range} access that seeks to the bound. The leading {@code k1 >= ?} is redundant but lets any
 * optimizer see the range on the index prefix.
 */
final class KeySql {

    private final TableDef table;
    private final List<String> keys;
    private final List<KeyColumnCodec> codecs;
    private final List<ColumnType> types;

    KeySql(TableDef table, List<KeyColumnCodec> codecs) {
        if (table.keyColumns().isEmpty()) {
            throw new IllegalArgumentException(table.id() + " has no key to select ranges by");
        }
        if (codecs.size() != table.keyColumns().size()) {
            throw new IllegalArgumentException("Expected " + table.keyColumns().size() + " key codecs for "
                    + table.id() + ", got " + codecs.size());
        }
        this.table = table;
        this.keys = table.keyColumns().stream().map(Identifiers::quote).toList();
        this.codecs = List.copyOf(codecs);
        this.types = table.keyColumns().stream().map(k -> table.column(k).orElseThrow(
                () -> new IllegalArgumentException(table.id() + " has no key column " + k)).type()).toList();
    }

    TableDef table() {
        return table;
    }

    int arity() {
        return keys.size();
    }

    /** {@code `k1`, `k2`}: the select list and ORDER BY of the key. */
    String keyList() {
        return String.join(", ", keys);
    }

    /** The key columns in descending order, for MAX-like probes. */
    String keyListDescending() {
        return keys.stream().map(k -> k + " DESC").collect(Collectors.joining(", "));
    }

    /** {@code " WHERE ..."} for {@code range}, or the empty string if it is unbounded on both sides. */
    String where(ChunkRange range) {
        List<String> conditions = new ArrayList<>();
        if (range.start() != null) {
            conditions.add(bound(">", ">="));
        }
        if (range.end() != null) {
            conditions.add(bound("<", "<"));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters of {@link #where(ChunkRange)} from {@code first}; returns the next index. */
    int bind(PreparedStatement statement, int first, ChunkRange range) throws SQLException {
        int index = first;
        if (range.start() != null) {
            index = bindBound(statement, index, range.start());
        }
        if (range.end() != null) {
            index = bindBound(statement, index, range.end());
        }
        return index;
    }

    /** Reads a key tuple from {@code rs}, whose key columns start at column {@code first}. */
    List<Object> readKey(ResultSet rs, int first) throws SQLException {
        List<Object> key = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            key.add(codecs.get(i).read(rs, first + i));
        }
        return key;
    }

    /**
     * {@code k1 <lead> ? AND (k1 <strict> ? OR (k1 = ? AND (... kn <last> ?)))} where {@code lead} is the
     * non-strict form of {@code strict} and {@code last} applies to the final column.
     */
    private String bound(String strict, String last) {
        if (keys.size() == 1) {
            return keys.get(0) + " " + last + " ?";
        }
        String lead = strict + "=";
        return "(" + keys.get(0) + " " + lead + " ? AND " + nested(0, strict, last) + ")";
    }

    private String nested(int i, String strict, String last) {
        if (i == keys.size() - 1) {
            return keys.get(i) + " " + last + " ?";
        }
        return "(" + keys.get(i) + " " + strict + " ? OR (" + keys.get(i) + " = ? AND "
                + nested(i + 1, strict, last) + "))";
    }

    /** Parameters in the order {@link #bound} writes them: v1, then v1, v1, v2, v2, ..., vn. */
    private int bindBound(PreparedStatement statement, int first, List<Object> key) throws SQLException {
        if (key.size() != keys.size()) {
            throw new IllegalArgumentException("Expected a key of " + keys.size() + " values for " + table.id()
                    + ", got " + key);
        }
        int index = first;
        if (keys.size() == 1) {
            bindValue(statement, index++, 0, key.get(0));
            return index;
        }
        bindValue(statement, index++, 0, key.get(0));
        for (int i = 0; i < keys.size() - 1; i++) {
            bindValue(statement, index++, i, key.get(i));
            bindValue(statement, index++, i, key.get(i));
        }
        bindValue(statement, index++, keys.size() - 1, key.get(keys.size() - 1));
        return index;
    }

    /**
     * Binds one key value. ENUM and SET values are bound as their index or bitmask: compared with a string,
     * the server compares them as strings, while ORDER BY sorts them by index, and the bounds must follow the
     * ORDER BY. BIT values are bound as numbers for the same reason (bytes would compare as a binary string).
     */
    private void bindValue(PreparedStatement statement, int index, int column, Object value) throws SQLException {
        String dataType = types.get(column).dataType();
        if (dataType.equals("enum") || dataType.equals("set")) {
            statement.setLong(index, ColumnOrders.index(types.get(column).values(), value, dataType.equals("set")));
        } else if (dataType.equals("bit")) {
            statement.setBigDecimal(index, new BigDecimal(ColumnOrders.bitValue(value)));
        } else {
            codecs.get(column).bind(statement, index, value);
        }
    }
}
