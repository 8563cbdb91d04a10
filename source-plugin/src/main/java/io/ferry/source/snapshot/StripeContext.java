package io.ferry.source.snapshot;

import io.ferry.source.event.ChangeRecords;
import io.ferry.source.event.SourceInfo;
import io.ferry.source.metrics.SourceTaskMetrics;
import io.ferry.source.position.ServerPositions;
import java.sql.Connection;
import java.time.Clock;

/**
 * What every stripe read by a task shares: the task's JDBC connection (watermarks, chunk queries), a second
 * one for the collation look-ups of key comparisons (which happen while a chunk's result set is open), the
 * record builders and the snapshot settings.
 *
 * @param serverId the server id of the task's binlog connection, reported in the events' source block
 */
public record StripeContext(String server, Connection connection, Connection orderConnection,
                            ServerPositions positions, ChangeRecords records, SourceInfo source, long serverId,
                            int chunkSize, int fetchSize, SourceTaskMetrics metrics, Clock clock) {
}
