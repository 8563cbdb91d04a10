package io.ferry.sink.offsets;

import io.ferry.common.Identifiers;
import io.ferry.common.server.ServerFlavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumed Kafka offsets, kept in the destination ({@code <offsets.database>.<offsets.table>}: connector,
 * topic, partition, next offset) and written in the same transaction as the rows they cover. The destination,
 * not Kafka's consumer group, is the truth: after a crash between the destination commit and Kafka's offset
 * commit, the task seeks past what the destination already holds, so no batch is applied twice or skipped.
 */
public final class OffsetStore {

    public static final String CONNECTOR = "connector";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "kafka_partition";
    public static final String NEXT_OFFSET = "next_offset";

    private final String table;
    private final String database;
    private final String connector;

    public OffsetStore(String database, String table, String connector) {
        this.database = database;
        this.table = Identifiers.quote(database) + "." + Identifiers.quote(table);
        this.connector = connector;
    }

    /** Creates the database and table if missing (DDL: call outside a transaction). */
    public void ensureTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database));
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + CONNECTOR + " VARCHAR(255) NOT NULL, "
                    + TOPIC + " VARCHAR(255) NOT NULL, "
                    + PARTITION + " INT NOT NULL, "
                    + NEXT_OFFSET + " BIGINT NOT NULL, "
                    + "updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), "
                    + "PRIMARY KEY (" + CONNECTOR + ", " + TOPIC + ", " + PARTITION + ")"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        }
    }

    /** The next offset to apply for each of these partitions that has one stored. */
    public Map<TopicPartition, Long> load(Connection connection, Collection<TopicPartition> partitions)
            throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + TOPIC + ", " + PARTITION + ", "
                + NEXT_OFFSET + " FROM " + table + " WHERE " + CONNECTOR + " = ?")) {
            statement.setString(1, connector);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TopicPartition partition = new TopicPartition(rows.getString(1), rows.getInt(2));
                    if (partitions.contains(partition)) {
                        stored.put(partition, rows.getLong(3));
                    }
                }
            }
        }
        return stored;
    }

    /** Upserts the next offsets; part of the caller's transaction. */
    public void save(Connection connection, ServerFlavor flavor, Map<TopicPartition, Long> nextOffsets)
            throws SQLException {
        if (nextOffsets.isEmpty()) {
            return;
        }
        // MySQL 8.0.20 deprecates VALUES() in favour of a row alias, which MariaDB does not have
        String update = flavor == ServerFlavor.MYSQL
                ? " AS new ON DUPLICATE KEY UPDATE " + NEXT_OFFSET + " = new." + NEXT_OFFSET
                : " ON DUPLICATE KEY UPDATE " + NEXT_OFFSET + " = VALUES(" + NEXT_OFFSET + ")";
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " (" + CONNECTOR + ", "
                + TOPIC + ", " + PARTITION + ", " + NEXT_OFFSET + ") VALUES (?, ?, ?, ?)" + update)) {
            for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
                statement.setString(1, connector);
                statement.setString(2, entry.getKey().topic());
                statement.setInt(3, entry.getKey().partition());
                statement.setLong(4, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
