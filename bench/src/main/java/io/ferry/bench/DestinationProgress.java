package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What the sink has committed, read where it commits: the offsets table in the destination (Ferry's default
 * {@code ferry.ferry_offsets}), written in the same transaction as the rows. So "every offset reached" means
 * "every row is in the destination", with no lag of Kafka's offset commits. One connection, kept open, since
 * it is polled every 50 ms.
 */
final class DestinationProgress implements AutoCloseable {

    private final Connection connection;
    private PreparedStatement offsets;

    DestinationProgress(MySqlServer destination) {
        try {
            this.connection = destination.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the destination: " + e.getMessage(), e);
        }
    }

    /** The next offset to apply per partition of {@code topic} committed by {@code connector}; empty at first. */
    Map<TopicPartition, Long> committed(String connector, String topic) {
        Map<TopicPartition, Long> next = new HashMap<>();
        try {
            if (offsets == null) {
                offsets = connection.prepareStatement("SELECT kafka_partition, next_offset FROM ferry.ferry_offsets"
                        + " WHERE connector = ? AND topic = ?");
            }
            offsets.setString(1, connector);
            offsets.setString(2, topic);
            try (ResultSet rows = offsets.executeQuery()) {
                while (rows.next()) {
                    next.put(new TopicPartition(topic, rows.getInt(1)), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            offsets = null; // the sink creates the table on its first put()
        }
        return next;
    }

    /** The server's count of COMMIT statements: its change over a run is the run's transactions. */
    long commits() {
        try (PreparedStatement status = connection.prepareStatement("SHOW GLOBAL STATUS LIKE 'Com_commit'");
             ResultSet rows = status.executeQuery()) {
            return rows.next() ? rows.getLong(2) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Com_commit: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }
}
