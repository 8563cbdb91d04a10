package io.ferry.source;

import io.ferry.common.TableId;
import io.ferry.source.event.ChangeRecords;
import io.ferry.source.metrics.SourceTaskMetrics;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.position.GtidSet;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.position.SourcePartitions;
import io.ferry.source.position.StreamOffset;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TableDefReader;
import io.ferry.source.schema.binlog.BinlogDeserialization;
import io.ferry.source.snapshot.KeyOrder;
import io.ferry.source.stream.HeartbeatWriter;
import io.ferry.source.stream.SnapshotOverlap;
import io.ferry.source.stream.StreamingPhase;
import io.ferry.source.stream.StripeOverlap;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when and where task 0 starts streaming: at the stored offset; or, on a first start, once every
 * stripe of the snapshot has stored its finish, at the earliest stripe's finish (filtering what the
 * stripes already delivered); or, without a snapshot, at the current end of the binlog.
 */
final class StreamStarter {

    private static final Logger LOG = LoggerFactory.getLogger(StreamStarter.class);
    private static final long CHECK_INTERVAL_MS = 2000;

    private final MySqlSourceConfig config;
    private final int epoch;
    private final List<Stripe> stripes;
    private final OffsetStorageReader offsets;
    private final Supplier<ServerPositions> positions;
    private final Supplier<Connection> orderConnection;
    private final TaskWiring wiring;
    private final ChangeRecords records;
    private final SourceTaskMetrics metrics;
    private final Clock clock;
    private long nextCheckMs;
    private boolean waitingLogged;

    StreamStarter(MySqlSourceConfig config, int epoch, List<Stripe> stripes, OffsetStorageReader offsets,
                  Supplier<ServerPositions> positions, Supplier<Connection> orderConnection, TaskWiring wiring,
                  ChangeRecords records,
                  SourceTaskMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.config = config;
        this.epoch = epoch;
        this.stripes = stripes;
        this.offsets = offsets;
        this.positions = positions;
        this.orderConnection = orderConnection;
        this.wiring = wiring;
        this.records = records;
        this.clock = clock;
    }

