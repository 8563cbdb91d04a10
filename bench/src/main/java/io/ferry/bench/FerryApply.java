package io.ferry.bench;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.sink.MySqlSinkConnector;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One apply by Ferry's sink connector: deploy a fresh connector (new name, so a new consumer group and no
 * stored offsets: it reads the topic from its start) and time it until the offsets it committed in the
 * destination reach the topic's end offsets on every partition, i.e. until every record is applied. Then the
 * connector is deleted; the topic stays for the next run.
 */
final class FerryApply {

    private static final Logger LOG = LoggerFactory.getLogger(FerryApply.class);
    /** Fetch bytes allowed per record wanted in a poll: above the ~2.9-3.4 KB of a record with its schema. */
    static final long RECORD_BYTES_ALLOWANCE = 4096;

    private final MySqlServer destination;
    private final ConnectCluster connect;
    private final DestinationProgress progress;
    private final Map<String, String> overrides;
    private final Duration timeout;
    private int serial;

    FerryApply(MySqlServer destination, ConnectCluster connect, DestinationProgress progress,
               Map<String, String> overrides, Duration timeout) {
        this.destination = destination;
        this.connect = connect;
        this.progress = progress;
        this.overrides = Map.copyOf(overrides);
        this.timeout = timeout;
    }

    /** Applies all of {@code input} with {@code tasks} tasks and at most {@code maxPollRecords} records a put(). */
    Run run(ApplyTopics.Input input, int tasks, int maxPollRecords, JsonConverterChoice converter) {
        String name = "sink-" + (++serial) + "-t" + tasks + "-m" + maxPollRecords;
        long commitsBefore = progress.commits();
        long started = System.nanoTime();
        connect.deploy(name, config(input.topic(), tasks, maxPollRecords, converter));
        long deadline = started + timeout.toNanos();
        long nextStatusCheck = started + Connectors.STATUS_NANOS;
        long firstCommit = -1;
        long applied = 0;
        while (applied < input.records()) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(name + " applied " + applied + " of " + input.records()
                        + " records in " + timeout + "; status: " + Connectors.describe(connect, name));
            }
            if (now > nextStatusCheck) {
                Connectors.failIfATaskFailed(connect, name, applied + " of " + input.records() + " records");
                nextStatusCheck = now + Connectors.STATUS_NANOS;
            }
            Connectors.sleepNanos(Connectors.POLL_NANOS);
            Map<TopicPartition, Long> committed = progress.committed(name, input.topic());
            if (!committed.isEmpty() && firstCommit < 0) {
                firstCommit = System.nanoTime() - started;
            }
            applied = applied(committed, input.endOffsets());
        }
        long elapsed = System.nanoTime() - started;
        long transactions = progress.commits() - commitsBefore;
        Connectors.remove(connect, name);
        LOG.info("{}: {} records of {} in {} ms ({} rows/s), first commit after {} ms, {} transactions", name,
                applied, input.topic(), elapsed / 1_000_000, Math.round(applied * 1e9 / elapsed),
                firstCommit / 1_000_000, transactions);
        return new Run(applied, elapsed, firstCommit, -1, transactions);
    }

    /** Records applied so far: per partition the committed next offset, capped at the end offset. */
    private static long applied(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
        long applied = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            applied += Math.min(partition.getValue(), committed.getOrDefault(partition.getKey(), 0L));
        }
        return applied;
    }

    private Map<String, String> config(String topic, int tasks, int maxPollRecords, JsonConverterChoice converter) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", MySqlSinkConnector.class.getName());
        config.put("tasks.max", String.valueOf(tasks));
        config.put("topics", topic);
        config.put(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, destination.host());
        config.put(MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(destination.port()));
        config.put(MySqlSinkConfig.CONNECTION_USER_CONFIG, destination.user());
        config.put(MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG, destination.password());
        config.put(MySqlSinkConfig.CONNECTION_PARAMS_CONFIG, MigrationConnectors.NO_TLS_JDBC); // as the JDBC baseline
        config.put("consumer.override.max.poll.records", String.valueOf(maxPollRecords));
        // A poll returns what one fetch brought, at most max.partition.fetch.bytes (1 MB) per partition: ~340 of
        // these ~3 KB records. Room for max.poll.records of them, so that the setting decides the put() size.
        config.put("consumer.override.max.partition.fetch.bytes",
                String.valueOf(Math.max(1L << 20, maxPollRecords * RECORD_BYTES_ALLOWANCE)));
        converter.putInto(config);
        config.putAll(overrides);
        return config;
    }
}
