package io.ferry.source.position;

import io.ferry.common.server.ServerFlavor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads binlog positions from a server with read-only statements that need only REPLICATION CLIENT:
 * the current end of the binlog (the watermark around a chunk read) and the files still on the server.
 */
public final class ServerPositions {

    private final Connection connection;
    private final boolean mariaDb;
    private final String statusStatement;

    public ServerPositions(Connection connection) throws SQLException {
        this.connection = connection;
        String version = query("SELECT VERSION()").get(0).get(0);
        this.mariaDb = ServerFlavor.fromVersion(version) == ServerFlavor.MARIADB;
        this.statusStatement = mariaDb || !atLeast(version, 8, 4) ? "SHOW MASTER STATUS" : "SHOW BINARY LOG STATUS";
    }

    public boolean mariaDb() {
        return mariaDb;
    }

    /** The end of the binlog now: every event written so far is at or before it. */
    public BinlogPosition current() throws SQLException {
        List<List<String>> rows = query(statusStatement);
        if (rows.isEmpty()) {
            throw new SQLException("The server reports no binary log (" + statusStatement + " is empty):"
                    + " binary logging is off. Set log_bin and restart the server.");
        }
        return new BinlogPosition(rows.get(0).get(0), Long.parseLong(rows.get(0).get(1)));
    }

    /** The executed GTID set now ({@code gtid_binlog_pos} on MariaDB, {@code gtid_executed} on MySQL), or null. */
    public String currentGtids() throws SQLException {
        String sql = mariaDb ? "SELECT @@global.gtid_binlog_pos" : "SELECT @@global.gtid_executed";
        String gtids = query(sql).get(0).get(0);
        return gtids == null || gtids.isBlank() ? null : gtids.replace("\n", "");
    }

    /** The binlog files still on the server, oldest first. */
    public List<String> files() throws SQLException {
        return query("SHOW BINARY LOGS").stream().map(row -> row.get(0)).toList();
    }

    /** True if streaming can still start at {@code position}: its file has not been purged. */
    public boolean available(BinlogPosition position) throws SQLException {
        return files().contains(position.file());
    }

    private List<List<String>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.-]");
        try {
            int maj = Integer.parseInt(parts[0]);
            int min = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return maj > major || maj == major && min >= minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