    /** The streaming phase if it can start now, else null (the snapshot is still running). */
    StreamingPhase tryStart() {
        long now = clock.millis();
        if (now < nextCheckMs) {
            return null;
        }
        nextCheckMs = now + CHECK_INTERVAL_MS;
        try {
            Map<Stripe, StripeProgress> finished = finishedStripes();
            Optional<StreamOffset> stored = storedStreamOffset();
            StreamOffset start;
            if (stored.isPresent()) {
                start = stored.get();
            } else if (finished.size() < stripes.size()) {
                if (!waitingLogged) {
                    LOG.info("Streaming waits for the snapshot: {} of {} stripes finished", finished.size(),
                            stripes.size());
                    waitingLogged = true;
                }
                return null;
            } else if (finished.isEmpty()) {
                start = positions.get().currentOffset();
            } else {
                start = StripeOverlap.startOffset(finished);
            }
            boolean byGtid = positions.get().resumesByGtid(start);
            if (!positions.get().available(start) && stored.isEmpty()) {
                // when_needed re-snapshots only a stored stream position: a snapshot outlasting the binlog's
                // retention would otherwise be taken again and again.
                throw new ConnectException("The snapshot's finish position " + (byGtid ? "(GTID set " + start.gtids()
                        + ")" : start.restart()) + " is no longer on the server (the oldest binlog file is "
                        + positions.get().oldestFile() + "): the binlog was purged before streaming began. Keep the"
                        + " binlog longer than the snapshot takes (binlog_expire_logs_seconds), then take a new"
                        + " snapshot: delete this connector's offsets (DELETE /connectors/<name>/offsets while it is"
                        + " stopped).");
            }
            if (!positions.get().available(start)) {
                throw new ConnectException(byGtid
                        ? "The GTID set " + start.gtids() + " to stream from is no longer on the server: transactions"
                        + " it lacks were purged (the oldest binlog file is " + positions.get().oldestFile() + ")."
                        + " " + ServerPositions.NEW_SNAPSHOT
                        : "The binlog position " + start.restart() + " to stream from is no longer on the server"
                        + " (the oldest file is " + positions.get().oldestFile() + "). "
                        + ServerPositions.NEW_SNAPSHOT);
            }
            SnapshotOverlap overlap = finished.isEmpty() || passedAll(stored, finished) ? SnapshotOverlap.NONE
                    : new StripeOverlap(finished, keyOrders(finished));
            LOG.info("Snapshot phase complete; streaming the binlog of {}:{} from {}", config.hostname(),
                    config.port(), byGtid ? "GTID set " + start.gtids() : start.restart());
            return new StreamingPhase(config, wiring.binlog(config.serverId()),
                    BinlogDeserialization::newEventDeserializer, records, overlap, start, byGtid, epoch, metrics,
                    config.heartbeatTable().map(table -> new HeartbeatWriter(orderConnection.get(), table,
                            config.heartbeatIntervalMs(), clock)).orElse(null), clock);
        } catch (SQLException e) {
            throw new ConnectException("Cannot prepare streaming from " + config.hostname() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * True if the stored stream offset is past every stripe's final position, so no change the stream reads can
     * be one a stripe delivered. Known only by GTID sets: after a failover the stream's file and position are
     * another server's and do not compare with the stripes'; then the key filter would drop changes (or keep
     * them) by a meaningless comparison.
     */
    private boolean passedAll(Optional<StreamOffset> stored, Map<Stripe, StripeProgress> finished) {
        if (stored.isEmpty() || stored.get().gtids() == null) {
            return false;
        }
        boolean mariaDb = positions.get().mariaDb();
        GtidSet streamed = GtidSet.parse(mariaDb, stored.get().gtids());
        return finished.values().stream().allMatch(p -> p.reader().gtids() != null
                && streamed.containsAll(GtidSet.parse(mariaDb, p.reader().gtids())));
    }

    private Map<Stripe, StripeProgress> finishedStripes() {
        List<Map<String, Object>> partitions = new ArrayList<>();
        Map<Map<String, Object>, Stripe> byPartition = new HashMap<>();
        for (Stripe stripe : stripes) {
            Map<String, Object> partition = stripe.partition(config.topicPrefix());
            partitions.add(partition);
            byPartition.put(partition, stripe);
        }
        Map<Stripe, StripeProgress> finished = new LinkedHashMap<>();
        offsets.offsets(partitions).forEach((partition, offset) -> {
            if (offset != null) {
                StripeProgress progress = StripeProgress.fromOffset(offset);
                if (progress.done()) {
                    finished.put(byPartition.get(partition), progress);
                }
            }
        });
        return finished;
    }

    private Map<TableId, KeyOrder> keyOrders(Map<Stripe, StripeProgress> finished) throws SQLException {
        Map<TableId, KeyOrder> orders = new HashMap<>();
        for (Stripe stripe : finished.keySet()) {
            if (!orders.containsKey(stripe.table())) {
                Optional<TableDef> table = TableDefReader.read(orderConnection.get(), stripe.table());
                if (table.isPresent() && !table.get().keyColumns().isEmpty()) {
                    orders.put(stripe.table(), KeyOrder.forTable(orderConnection.get(), table.get()));
                }
            }
        }
        return orders;
    }

    private Optional<StreamOffset> storedStreamOffset() {
        // An offset of an older snapshot epoch is stale: a new snapshot replaces it (snapshot.mode=when_needed).
        Map<String, Object> offset = offsets.offset(SourcePartitions.stream(config.topicPrefix()));
        return offset == null || StreamOffset.epochOf(offset) != epoch ? Optional.empty()
                : Optional.of(StreamOffset.fromMap(offset));
    }
}
