package io.ferry.bench;

import io.ferry.testkit.connect.ConnectCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One full migration through Kafka: a source connector (Ferry's or Debezium's) snapshots the tables into topics
 * under a fresh prefix and, if a sink is given, Ferry's sink applies them to the emptied destination. Both are
 * deployed at once and the clock runs until every table topic holds all its rows and, with a sink, until the
 * offsets the sink committed in the destination (in the same transaction as the rows) reach every partition's
 * end: all rows applied. Then both connectors and the run's topics are deleted.
 */
final class PipelineRun {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
    private static final long POLL_NANOS = Connectors.POLL_NANOS * 4;

    private final ConnectCluster connect;
    private final Topics topics;
    private final DestinationProgress progress;
    private final MigrationTables tables;
    private final Duration timeout;

    PipelineRun(ConnectCluster connect, Topics topics, DestinationProgress progress, MigrationTables tables,
                Duration timeout) {
        this.connect = connect;
        this.topics = topics;
        this.progress = progress;
        this.tables = tables;
        this.timeout = timeout;
    }

    /**
     * Runs {@code source} (whose topic prefix is {@code prefix}) and, unless {@code sink} is null, the sink;
     * returns the timed run, or throws {@link NotConverged} naming what was missing at the timeout.
     */
    Run run(String prefix, Map<String, String> source, Map<String, String> sink) {
        String sourceName = prefix + "-source";
        String sinkName = prefix + "-sink";
        List<String> topicNames = tables.names().stream().map(t -> prefix + "." + tables.database() + "." + t)
                .toList();
        long started = System.nanoTime();
        try {
            connect.deploy(sourceName, source);
            if (sink != null) {
                connect.deploy(sinkName, sink);
            }
            long deadline = started + timeout.toNanos();
            long nextStatusCheck = started + Connectors.STATUS_NANOS;
            String missing = "everything";
            while (missing != null) {
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new NotConverged(prefix + " still lacks " + missing + " after " + timeout + "; source: "
                            + Connectors.describe(connect, sourceName)
                            + (sink == null ? "" : "; sink: " + Connectors.describe(connect, sinkName)));
                }
                if (now > nextStatusCheck) {
                    Connectors.failIfATaskFailed(connect, sourceName, missing + " missing");
                    if (sink != null) {
                        Connectors.failIfATaskFailed(connect, sinkName, missing + " missing");
                    }
                    nextStatusCheck = now + Connectors.STATUS_NANOS;
                }
                Connectors.sleepNanos(POLL_NANOS);
                missing = missing(topicNames, sink == null ? null : sinkName);
            }
            long elapsed = System.nanoTime() - started;
            LOG.info("{}: {} rows in {} ms ({} rows/s)", prefix, tables.totalRows(), elapsed / 1_000_000,
                    Math.round(tables.totalRows() * 1e9 / elapsed));
            return new Run(tables.totalRows(), elapsed, -1, -1);
        } catch (IllegalStateException e) {
            throw e instanceof NotConverged ? e : new NotConverged(e.getMessage());
        } finally {
            if (sink != null) {
                Connectors.remove(connect, sinkName);
            }
            Connectors.remove(connect, sourceName);
            topics.names().stream().filter(t -> t.startsWith(prefix + ".") || t.startsWith("__" + prefix)
                    || t.equals(prefix)).forEach(topics::delete);
        }
    }

    /** What is not there yet ("orders: 1200 of 5000 records"), or null when every row is in (and applied). */
    private String missing(List<String> topicNames, String sinkName) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < topicNames.size(); i++) {
            String topic = topicNames.get(i);
            long expected = tables.rows().get(tables.names().get(i));
            long records = topics.records(topic);
            if (records < expected) {
                missing.add(topic + ": " + records + " of " + expected + " records in Kafka");
            } else if (sinkName != null) {
                Map<TopicPartition, Long> committed = progress.committed(sinkName, topic);
                long applied = 0;
                for (Map.Entry<TopicPartition, Long> end : topics.endOffsets(topic).entrySet()) {
                    applied += Math.min(end.getValue(), committed.getOrDefault(end.getKey(), 0L));
                }
                if (applied < records) {
                    missing.add(topic + ": " + applied + " of " + records + " records applied");
                }
            }
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    /** A run that did not reach "all rows in Kafka" (or "applied") in time, or whose connector failed. */
    static final class NotConverged extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotConverged(String message) {
            super(message);
        }
    }
}
