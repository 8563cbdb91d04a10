package io.ferry.sink.apply;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import io.ferry.sink.apply.TableChanges.KeyState;
import io.ferry.sink.table.DestinationColumn;
import io.ferry.sink.table.DestinationTable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows moved aside because a newer row needed one of their unique values. A chunked snapshot and a stream that
 * applies each row's last image can make two rows hold the same unique value for a moment (e.g. two rows that
 * swapped emails, one read before the swap and one after); overwriting would delete a row for good and failing
 * would stop a migration that converges. Instead the older holder is moved, in the same transaction, to a
 * side table in the offsets database ({@code displaced_<db>_<table>_<crc>}, same columns, no secondary unique
 * keys), and moved back at the end of each batch once nothing conflicts. A displaced row whose key gets a newer
 * change is dropped from the side table: the change supersedes it. Rows still displaced are logged and counted;
 * when the source has stopped changing, none remain.
 */
final class DisplacedRows {

    private static final Logger LOG = LoggerFactory.getLogger(DisplacedRows.class);

    private final String database;
    /** Displaced rows per table, as committed; absent = not yet read from the side table. */
    private final Map<TableId, Long> pending = new HashMap<>();
    /** Tables whose displaced rows were reported, so the log says it once, and again when they are all back. */
    private final Set<TableId> warned = new HashSet<>();

    DisplacedRows(String database) {
        this.database = database;
    }

    /** True if rows of this table can be displaced: it has a key of its own and other unique keys. */
    boolean tracks(DestinationTable table) {
        return !table.uniqueKeys().isEmpty();
    }

    /**
     * Creates the side table if the table needs one. DDL commits implicitly, so this runs before the batch's
     * transaction starts.
     */
    void prepare(Connection connection, DestinationTable table) throws SQLException {
        if (!tracks(table) || pending.containsKey(table.id())) {
            return;
        }
        String side = sideTable(table.id());
        try (Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = " + Identifiers.literal(database) + " AND TABLE_NAME = "
                    + Identifiers.literal(sideName(table.id())))) {
                rows.next();
                exists = rows.getLong(1) > 0;
            }
            if (!exists) {
                statement.execute("CREATE TABLE " + side + " LIKE " + Statements.table(table.id()));
                statement.execute("ALTER TABLE " + side + table.uniqueKeys().keySet().stream()
                        .map(index -> " DROP INDEX " + Identifiers.quote(index)).collect(Collectors.joining(",")));
            }
            pending.put(table.id(), count(statement, side));
        }
    }

    /** Moves the rows holding these unique values (the new row's values for {@code uniqueKey}) aside. */
    void displace(Connection connection, DestinationTable table, List<BoundColumn> uniqueKey, Struct newRow)
            throws SQLException {
        String where = " WHERE " + Statements.rowMatch(uniqueKey);
        String columns = writableColumns(table);
        try (PreparedStatement copy = connection.prepareStatement("REPLACE INTO " + sideTable(table.id()) + " ("
                + columns + ") SELECT " + columns + " FROM " + Statements.table(table.id()) + where);
                PreparedStatement delete = connection.prepareStatement("DELETE FROM "
                        + Statements.table(table.id()) + where)) {
            RowLayout.bind(uniqueKey, copy, 1, newRow);
            int moved = copy.executeUpdate();
            RowLayout.bind(uniqueKey, delete, 1, newRow);
            delete.executeUpdate();
            pending.merge(table.id(), (long) Math.max(moved, 1), Long::sum);
        }
    }

    /** Drops displaced rows whose key has a change in this batch: the change is newer than the displaced image. */
    void forget(Connection connection, DestinationTable table, List<BoundColumn> key, List<KeyState> states)
            throws SQLException {
        if (pending.getOrDefault(table.id(), 0L) == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + sideTable(table.id())
                + " WHERE " + Statements.keyMatch(key, states.size()))) {
            int index = 1;
            for (KeyState state : states) {
                index = RowLayout.bind(key, statement, index, state.keyRow());
            }
            statement.executeUpdate();
        }
    }

    /**
     * Moves back every displaced row that no longer conflicts, inside the batch's transaction. Rows that still
     * conflict stay where they are.
     */
    void restore(Connection connection, DestinationTable table, List<String> keyColumns) throws SQLException {
        long before = pending.getOrDefault(table.id(), 0L);
        if (before == 0) {
            return;
        }
        String side = sideTable(table.id());
        String columns = writableColumns(table);
        String key = keyColumns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT IGNORE INTO " + Statements.table(table.id()) + " (" + columns + ") SELECT "
                    + columns + " FROM " + side);
            // not a multi-table DELETE with aliases: those need a default database, and this session has none
            statement.executeUpdate("DELETE FROM " + side + " WHERE (" + key + ") IN (SELECT " + key + " FROM "
                    + Statements.table(table.id()) + ")");
            long after = count(statement, side);
            pending.put(table.id(), after);
            if (after > 0 && warned.add(table.id())) {
                LOG.warn("{} row(s) of {} are displaced in {} because newer rows hold their unique values; they return"
                        + " when the conflict clears", after, table.id(), side);
            } else if (after == 0 && warned.remove(table.id())) {
                LOG.info("Every displaced row of {} is back", table.id());
            }
        }
    }

    /** After a rollback the counts may be wrong: read them again before the next batch. */
    void reset() {
        pending.clear();
    }

    long pending(TableId table) {
        return pending.getOrDefault(table, 0L);
    }

    private String sideTable(TableId id) {
        return Identifiers.quote(database) + "." + Identifiers.quote(sideName(id));
    }

    static String sideName(TableId id) {
        CRC32 crc = new CRC32();
        crc.update(id.toString().getBytes(StandardCharsets.UTF_8));
        String base = ("displaced_" + id.database() + "_" + id.table()).replaceAll("[^A-Za-z0-9_]", "_");
        return (base.length() > 54 ? base.substring(0, 54) : base) + "_" + Long.toHexString(crc.getValue());
    }

    private static String writableColumns(DestinationTable table) {
        return table.columns().stream().filter(c -> !c.generated()).map(DestinationColumn::name)
                .map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    private static long count(Statement statement, String side) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + side)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
