package io.ferry.deploy.cutover;

import io.ferry.common.server.ServerFlavor;
import io.ferry.deploy.connect.ConnectRestClient.StoredOffset;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A place in the source's binlog, as a file and a byte position. Cutover compares the source's binlog end (read
 * once writes have stopped) with the position the source connector has committed, so that it knows the stream has
 * read everything the application wrote. Files compare by their numeric suffix, which is how the server orders
 * them ({@code mysql-bin.000009} before {@code mysql-bin.000010}).
 */
public record BinlogPoint(String file, long position) implements Comparable<BinlogPoint> {

    /** The source's binlog end now ({@code SHOW MASTER STATUS}; {@code SHOW BINARY LOG STATUS} on MySQL 8.4+). */
    public static BinlogPoint endOf(Connection source) throws SQLException {
        String statement = "SHOW MASTER STATUS";
        try (Statement st = source.createStatement()) {
            try (ResultSet version = st.executeQuery("SELECT VERSION()")) {
                version.next();
                String v = version.getString(1);
                if (ServerFlavor.fromVersion(v) == ServerFlavor.MYSQL && atLeast84(v)) {
                    statement = "SHOW BINARY LOG STATUS";
                }
            }
            try (ResultSet rs = st.executeQuery(statement)) {
                if (!rs.next()) {
                    throw new SQLException("The source reports no binlog (" + statement + " is empty): is log_bin on?");
                }
                return new BinlogPoint(rs.getString(1), rs.getLong(2));
            }
        }
    }

    /**
     * The source connector's committed stream position: the offset of its stream partition (the one without a
     * table), whose {@code file}/{@code pos} name the transaction boundary it restarts from, so everything before
     * it has been emitted. Empty before streaming started.
     */
    public static Optional<BinlogPoint> streamedBy(List<StoredOffset> offsets) {
        for (StoredOffset stored : offsets) {
            if (stored.partition().containsKey("table") || stored.offset() == null) {
                continue;
            }
            Object file = stored.offset().get("file");
            Object pos = stored.offset().get("pos");
            if (file != null && pos instanceof Number n) {
                return Optional.of(new BinlogPoint(file.toString(), n.longValue()));
            }
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(BinlogPoint other) {
        int byFile = Long.compare(sequence(file), sequence(other.file));
        if (byFile == 0 && !file.equals(other.file)) {
            byFile = file.compareTo(other.file);
        }
        return byFile != 0 ? byFile : Long.compare(position, other.position);
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }

    private static long sequence(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return dot < 0 ? 0 : Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean atLeast84(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 8 || major == 8 && minor >= 4;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
