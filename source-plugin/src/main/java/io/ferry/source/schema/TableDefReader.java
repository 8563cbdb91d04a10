package io.ferry.source.schema;

import io.ferry.common.TableId;
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
import java.util.Optional;
import java.util.Set;

/**
 * Reads table definitions from {@code information_schema}, which needs only SELECT on the tables. Used for
 * the snapshot; the stream reads the same facts from binlog table-map metadata instead, except the column
 * defaults and comments and the table comment, which table maps do not carry: the stream takes them from here.
 */
public final class TableDefReader {

    private static final String COLUMNS = "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,"
            + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME,"
            + " COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";

    /** Unique indexes with their columns; PRIMARY first, then by name, columns in index order. */
    private static final String UNIQUE_INDEXES = "SELECT INDEX_NAME, COLUMN_NAME, NULLABLE"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0"
            + " ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX";

    /** MariaDB's JSON columns: LONGTEXT with a column check constraint {@code json_valid(`c`)}. */
    private static final String MARIADB_JSON_CHECKS = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? AND CHECK_CLAUSE LIKE 'json_valid(%'";

    private static final String TABLE_COMMENT = "SELECT TABLE_COMMENT FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    private TableDefReader() {
    }

    /** The table's definition, or empty if it does not exist (or is a view). */
    public static Optional<TableDef> read(Connection connection, TableId id) throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(new ColumnDef(rs.getString(1), ColumnTypes.fromInformationSchema(rs),
                            "YES".equals(rs.getString(4)),
                            ColumnDefault.fromInformationSchema(rs.getString(10), rs.getString(11), mariaDb),
                            rs.getString(12)));
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        if (mariaDb) {
            markMariaDbJson(connection, id, columns);
        }
        Map<String, List<String>> uniqueIndexes = new LinkedHashMap<>();
        Map<String, Boolean> allNotNull = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(UNIQUE_INDEXES)) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String index = rs.getString(1);
                    uniqueIndexes.computeIfAbsent(index, k -> new ArrayList<>()).add(rs.getString(2));
                    boolean notNull = !"YES".equals(rs.getString(3));
                    allNotNull.merge(index, notNull, Boolean::logicalAnd);
                }
            }
        }
        String comment = tableComment(connection, id);
        if (uniqueIndexes.containsKey("PRIMARY")) {
            return Optional.of(new TableDef(id, columns, uniqueIndexes.get("PRIMARY"), KeyKind.PRIMARY, comment));
        }
        // Prefer the unique NOT NULL key with the fewest columns: cheaper chunk boundaries and event keys.
        return Optional.of(uniqueIndexes.entrySet().stream()
                .filter(e -> allNotNull.get(e.getKey()))
                .min((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                .map(e -> new TableDef(id, columns, e.getValue(), KeyKind.UNIQUE_NOT_NULL, comment))
                .orElseGet(() -> new TableDef(id, columns, List.of(), KeyKind.NONE, comment)));
    }

    private static String tableComment(Connection connection, TableId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TABLE_COMMENT)) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * MariaDB reports JSON columns as LONGTEXT; their JSON-ness is only in a check constraint, which names the
     * column as {@code json_valid(`name`)}.
     */
    private static void markMariaDbJson(Connection connection, TableId id, List<ColumnDef> columns)
            throws SQLException {
        boolean anyLongText = columns.stream().anyMatch(c -> c.type().dataType().equals("longtext"));
        if (!anyLongText) {
            return;
        }
        Set<String> jsonColumns = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(MARIADB_JSON_CHECKS)) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String clause = rs.getString(1);
                    jsonColumns.add(clause.substring("json_valid(`".length(), clause.length() - 2)
                            .replace("``", "`").toLowerCase(Locale.ROOT));
                }
            }
        }
        columns.replaceAll(c -> c.type().dataType().equals("longtext")
                && jsonColumns.contains(c.name().toLowerCase(Locale.ROOT))
                ? c.withType(ColumnTypes.asMariaDbJson(c.type())) : c);
    }
}
