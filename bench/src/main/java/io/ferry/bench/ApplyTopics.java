package io.ferry.bench;

import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.MySqlSourceConnector;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input of the apply benchmark, made once per run by Ferry's source connector: a snapshot topic (every row
 * as op=r) and an update stream topic (op=u, d and c), both with {@code partitions} partitions. Connect's
 * producer spreads a record by the hash of its serialized key (the source leaves the partition open), so each
 * key's records stay in order within one partition.
 *
 * <p>Two source connectors, two topic prefixes: {@code snap} snapshots the big and the warm-up table
 * ({@code snapshot.mode=initial_only}); {@code upd} streams from the binlog position it finds
 * ({@code snapshot.mode=never}) and captures the {@link UpdateWorkload} run once its first heartbeat shows it
 * streams. Each topic then holds exactly one kind of input, and a sink run can be timed until it reaches the
 * topic's end.
 *
 * @param snapshot      the snapshot topic of the big table and its end offsets
 * @param snapshotBytes the snapshot topic's size on the broker
 * @param warmUp        the snapshot topic of the warm-up table and its end offsets
 * @param stream        the update stream topic and its end offsets
 * @param streamBytes   the update stream topic's size on the broker
 */
record ApplyTopics(Input snapshot, long snapshotBytes, Input warmUp, Input stream, long streamBytes) {

    /** A topic and the end offset of each of its partitions: what a sink must have applied to be done. */
    record Input(String topic, Map<TopicPartition, Long> endOffsets) {
        long records() {
            return endOffsets.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApplyTopics.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /** The prefixes of the two source connectors, and the start of their topics' names. */
    static final String SNAPSHOT_PREFIX = "snap";
    static final String STREAM_PREFIX = "upd";

    static ApplyTopics prepare(MySqlServer source, ConnectCluster connect, Topics topics, BenchTable table,
                               BenchTable warmUpTable, UpdateWorkload workload, int partitions) {
        long started = System.nanoTime();
        Map<String, String> snap = sourceConfig(source, SNAPSHOT_PREFIX, partitions);
        snap.put("tasks.max", "2");
        snap.put(MySqlSourceConfig.TABLE_INCLUDE_CONFIG, table.database() + "\\.(" + table.table() + "|"
                + warmUpTable.table() + ")");
        snap.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "initial_only");
        // Only to make the preparation quicker: bigger producer batches (see RESULTS.md of the snapshot benchmark).
        snap.put("producer.override.batch.size", "1048576");
        snap.put("producer.override.linger.ms", "10");
        connect.deploy(SNAPSHOT_PREFIX, snap);
        String snapshotTopic = SNAPSHOT_PREFIX + "." + table.qualifiedName();
        String warmUpTopic = SNAPSHOT_PREFIX + "." + warmUpTable.qualifiedName();
        awaitRecords(connect, topics, SNAPSHOT_PREFIX, snapshotTopic, table.rows());
        awaitRecords(connect, topics, SNAPSHOT_PREFIX, warmUpTopic, warmUpTable.rows());
        Connectors.remove(connect, SNAPSHOT_PREFIX);
        LOG.info("Snapshot topics ready in {} s", (System.nanoTime() - started) / 1_000_000_000);

        Map<String, String> upd = sourceConfig(source, STREAM_PREFIX, partitions);
        upd.put("tasks.max", "1");
        upd.put(MySqlSourceConfig.TABLE_INCLUDE_CONFIG, table.database() + "\\." + table.table());
        upd.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "never");
        upd.put(MySqlSourceConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
        upd.put(MySqlSourceConfig.TOMBSTONES_ON_DELETE_CONFIG, "false");
        connect.deploy(STREAM_PREFIX, upd);
        // A heartbeat is written only while streaming: from then on, the stream's start position is fixed.
        awaitRecords(connect, topics, STREAM_PREFIX, "__ferry-heartbeat." + STREAM_PREFIX, 1);
        workload.run();
        String streamTopic = STREAM_PREFIX + "." + table.qualifiedName();
        awaitRecords(connect, topics, STREAM_PREFIX, streamTopic, workload.events());
        Connectors.remove(connect, STREAM_PREFIX);

        ApplyTopics prepared = new ApplyTopics(new Input(snapshotTopic, topics.endOffsets(snapshotTopic)),
                topics.bytes(snapshotTopic), new Input(warmUpTopic, topics.endOffsets(warmUpTopic)),
                new Input(streamTopic, topics.endOffsets(streamTopic)), topics.bytes(streamTopic));
        LOG.info("Topics ready in {} s: {} ({} MB), {} ({} MB)", (System.nanoTime() - started) / 1_000_000_000,
                prepared.snapshot().endOffsets(), prepared.snapshotBytes() / 1_000_000,
                prepared.stream().endOffsets(), prepared.streamBytes() / 1_000_000);
        return prepared;
    }

    private static Map<String, String> sourceConfig(MySqlServer source, String prefix, int partitions) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", MySqlSourceConnector.class.getName());
        config.put(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG, source.host());
        config.put(MySqlSourceConfig.DATABASE_PORT_CONFIG, String.valueOf(source.port()));
        config.put(MySqlSourceConfig.DATABASE_USER_CONFIG, source.user());
        config.put(MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, source.password());
        config.put(MySqlSourceConfig.TOPIC_PREFIX_CONFIG, prefix);
        config.put("topic.creation.default.partitions", String.valueOf(partitions));
        return config;
    }

    /** Waits until {@code topic} holds exactly {@code expected} records; more is a mistake in the set-up. */
    private static void awaitRecords(ConnectCluster connect, Topics topics, String connector, String topic,
                                     long expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long nextStatusCheck = System.nanoTime() + Connectors.STATUS_NANOS;
        long records = 0;
        while (records < expected) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(topic + " has " + records + " of " + expected + " records after "
                        + TIMEOUT + "; " + connector + ": " + Connectors.describe(connect, connector));
            }
            if (now > nextStatusCheck) {
                Connectors.failIfATaskFailed(connect, connector, records + " of " + expected + " records");
                nextStatusCheck = now + Connectors.STATUS_NANOS;
            }
            Connectors.sleepNanos(Connectors.POLL_NANOS * 4);
            records = topics.records(topic);
        }
        if (records > expected && !topic.startsWith("__")) {
            throw new IllegalStateException(topic + " has " + records + " records, expected " + expected);
        }
    }
}
