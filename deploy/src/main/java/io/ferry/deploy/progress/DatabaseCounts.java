package io.ferry.deploy.progress;

import io.ferry.common.TableId;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/** What the two servers say about a task: the selected tables with their row estimates, and the sink's offsets. */
final class DatabaseCounts {

    /** Where the sink keeps its offsets (the sink's defaults; the task file does not change them). */
    static final String OFFSETS_TABLE = "`ferry`.`ferry_offsets`";

    private DatabaseCounts() {
    }

    /** Every selected source table with information_schema's row estimate, in name order. */
    static Map<TableId, Long> selectedTables(MigratorSettings settings) throws SQLException {
        Map<TableId, Long> tables = new TreeMap<>();
        try (Connection connection = settings.source().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME,"
                     + " COALESCE(TABLE_ROWS, 0) FROM information_schema.TABLES"
                     + " WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TableId table = new TableId(rows.getString(1), rows.getString(2));
                if (settings.tableFilter().includes(table)) {
                    tables.put(table, rows.getLong(3));
                }
            }
        }
        return tables;
    }

    /** The sink's next offset per partition, from the destination (empty before its first batch). */
    static Map<TopicPartition, Long> sinkOffsets(MigratorSettings settings, String sinkConnector)
            throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (Connection connection = settings.destination().connect()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM"
                    + " information_schema.TABLES WHERE TABLE_SCHEMA = 'ferry' AND TABLE_NAME = 'ferry_offsets'");
                 ResultSet found = exists.executeQuery()) {
                if (!found.next() || found.getLong(1) == 0) {
                    return offsets;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT topic, kafka_partition,"
                    + " next_offset FROM " + OFFSETS_TABLE + " WHERE connector = ?")) {
                statement.setString(1, sinkConnector);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        offsets.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                    }
                }
            }
        }
        return offsets;
    }
}
