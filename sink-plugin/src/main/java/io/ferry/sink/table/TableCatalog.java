package io.ferry.sink.table;

import io.ferry.common.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads destination table shapes from information_schema and caches them until a DDL (applied by the sink or
 * detected through an unknown-column error) invalidates them.
 */
public final class TableCatalog {

    private final Map<TableId, DestinationTable> tables = new HashMap<>();

    public DestinationTable get(Connection connection, TableId id) throws SQLException {
        DestinationTable table = tables.get(id);
        if (table == null) {
            table = load(connection, id);
            tables.put(id, table);
        }
        return table;
    }

    public void invalidate(TableId id) {
        tables.remove(id);
    }

    public void invalidateAll() {
        tables.clear();
    }

    private static DestinationTable load(Connection connection, TableId id) throws SQLException {
        List<DestinationColumn> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE,"
                + " EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new DestinationColumn(rows.getString(1), rows.getString(2).toLowerCase(Locale.ROOT),
                            "YES".equals(rows.getString(3)),
                            String.valueOf(rows.getString(4)).toUpperCase(Locale.ROOT).contains("GENERATED")));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new MissingSchemaException("Destination table " + id + " does not exist: create it first (the schema"
                    + " migrator does), or map the source table to an existing one with mapping.rules");
        }
        Map<String, List<String>> unique = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT INDEX_NAME, COLUMN_NAME"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0"
                + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    unique.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        List<String> primaryKey = unique.getOrDefault("PRIMARY", List.of());
        unique.remove("PRIMARY");
        return new DestinationTable(id, columns, primaryKey, unique);
    }
}
