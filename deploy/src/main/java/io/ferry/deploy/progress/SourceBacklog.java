package io.ferry.deploy.progress;

import io.ferry.deploy.connect.ConnectRestClient.StoredOffset;
import io.ferry.deploy.cutover.BinlogPoint;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the source connector is behind the source: the bytes of binlog between the stream position it has
 * committed and the server's binlog end. The other half of the lag {@link StatusProbe} reports (Kafka to the
 * destination). Committed offsets move every {@code offset.flush.interval.ms}, and on quiet tables only with
 * heartbeats, so a caught-up stream can show a few KB until the next of either.
 */
final class SourceBacklog {

    private SourceBacklog() {
    }

    /** Empty before the stream has committed a position, or when its binlog file is no longer listed. */
    static Optional<Long> of(MigratorSettings settings, List<StoredOffset> sourceOffsets) throws SQLException {
        Optional<BinlogPoint> streamed = BinlogPoint.streamedBy(sourceOffsets);
        if (streamed.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = settings.source().connect()) {
            BinlogPoint end = BinlogPoint.endOf(connection);
            return bytesBetween(binaryLogs(connection), streamed.get(), end);
        }
    }

    /**
     * Bytes from {@code from} to {@code to}, given every binlog file with its size in order; empty if
     * {@code from}'s file is not among them (purged: the stream cannot resume anyway, and its status says so).
     */
    static Optional<Long> bytesBetween(Map<String, Long> logs, BinlogPoint from, BinlogPoint to) {
        if (from.compareTo(to) >= 0) {
            return Optional.of(0L);
        }
        if (from.file().equals(to.file())) {
            return Optional.of(to.position() - from.position());
        }
        if (!logs.containsKey(from.file())) {
            return Optional.empty();
        }
        long bytes = 0;
        boolean counting = false;
        for (Map.Entry<String, Long> log : logs.entrySet()) {
            if (log.getKey().equals(from.file())) {
                counting = true;
                bytes += Math.max(0, log.getValue() - from.position());
            } else if (log.getKey().equals(to.file())) {
                return Optional.of(bytes + to.position());
            } else if (counting) {
                bytes += log.getValue();
            }
        }
        return Optional.of(bytes + to.position());
    }

    private static Map<String, Long> binaryLogs(Connection connection) throws SQLException {
        Map<String, Long> logs = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
            while (rows.next()) {
                logs.put(rows.getString(1), rows.getLong(2));
            }
        }
        return logs;
    }
}
