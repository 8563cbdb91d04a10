package io.ferry.migrator.validate;

import io.ferry.common.ColumnFilter;
import io.ferry.common.TableId;
import io.ferry.common.mapping.NameMapping;
import io.ferry.common.server.ServerFlavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads from {@code information_schema} what validation compares for a table: the source's columns minus the
 * excluded ones, their destination names through the mapping, and the key that orders the chunks.
 */
final class ComparedTableReader {

    private static final String COLUMNS = "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_PRECISION,"
            + " NUMERIC_SCALE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
            + " ORDER BY ORDINAL_POSITION";
    /** MariaDB's JSON is LONGTEXT with a {@code json_valid} check named after the column. */
    private static final String MARIADB_JSON_CHECKS = "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM"
            + " information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?";
    /** Unique indexes, the primary key first; a NULL column name is an expression part (MySQL functional index). */
    private static final String UNIQUE_INDEXES = "SELECT INDEX_NAME, COLUMN_NAME, SUB_PART FROM"
            + " information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0"
            + " ORDER BY INDEX_NAME <> 'PRIMARY', INDEX_NAME, SEQ_IN_INDEX";

    private final Connection source;
    private final Connection destination;
    private final ServerFlavor sourceFlavor;
    private final ServerFlavor destinationFlavor;
    private final NameMapping mapping;
    private final ColumnFilter columnFilter;

    ComparedTableReader(Connection source, Connection destination, ServerFlavor sourceFlavor,
                        ServerFlavor destinationFlavor, NameMapping mapping, ColumnFilter columnFilter) {
        this.source = source;
        this.destination = destination;
        this.sourceFlavor = sourceFlavor;
        this.destinationFlavor = destinationFlavor;
        this.mapping = mapping;
        this.columnFilter = columnFilter;
    }

    /** The table to compare; notes receive what is left out and why. Throws if it cannot be compared. */
    ComparedTable read(TableId table, String rowFilter, List<String> notes) throws SQLException {
        TableId target = mapping.table(table);
        Set<String> destinationColumns = new HashSet<>();
        for (List<String> row : rows(destination, COLUMNS, target)) {
            destinationColumns.add(row.get(0).toLowerCase(Locale.ROOT));
        }
        if (destinationColumns.isEmpty()) {
            throw new ValidationException("The destination table " + target + " does not exist");
        }
        Set<String> jsonColumns = sourceFlavor == ServerFlavor.MARIADB ? mariaDbJsonColumns(table) : Set.of();
        Map<String, ComparedColumn> columns = new LinkedHashMap<>();
        Set<String> nullable = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (List<String> row : rows(source, COLUMNS, table)) {
            String name = row.get(0);
            if (columnFilter.excludes(table, name)) {
                continue;
            }
            ColumnKind kind = jsonColumns.contains(name) ? ColumnKind.JSON : ColumnKind.of(row.get(1));
            if (kind == ColumnKind.JSON && sourceFlavor != destinationFlavor) {
                notes.add("Column " + name + " (JSON) is not compared: MySQL and MariaDB have no common canonical"
                        + " JSON text");
                continue;
            }
            String targetName = mapping.column(table, name);
            if (!destinationColumns.contains(targetName.toLowerCase(Locale.ROOT))) {
                missing.add(targetName + (targetName.equals(name) ? "" : " (source " + name + ")"));
                continue;
            }
            boolean unsigned = row.get(2).toLowerCase(Locale.ROOT).contains("unsigned");
            columns.put(name.toLowerCase(Locale.ROOT), new ComparedColumn(name, targetName, kind, unsigned,
                    number(row.get(3)), number(row.get(4))));
            if ("YES".equals(row.get(5))) {
                nullable.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException("The destination table " + target + " lacks column(s) " + missing);
        }
        if (columns.isEmpty()) {
            throw new ValidationException("Every column of " + table + " is excluded");
        }
        List<ComparedColumn> key = key(table, columns, nullable);
        if (key.isEmpty()) {
            notes.add("No usable primary key or unique NOT NULL key: compared as a multiset of row hashes, so a"
                    + " changed row shows as one missing and one extra");
        }
        return new ComparedTable(table, target, new ArrayList<>(columns.values()), key, rowFilter);
    }

    /** The primary key, else the first unique key of NOT NULL, compared, whole columns that can bound a chunk. */
    private List<ComparedColumn> key(TableId table, Map<String, ComparedColumn> columns, Set<String> nullable)
            throws SQLException {
        Map<String, List<List<String>>> indexes = new LinkedHashMap<>();
        for (List<String> row : rows(source, UNIQUE_INDEXES, table)) {
            indexes.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row);
        }
        for (List<List<String>> parts : indexes.values()) {
            List<ComparedColumn> key = new ArrayList<>();
            for (List<String> part : parts) {
                String column = part.get(1) == null ? null : part.get(1).toLowerCase(Locale.ROOT);
                ComparedColumn compared = column == null ? null : columns.get(column);
                if (compared == null || part.get(2) != null || nullable.contains(column)
                        || !compared.kind().usableInKey()) {
                    key = null;
                    break;
                }
                key.add(compared);
            }
            if (key != null) {
                return key;
            }
        }
        return List.of();
    }

    private Set<String> mariaDbJsonColumns(TableId table) throws SQLException {
        Set<String> json = new HashSet<>();
        for (List<String> row : rows(source, MARIADB_JSON_CHECKS, table)) {
            String clause = row.get(1).replace(" ", "").toLowerCase(Locale.ROOT);
            if (clause.equals("json_valid(`" + row.get(0).toLowerCase(Locale.ROOT) + "`)")) {
                json.add(row.get(0));
            }
        }
        return json;
    }

    private static int number(String text) {
        return text == null ? 0 : Integer.parseInt(text);
    }

    private static List<List<String>> rows(Connection connection, String sql, TableId table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.database());
            statement.setString(2, table.table());
            try (ResultSet rs = statement.executeQuery()) {
                int count = rs.getMetaData().getColumnCount();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(count);
                    for (int i = 1; i <= count; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
