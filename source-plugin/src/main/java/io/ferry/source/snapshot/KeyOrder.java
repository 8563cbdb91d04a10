package io.ferry.source.snapshot;

import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's order of a table's key tuples ({@code ORDER BY k1, k2, ...}), for deciding in Java whether
 * an event's key lies before, inside or after a chunk. Tuples are compared column by column with
 * {@link ColumnOrders}; character columns follow their collation through server-computed weights, because
 * {@link String#compareTo} disagrees with e.g. {@code utf8mb4_general_ci} ('B' &lt; 'a' in Java, not there).
 */
public final class KeyOrder implements Comparator<List<Object>> {

    private static final String COLLATIONS = "SELECT COLUMN_NAME, CHARACTER_SET_NAME, COLLATION_NAME,"
            + " CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLLATION_NAME IS NOT NULL";

    private static final String PAD_ATTRIBUTE = "SELECT PAD_ATTRIBUTE FROM information_schema.COLLATIONS"
            + " WHERE COLLATION_NAME = ?";

    /** Enough for every boundary and a good share of recent event keys. */
    private static final int WEIGHT_CACHE_SIZE = 100_000;

    private final List<Comparator<Object>> columns;

    private KeyOrder(List<Comparator<Object>> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A key order needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** An order from one comparator per key column, in key order. */
    public static KeyOrder of(List<Comparator<Object>> columns) {
        return new KeyOrder(columns);
    }

    /**
     * The order of {@code table}'s key. Collations are read from {@code information_schema}; string weights
     * are computed on {@code connection}, which must stay open as long as the order is used and must not be
     * streaming a result set meanwhile (see {@link ChunkQuery}). Not thread-safe.
     */
    public static KeyOrder forTable(Connection connection, TableDef table) throws SQLException {
        return forTable(connection, table, new ServerCollationWeigher(connection, WEIGHT_CACHE_SIZE));
    }

    /** As {@link #forTable(Connection, TableDef)}, with weights from {@code weigher}. */
    public static KeyOrder forTable(Connection connection, TableDef table, CollationWeigher weigher)
            throws SQLException {
        if (table.keyColumns().isEmpty()) {
            throw new IllegalArgumentException(table.id() + " has no key to order by");
        }
        Map<String, StringCollation> collations = readCollations(connection, table);
        List<Comparator<Object>> columns = new ArrayList<>();
        for (String name : table.keyColumns()) {
            ColumnDef column = table.column(name).orElseThrow(
                    () -> new IllegalArgumentException(table.id() + " has no key column " + name));
            columns.add(ColumnOrders.forColumn(column.type(), collations.get(name.toLowerCase(Locale.ROOT)),
                    weigher));
        }
        return new KeyOrder(columns);
    }

    public int arity() {
        return columns.size();
    }

    @Override
    public int compare(List<Object> a, List<Object> b) {
        if (a.size() != columns.size() || b.size() != columns.size()) {
            throw new IllegalArgumentException("Expected keys of " + columns.size() + " values, got " + a
                    + " and " + b);
        }
        for (int i = 0; i < columns.size(); i++) {
            int byColumn = columns.get(i).compare(a.get(i), b.get(i));
            if (byColumn != 0) {
                return byColumn;
            }
        }
        return 0;
    }

    /**
     * Whether {@code collation} is PAD SPACE. MySQL 8 says so in {@code COLLATIONS.PAD_ATTRIBUTE}; MariaDB
     * has no such column, and names its NO PAD collations {@code *_nopad_*}.
     */
    static boolean padSpace(Connection connection, String collation) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PAD_ATTRIBUTE)) {
            statement.setString(1, collation);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    return !"NO PAD".equalsIgnoreCase(rs.getString(1));
                }
            }
        } catch (SQLSyntaxErrorException e) {
            // no PAD_ATTRIBUTE column: MariaDB
        }
        return !collation.toLowerCase(Locale.ROOT).contains("_nopad_");
    }

    private static Map<String, StringCollation> readCollations(Connection connection, TableDef table)
            throws SQLException {
        Map<String, StringCollation> collations = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLLATIONS)) {
            statement.setString(1, table.id().database());
            statement.setString(2, table.id().table());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (table.keyColumns().stream().anyMatch(k -> k.equalsIgnoreCase(name))) {
                        collations.put(name, new StringCollation(rs.getString(2), rs.getString(3), rs.getLong(4),
                                padSpace(connection, rs.getString(3))));
                    }
                }
            }
        }
        return collations;
    }
}
