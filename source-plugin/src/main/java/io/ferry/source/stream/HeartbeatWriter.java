package io.ferry.source.stream;

import io.ferry.common.TableId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DTS's heartbeat table: every interval the connector writes the current time into a one-row table on the
 * source. The write travels the whole pipeline like any change, so comparing the time in the destination's copy
 * with the clock gives the end-to-end lag, and the binlog position advances even when nothing else is written.
 * It needs CREATE, INSERT and UPDATE on that table.
 */
public final class HeartbeatWriter {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWriter.class);

    private final Connection connection;
    private final TableId table;
    private final long intervalMs;
    private final Clock clock;
    private long lastMs;
    private boolean created;

    public HeartbeatWriter(Connection connection, TableId table, long intervalMs, Clock clock) {
        this.connection = connection;
        this.table = table;
        this.intervalMs = intervalMs;
        this.clock = clock;
    }

    /** Writes a heartbeat if the interval has passed since the last one. */
    public void maybeBeat() throws SQLException {
        long now = clock.millis();
        if (now - lastMs < intervalMs) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (!created) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table.quoted()
                        + " (id INT PRIMARY KEY, ts DATETIME(6) NOT NULL)");
                created = true;
                LOG.info("Writing heartbeats into {} every {} ms", table, intervalMs);
            }
            statement.executeUpdate("INSERT INTO " + table.quoted() + " (id, ts) VALUES (1, UTC_TIMESTAMP(6))"
                    + " ON DUPLICATE KEY UPDATE ts = UTC_TIMESTAMP(6)");
        }
        lastMs = now;
    }
}
