package io.ferry.source.position;

import io.ferry.common.server.ServerFlavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads binlog positions from a server with read-only statements that need only REPLICATION CLIENT:
 * the current end of the binlog (the watermark around a chunk read) with its GTID set, the files still on the
 * server, and whether a stored offset can still be resumed.
 */
public final class ServerPositions {

    /** What to do when the binlog a stored offset needs is gone; part of every such error message. */
    public static final String NEW_SNAPSHOT = "Take a new snapshot: delete this connector's offsets (DELETE"
            + " /connectors/<name>/offsets while it is stopped), or set snapshot.mode=when_needed.";

    private final Connection connection;
    private final boolean mariaDb;
    private final String statusStatement;
    private Boolean gtidMode;

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

    /**
     * The end of the binlog now with the GTID set committed up to exactly there, where that can be known.
     *
     * <p>MariaDB computes the set for a file and position ({@code BINLOG_GTID_POS}), so the pair is exact even
     * while transactions commit. MySQL has no such function, and its {@code gtid_executed} cannot be read
     * atomically with the position: {@code SHOW MASTER STATUS} reads the set before the position, so a
     * transaction committing in between would be past the position but missing from the set, and a GTID
     * reconnect would send it twice. So on MySQL the offset starts with no set (file and position only) and the
     * binlog reader learns the exact set from the PREVIOUS_GTIDS event of the next binlog file.
     */
    public StreamOffset currentOffset() throws SQLException {
        BinlogPosition position = current();
        return StreamOffset.at(position, gtidsAt(position));
    }

    /** The GTID position of MariaDB at a transaction boundary of its binlog, or null (MySQL, or no GTIDs yet). */
    public String gtidsAt(BinlogPosition position) throws SQLException {
        if (!mariaDb) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
            statement.setString(1, position.file());
            statement.setLong(2, position.pos());
            try (ResultSet rs = statement.executeQuery()) {
                String gtids = rs.next() ? rs.getString(1) : null;
                return gtids == null || gtids.isBlank() ? null : gtids;
            }
        }
    }

    /** True if the server has GTIDs (MariaDB always; MySQL with {@code gtid_mode=ON}). */
    public boolean gtidMode() throws SQLException {
        if (gtidMode == null) {
            gtidMode = mariaDb || "ON".equalsIgnoreCase(query("SELECT @@global.gtid_mode").get(0).get(0));
        }
        return gtidMode;
    }

    /**
     * True if streaming resumes at {@code offset} by its GTID set rather than its file and position: when it has
     * a set and the server has GTIDs. The set wins over the position because it names the same transactions on
     * every server of a replication topology, so a stream can move to a replica after a failover, where the
     * primary's file and position mean nothing.
     */
    public boolean resumesByGtid(StreamOffset offset) throws SQLException {
        return offset.gtids() != null && !offset.gtids().isBlank() && gtidMode();
    }

    /** The binlog files still on the server, oldest first. */
    public List<String> files() throws SQLException {
        return query("SHOW BINARY LOGS").stream().map(row -> row.get(0)).toList();
    }

    /** True if streaming can still start at {@code position}: its file has not been purged. */
    public boolean available(BinlogPosition position) throws SQLException {
        return files().contains(position.file());
    }

    /**
     * True if streaming can still resume at {@code offset}: by GTID (see {@link #resumesByGtid}), if the server
     * still has every transaction the set lacks; else if the offset's file is still on the server.
     */
    public boolean available(StreamOffset offset) throws SQLException {
        if (!resumesByGtid(offset)) {
            return available(offset.restart());
        }
        GtidSet have = GtidSet.parse(mariaDb, offset.gtids());
        return have.containsAll(purged());
    }

    /**
     * The transactions no longer in the binlog. MySQL keeps them in {@code gtid_purged}. MariaDB has no such
     * variable; the GTID list event at the start of the oldest binlog file holds the binlog state before it,
     * i.e. the last transaction of each domain that is gone.
     */
    GtidSet purged() throws SQLException {
        if (!mariaDb) {
            return GtidSet.parse(false, query("SELECT @@global.gtid_purged").get(0).get(0));
        }
        List<String> files = files();
        if (files.isEmpty()) {
            return GtidSet.parse(true, "");
        }
        for (List<String> event : query("SHOW BINLOG EVENTS IN '" + files.get(0).replace("'", "''") + "' LIMIT 3")) {
            if ("Gtid_list".equals(event.get(2))) {
                return GtidSet.parse(true, event.get(5).replaceAll("[\\[\\]\\s]", ""));
            }
        }
        return GtidSet.parse(true, "");
    }

    /** The oldest binlog file still on the server, for messages; "none" if there is none. */
    public String oldestFile() throws SQLException {
        return files().stream().findFirst().orElse("none");
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
