package io.ferry.source;

import io.ferry.common.FerryVersion;
import io.ferry.common.TableId;
import io.ferry.source.event.ChangeRecords;
import io.ferry.source.event.RowCodecs;
import io.ferry.source.event.SourceInfo;
import io.ferry.source.event.TopicNames;
import io.ferry.source.metrics.SourceTaskMetrics;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.plan.TaskAssignments;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.schema.ConnectRowCodecs;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TableDefReader;
import io.ferry.source.snapshot.SnapshotPhase;
import io.ferry.common.retry.RetryPolicy;
import io.ferry.source.stream.StreamingPhase;
import io.ferry.source.throttle.PhaseThrottle;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task of the connector. Every task reads the snapshot stripes assigned to it; task 0 then reads the
 * binlog, once every stripe of the snapshot has finished (or at once when there is no snapshot).
 */
public final class MySqlSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlSourceTask.class);

    private final Clock clock = Clock.systemUTC();
    private MySqlSourceConfig config;
    private int index;
    private Connection connection;
    private Connection orderConnection;
    private ServerPositions positions;
    private TaskWiring wiring;
    private RowCodecs codecs;
    private ChangeRecords records;
    private RetryPolicy snapshotRetries;
    private Map<Stripe, StripeProgress> snapshotToResume;
    private long snapshotRetryAtMs;
    private SnapshotPhase snapshot;
    private StreamStarter streamStarter;
    private StreamingPhase streaming;
    private boolean completionLogged;
    private SourceTaskMetrics metrics;
    private PhaseThrottle snapshotThrottle;
    private PhaseThrottle streamThrottle;

    @Override
    public String version() {
        return FerryVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new MySqlSourceConfig(props);
        index = Integer.parseInt(props.getOrDefault(TaskKeys.TASK_INDEX, "0"));
        List<Stripe> assigned = TaskAssignments.readAssigned(props);
        metrics = SourceTaskMetrics.register(config.topicPrefix(), index, clock);
        long[] snapshotLimits = config.snapshotLimits();
        long[] streamLimits = config.streamLimits();
        snapshotThrottle = new PhaseThrottle(snapshotLimits[0], snapshotLimits[1], snapshotLimits[2], clock);
        streamThrottle = new PhaseThrottle(streamLimits[0], streamLimits[1], 0, clock);
        try {
            connection = open();
            orderConnection = open();
            codecs = new ConnectRowCodecs(config.topicPrefix(), config.fieldNameAdjustment(), config.columnFilter(),
                    config.columnDefaults(), config.includeSchemaComments(), config.timePrecisionMode(),
                    this::catalog);
            records = new ChangeRecords(codecs, new TopicNames(config.topicPrefix()),
                    new SourceInfo(FerryVersion.get(), config.topicPrefix()), config.tombstonesOnDelete(),
                    config.operations(), config.rowFilters(), clock);
            positions = new ServerPositions(connection);
            wiring = new TaskWiring(config, positions.mariaDb(), clock);
            snapshotRetries = new RetryPolicy(config.connectionRetryTimeoutMs(), config.retryTimeoutMs());
            if (!assigned.isEmpty()) {
                Map<Stripe, StripeProgress> fresh = new LinkedHashMap<>();
                assigned.forEach(stripe -> fresh.put(stripe, null));
                snapshot = newSnapshotPhase(fresh);
            }
            if (index == 0 && config.snapshotMode().streams()) {
                int epoch = Integer.parseInt(props.getOrDefault(TaskKeys.SNAPSHOT_EPOCH, "0"));
                streamStarter = new StreamStarter(config, epoch, TaskAssignments.readAll(props),
                        context.offsetStorageReader(), () -> positions, () -> orderConnection, wiring, records,
                        metrics, clock);
            }
        } catch (SQLException e) {
            stop();
            throw new ConnectException("Task " + index + " cannot connect to " + config.hostname() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info("Task {} of '{}' started: {} snapshot stripes{}", index, config.topicPrefix(), assigned.size(),
                streamStarter != null ? ", then the binlog" : "");
    }

    /** A table's definition from information_schema: a hint for what the binlog does not tell (see the codecs). */
    private Optional<TableDef> catalog(TableId table) {
        try {
            return TableDefReader.read(orderConnection, table);
        } catch (SQLException e) {
            throw new ConnectException("Cannot read the definition of " + table + ": " + e.getMessage(), e);
        }
    }

    private SnapshotPhase newSnapshotPhase(Map<Stripe, StripeProgress> stripes) {
        Map<Stripe, StripeProgress> resume = new LinkedHashMap<>();
        stripes.forEach((stripe, progress) -> {
            if (progress != null) {
                resume.put(stripe, progress);
            }
        });
        return wiring.snapshot(index, new ArrayList<>(stripes.keySet()), connection, orderConnection, positions,
                codecs, records, context.offsetStorageReader(), metrics, resume);
    }

    /**
     * After a snapshot failure: waits out the backoff, reconnects, and rebuilds the phase where it stopped.
     * Returns false while still waiting.
     */
    private boolean resumeSnapshot() throws InterruptedException {
        long now = clock.millis();
        if (now < snapshotRetryAtMs) {
            Thread.sleep(Math.min(snapshotRetryAtMs - now, config.pollIntervalMs()));
            return false;
        }
        closeQuietly(connection);
        closeQuietly(orderConnection);
        try {
            connection = open();
            orderConnection = open();
            positions = new ServerPositions(connection);
        } catch (SQLException e) {
            snapshotFailed(e);
            return false;
        }
        snapshot = newSnapshotPhase(snapshotToResume);
        snapshotToResume = null;
        return true;
    }

    private void snapshotFailed(Exception failure) {
        long now = clock.millis();
        long delay = snapshotRetries.onFailure(failure, now);
        if (delay < 0) {
            throw new ConnectException("The snapshot failed and the retry window is used up: " + failure.getMessage(),
                    failure);
        }
        LOG.warn("Snapshot task {} failed ({}); retrying in {} ms where it stopped", index, failure.getMessage(),
                delay);
        snapshotRetryAtMs = now + delay;
    }

    private Connection open() throws SQLException {
        return config.connect();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (snapshotToResume != null && !resumeSnapshot()) {
            return null;
        }
        if (snapshot != null && !snapshot.done()) {
            snapshotThrottle.queries(SnapshotPhase.QUERIES_PER_CHUNK);
            List<SourceRecord> batch;
            try {
                batch = snapshot.poll();
                snapshotRetries.onSuccess();
            } catch (SnapshotPhase.Failure e) {
                snapshotToResume = snapshot.remaining();
                snapshot.close();
                snapshot = null;
                snapshotFailed(e);
                return null;
            }
            if (!batch.isEmpty()) {
                snapshotThrottle.produced(batch);
                return batch;
            }
            if (!snapshot.done()) {
                return null; // waiting for Connect to store the stripes' start positions
            }
        }
        if (streaming == null && streamStarter != null) {
            metrics.phase(SourceTaskMetrics.Phase.WAITING);
            streaming = streamStarter.tryStart();
        }
        if (streaming == null) {
            if (streamStarter == null) {
                metrics.phase(SourceTaskMetrics.Phase.DONE);
            }
            if (!completionLogged && streamStarter == null) {
                LOG.info("Task {} of '{}' has finished its part of the snapshot{}", index, config.topicPrefix(),
                        config.snapshotMode().streams() ? "" : " (snapshot.mode=initial_only: nothing more to do)");
                completionLogged = true;
            }
            Thread.sleep(config.pollIntervalMs());
            return null;
        }
        metrics.phase(SourceTaskMetrics.Phase.STREAMING);
        List<SourceRecord> records = streaming.poll();
        if (records.isEmpty()) {
            return null;
        }
        streamThrottle.produced(records);
        return records;
    }

    @Override
    public void stop() {
        if (snapshot != null) {
            snapshot.close();
        }
        if (streaming != null) {
            streaming.close();
        }
        closeQuietly(connection);
        closeQuietly(orderConnection);
        if (metrics != null) {
            metrics.close();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Ignoring an error while closing a connection", e);
            }
        }
    }
}
