package io.ferry.sink;

import io.ferry.common.FerryVersion;
import io.ferry.common.retry.RetryPolicy;
import io.ferry.common.throttle.Throttle;
import io.ferry.sink.apply.BatchApplier;
import io.ferry.sink.apply.PolicyConflictException;
import io.ferry.sink.apply.SchemaPendingException;
import io.ferry.sink.event.EventReader;
import io.ferry.sink.event.Ignored;
import io.ferry.sink.event.RowChange;
import io.ferry.sink.event.SinkEvent;
import io.ferry.sink.metrics.SinkTaskMetrics;
import io.ferry.sink.offsets.OffsetStore;
import io.ferry.sink.session.DestinationSession;
import io.ferry.sink.table.TableCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each put() to the destination in one transaction that also stores the consumed offsets there
 * ({@link OffsetStore}); the destination's offsets decide where each partition resumes, and records below
 * them are skipped. Failures are retried through Connect's {@link RetriableException} (the same records come
 * back after a back-off, without blocking the consumer) within the retry windows; then the failing records go
 * to the dead-letter topic if one is configured, else the task fails naming the record.
 */
public final class MySqlSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlSinkTask.class);
    /** Set by the connector in each task's config; not a user key. */
    static final String TASK_INDEX_KEY = "ferry.task.index";

    private MySqlSinkConfig config;
    private DestinationSession session;
    private EventReader reader;
    private OffsetStore offsets;
    private BatchApplier applier;
    private RetryPolicy retries;
    private Throttle rowThrottle;
    private Throttle byteThrottle;
    private ErrantRecordReporter reporter;
    private SinkTaskMetrics metrics;
    private NullKeepingConverters converters;
    private boolean offsetsTableReady;
    /** When the next attempt after a failure is due: Connect calls put() again at least every offset flush. */
    private long nextAttemptMs;
    /** Partitions assigned but whose stored offsets have not been read yet. */
    private final Set<TopicPartition> unresolved = new HashSet<>();
    /** Next offset to apply per assigned partition, as committed in the destination. */
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    /** With ddl.apply: records waiting for the DDL that creates their table or columns, in order. */
    private final List<SinkRecord> held = new ArrayList<>();
    /** Paused partitions (they have held records) and since when. */
    private final Map<TopicPartition, Long> heldSince = new HashMap<>();

    @Override
    public String version() {
        return FerryVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new MySqlSinkConfig(props);
        config.crossKeyProblems().forEach((key, problem) -> {
            throw new ConnectException("Invalid configuration: " + key + " " + problem);
        });
        String connector = props.getOrDefault("name", "ferry-sink");
        TableRouter router = TableRouter.of(config);
        session = new DestinationSession(config);
        reader = new EventReader(config.tableRouting() == TableRouting.TOPIC ? config.topicRegex() : null);
        offsets = new OffsetStore(config.offsetsDatabase(), config.offsetsTable(), connector);
        applier = new BatchApplier(router, new TableCatalog(), offsets, config.offsetsDatabase(),
                config.snapshotPolicy(), config.streamPolicy(), config.batchMaxRows(),
                config.ddlApply() ? new DdlReplayer(router) : null);
        retries = new RetryPolicy(config.connectionRetryTimeoutMs(), config.retryTimeoutMs());
        rowThrottle = Throttle.of(config.maxRowsPerSecond(), Clock.systemUTC());
        byteThrottle = Throttle.of(config.maxBytesPerSecond(), Clock.systemUTC());
        reporter = errantRecordReporter();
        metrics = SinkTaskMetrics.register(connector, props.getOrDefault(TASK_INDEX_KEY, "0"));
        converters = NullKeepingConverters.of(props);
        LOG.info("Started MySQL sink task of {} for {}:{} (snapshot conflicts: {}, stream conflicts: {}, dead-letter"
                + " reporting: {})", connector, config.hostname(), config.port(), config.snapshotPolicy().configValue(),
                config.streamPolicy().configValue(), reporter != null ? "on" : "off");
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        unresolved.addAll(partitions);
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        unresolved.removeAll(partitions);
        partitions.forEach(applied::remove);
        held.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.kafkaPartition())));
        partitions.forEach(heldSince::remove);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty() && unresolved.isEmpty() && held.isEmpty()) {
            return;
        }
        long wait = nextAttemptMs - System.currentTimeMillis();
        if (wait > 0) {
            context.timeout(wait);
            throw new RetriableException("Waiting " + wait + " ms before retrying the failed batch");
        }
        try {
            Connection connection = session.connection();
            resolveOffsets(connection);
            List<SinkRecord> pending = new ArrayList<>(held);
            pending.addAll(records);
            List<SinkRecord> fresh = notYetApplied(pending);
            if (!fresh.isEmpty()) {
                List<SinkRecord> done = applyHoldingBack(connection, fresh);
                markApplied(done);
            }
            retries.onSuccess();
        } catch (Exception failure) {
            session.recover(failure);
            applier.rolledBack();
            handle(failure, records);
        }
    }

    /**
     * Applies the records in one transaction. With {@code ddl.apply}, a partition whose record needs a table or
     * column the destination lacks is held back from that record on (paused, kept in memory, not committed) until
     * the DDL arrives on the schema-change topic, which is consumed independently; the rest is applied. Returns the
     * records applied.
     */
    private List<SinkRecord> applyHoldingBack(Connection connection, List<SinkRecord> records) throws Exception {
        Map<TopicPartition, Long> blockedFrom = new HashMap<>();
        while (true) {
            List<SinkRecord> now = new ArrayList<>(records.size());
            for (SinkRecord record : records) {
                Long from = blockedFrom.get(partitionOf(record));
                if (from == null || record.kafkaOffset() < from) {
                    now.add(record);
                }
            }
            try {
                long rows = now.isEmpty() ? 0 : applier.apply(connection, session.flavor(), read(now));
                metrics.committed(now.size(), rows, newestSourceMs(now), System.currentTimeMillis());
                hold(records, blockedFrom);
                throttle(rows, now);
                return now;
            } catch (SchemaPendingException e) {
                if (!config.ddlApply()) {
                    throw e;
                }
                connection.rollback();
                applier.rolledBack();
                blockedFrom.merge(partitionOf(e.record()), e.record().kafkaOffset(), Math::min);
                if (!heldSince.containsKey(partitionOf(e.record()))) {
                    LOG.info("Holding {} back until its DDL arrives: {}", partitionOf(e.record()), e.getMessage());
                }
            }
        }
    }

    private void hold(List<SinkRecord> records, Map<TopicPartition, Long> blockedFrom) {
        held.clear();
        long now = System.currentTimeMillis();
        for (SinkRecord record : records) {
            Long from = blockedFrom.get(partitionOf(record));
            if (from != null && record.kafkaOffset() >= from) {
                held.add(record);
            }
        }
        for (TopicPartition partition : blockedFrom.keySet()) {
            if (heldSince.putIfAbsent(partition, now) == null) {
                context.pause(partition);
            } else if (now - heldSince.get(partition) > config.retryTimeoutMs()) {
                throw new DataException("Waited more than retry.timeout.ms for the DDL that creates the table or"
                        + " columns of " + partition + " (is the schema-change topic among the connector's topics?)");
            }
        }
        for (TopicPartition partition : List.copyOf(heldSince.keySet())) {
            if (!blockedFrom.containsKey(partition)) {
                heldSince.remove(partition);
                context.resume(partition);
                LOG.info("Resumed {}: the destination now has what its records need", partition);
            }
        }
        metrics.heldPartitions(heldSince.size());
    }

    /** The newest source commit time ({@code source.ts_ms}) among the records' envelopes, or -1. */
    private static long newestSourceMs(List<SinkRecord> records) {
        long newest = -1;
        for (SinkRecord record : records) {
            if (record.value() instanceof Struct value && value.schema().field("source") != null
                    && value.getWithoutDefault("source") instanceof Struct source
                    && source.schema().field("ts_ms") != null
                    && source.getWithoutDefault("ts_ms") instanceof Long ts) {
                newest = Math.max(newest, ts);
            }
        }
        return newest;
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }

    private void resolveOffsets(Connection connection) throws SQLException {
        if (!offsetsTableReady) {
            offsets.ensureTable(connection);
            offsetsTableReady = true;
        }
        if (unresolved.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = offsets.load(connection, unresolved);
        connection.commit();
        stored.forEach((partition, next) -> {
            applied.put(partition, next);
            context.offset(partition, next); // seek past what the destination already holds
        });
        LOG.info("Resuming {} partition(s) from offsets stored in the destination: {}", unresolved.size(), stored);
        unresolved.clear();
    }

    private List<SinkRecord> notYetApplied(Collection<SinkRecord> records) {
        List<SinkRecord> fresh = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            Long next = applied.get(new TopicPartition(record.topic(), record.kafkaPartition()));
            if (next == null || record.kafkaOffset() >= next) {
                fresh.add(record);
            }
        }
        return fresh;
    }

    private List<SinkEvent> read(List<SinkRecord> records) {
        List<SinkEvent> events = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            SinkEvent event = reader.read(record);
            if (event instanceof RowChange change) {
                converters.check(change);
            }
            events.add(event instanceof io.ferry.sink.event.SchemaChange && !config.ddlApply()
                    ? new Ignored(record, "schema change (ddl.apply=false)") : event);
        }
        return events;
    }

    private void markApplied(List<SinkRecord> records) {
        for (SinkRecord record : records) {
            applied.merge(new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset() + 1,
                    Math::max);
        }
    }

    private void throttle(long rows, List<SinkRecord> records) throws InterruptedException {
        rowThrottle.acquire(rows);
        if (!byteThrottle.unlimited()) {
            byteThrottle.acquire(records.stream().mapToLong(RowBytes::estimate).sum());
        }
    }

    /**
     * Deterministic failures (bad data, the fail policy) are not retried. Others are retried until their window
     * is used up. Then, with a dead-letter reporter, the records are applied one by one and the failing ones
     * reported; without one, the task fails.
     */
    private void handle(Exception failure, Collection<SinkRecord> records) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while applying", failure);
        }
        boolean deterministic = failure instanceof DataException;
        long delay = deterministic ? -1 : retries.onFailure(failure, System.currentTimeMillis());
        if (delay >= 0) {
            LOG.warn("Applying {} record(s) failed, retrying in {} ms: {}", records.size(), delay, describe(failure));
            metrics.retried();
            nextAttemptMs = System.currentTimeMillis() + delay;
            context.timeout(delay);
            throw new RetriableException(failure);
        }
        if (reporter != null && !RetryPolicy.isConnectionFailure(failure)) {
            applyOneByOne(records);
            retries.onSuccess();
            return;
        }
        throw new ConnectException("Applying failed" + (deterministic ? "" : " after retrying") + ": "
                + describe(failure), failure);
    }

    private void applyOneByOne(Collection<SinkRecord> records) {
        for (SinkRecord record : notYetApplied(records)) {
            try {
                Connection connection = session.connection();
                List<SinkEvent> events;
                try {
                    events = read(List.of(record));
                    applier.apply(connection, session.flavor(), events);
                } catch (DataException | SchemaPendingException | SQLException e) {
                    // with the retry window used up, a record whose table or column is still missing is
                    // dead-lettered like a record the destination rejects
                    if (RetryPolicy.isConnectionFailure(e)) {
                        throw e;
                    }
                    session.recover(e);
                    applier.rolledBack();
                    report(record, e);
                    applier.apply(connection, session.flavor(), List.of(new Ignored(record, "dead-lettered")));
                }
                markApplied(List.of(record));
                metrics.committed(1, 0, newestSourceMs(List.of(record)), System.currentTimeMillis());
            } catch (Exception e) {
                session.recover(e);
                applier.rolledBack();
                context.timeout(1000);
                throw new RetriableException(e);
            }
        }
    }

    private void report(SinkRecord record, Exception error) {
        LOG.warn("Sending record {}-{}@{} to the dead-letter topic: {}", record.topic(), record.kafkaPartition(),
                record.kafkaOffset(), describe(error));
        try {
            reporter.report(record, error).get();
            metrics.deadLettered();
        } catch (ExecutionException e) {
            throw new ConnectException("Could not report record " + record.topic() + "@" + record.kafkaOffset()
                    + " to the dead-letter topic", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reporting to the dead-letter topic", e);
        }
    }

    static String describe(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return "SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode() + ": " + sql.getMessage();
        }
        if (failure instanceof PolicyConflictException) {
            return failure.getMessage();
        }
        return failure.toString();
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        applied.forEach((partition, next) -> {
            if (currentOffsets.containsKey(partition)) {
                commit.put(partition, new OffsetAndMetadata(next));
            }
        });
        return commit;
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        LOG.info("Stopped MySQL sink task");
    }
}
