package io.ferry.source.stream;

import io.ferry.common.retry.RetryPolicy;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.ferry.common.TableId;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.binlog.BinlogConnection;
import io.ferry.source.binlog.BinlogItem;
import io.ferry.source.binlog.BinlogItem.RowChange;
import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.binlog.BinlogReader;
import io.ferry.source.event.ChangeRecords;
import io.ferry.source.event.DdlTables;
import io.ferry.source.event.Heartbeats;
import io.ferry.source.metrics.SourceTaskMetrics;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.position.SourcePartitions;
import io.ferry.source.position.StreamOffset;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming phase: reads the binlog from a stored offset and turns each change into records, each with
 * the offset that resumes right after it. Failures reconnect at the offset of the last record handed to
 * Connect, within the configured retry windows; past them the task fails with the cause.
 */
public final class StreamingPhase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingPhase.class);

    private final MySqlSourceConfig config;
    private final BinlogConnection connection;
    private final Supplier<EventDeserializer> deserializers;
    private final ChangeRecords records;
    private final SnapshotOverlap overlap;
    private final Heartbeats heartbeats;
    private final Map<String, Object> partition;
    private final RetryPolicy retries;
    private final Clock clock;

    private final int epoch;
    private final OnlineDdl onlineDdl;
    private final HeartbeatWriter heartbeatWriter;
    private final SourceTaskMetrics metrics;
    private final boolean byGtid;
    private StreamOffset lastOffset;
    private BinlogReader reader;
    private long lastRecordMs;
    private long retryAtMs;

    public StreamingPhase(MySqlSourceConfig config, BinlogConnection connection,
                          Supplier<EventDeserializer> deserializers, ChangeRecords records, SnapshotOverlap overlap,
                          StreamOffset start, boolean byGtid, int epoch, SourceTaskMetrics metrics,
                          HeartbeatWriter heartbeatWriter, Clock clock) {
        this.config = config;
        this.connection = connection;
        this.deserializers = deserializers;
        this.records = records;
        this.overlap = overlap;
        this.heartbeats = new Heartbeats(config.topicPrefix());
        this.partition = SourcePartitions.stream(config.topicPrefix());
        this.retries = new RetryPolicy(config.connectionRetryTimeoutMs(), config.retryTimeoutMs());
        this.clock = clock;
        this.lastOffset = start;
        this.byGtid = byGtid;
        this.epoch = epoch;
        this.onlineDdl = config.onlineDdl();
        this.heartbeatWriter = heartbeatWriter;
        this.metrics = metrics;
        // Zero, so that the first poll stores the start position with a heartbeat right away.
        this.lastRecordMs = 0;
    }

    /** Records for the changes read since the last call; empty while the binlog is quiet or a retry waits. */
    public List<SourceRecord> poll() throws InterruptedException {
        beat();
        long now = clock.millis();
        if (reader == null) {
            if (now < retryAtMs) {
                Thread.sleep(Math.min(retryAtMs - now, config.pollIntervalMs()));
                return List.of();
            }
            if (!connect()) {
                return List.of();
            }
        }
        List<BinlogItem> items;
        try {
            items = reader.poll(config.maxBatchSize(), Duration.ofMillis(config.pollIntervalMs()));
        } catch (BinlogReadException e) {
            scheduleRetry(e);
            return List.of();
        }
        retries.onSuccess();
        List<SourceRecord> out = new ArrayList<>(items.size() + 1);
        for (BinlogItem item : items) {
            StreamOffset offset = item.offsetAfter();
            if (item instanceof RowChange row) {
                metrics.eventRead(row.context().file(), row.context().pos(), row.context().timestampMs());
                if (overlap.mayCover(row.table(), row.end())) {
                    records.streamed(row, partition, offset.toMap(epoch), out,
                            key -> overlap.alreadyDelivered(row.table(), key, row.end()));
                } else {
                    records.streamed(row, partition, offset.toMap(epoch), out);
                }
            } else if (item instanceof BinlogItem.SchemaChange ddl) {
                schemaChange(ddl, offset, out);
            }
            // Transaction ends and progress emit nothing: the offset advances with the next record or heartbeat.
            lastOffset = offset;
        }
        metrics.eventsEmitted(out.size());
        now = clock.millis();
        if (lastRecordMs == 0 || out.isEmpty() && config.heartbeatIntervalMs() > 0
                && now - lastRecordMs >= config.heartbeatIntervalMs()) {
            out.add(heartbeats.record(partition, lastOffset.toMap(epoch), now));
        }
        if (!out.isEmpty()) {
            lastRecordMs = now;
        }
        return out;
    }

    /** Writes to the heartbeat table when due; a failure is retried at the next beat, never stops streaming. */
    private void beat() {
        if (heartbeatWriter == null) {
            return;
        }
        try {
            heartbeatWriter.maybeBeat();
        } catch (SQLException e) {
            LOG.warn("Cannot write the heartbeat table: {}", e.getMessage());
        }
    }

    /** A DDL statement as emitted: translated for online DDL tools, and only for captured tables. */
    private void schemaChange(BinlogItem.SchemaChange ddl, StreamOffset offset, List<SourceRecord> out) {
        Optional<String> sql = onlineDdl.translate(ddl.sql(), ddl.database());
        if (sql.isEmpty()) {
            return;
        }
        Optional<TableId> subject = DdlTables.tableOf(sql.get(), ddl.database());
        if (subject.isPresent() && !config.captures(subject.get())) {
            return;
        }
        SourceRecord record = records.schemaChange(new BinlogItem.SchemaChange(ddl.database(), sql.get(),
                ddl.context(), ddl.end(), ddl.offsetAfter()), partition, offset.toMap(epoch));
        if (record != null) {
            out.add(record);
        }
    }

    private boolean connect() {
        BinlogReader candidate = new BinlogReader(connection, config.maxQueueSize());
        try {
            // Once by GTID, always by GTID: every offset after the start carries the set. The start offset
            // decides, and a failover between reconnects is followed because the set names no server.
            candidate.start(lastOffset, byGtid && lastOffset.gtids() != null, config::captures, deserializers.get());
            reader = candidate;
            return true;
        } catch (IOException | RuntimeException e) {
            candidate.close();
            scheduleRetry(e);
            return false;
        }
    }

    private void scheduleRetry(Exception failure) {
        close();
        if (PurgedBinlog.is(failure)) {
            throw new ConnectException("Streaming from " + config.hostname() + ":" + config.port() + " cannot resume"
                    + " at " + (byGtid ? "GTID set " + lastOffset.gtids() : lastOffset.restart()) + ": the server"
                    + " no longer has the binlog it needs (" + failure.getMessage() + "). "
                    + ServerPositions.NEW_SNAPSHOT, failure);
        }
        long now = clock.millis();
        long delay = retries.onFailure(failure, now);
        if (delay < 0) {
            throw new ConnectException("Streaming from " + config.hostname() + ":" + config.port() + " failed and"
                    + " the retry window is used up; the last stored position is " + lastOffset.restart()
                    + ". Cause: " + failure.getMessage(), failure);
        }
        LOG.warn("Binlog streaming failed ({}); reconnecting at {} in {} ms", failure.getMessage(),
                lastOffset.restart(), delay);
        retryAtMs = now + delay;
    }


    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
