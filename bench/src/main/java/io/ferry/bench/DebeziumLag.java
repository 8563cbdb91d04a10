package io.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incremental scenario for Debezium's MariaDB connector, which has no sink of its own: lag into Kafka. The
 * connector streams from where it starts ({@code snapshot.mode=no_data}) into a topic whose records carry the
 * broker's append time ({@code message.timestamp.type=LogAppendTime}); lag of a change = append time (ms, the
 * broker in this JVM, this machine's clock) - the row's {@code changed} (µs, UTC wall clock, in the record's
 * {@code after} as MicroTimestamp). Comparable to Ferry's number only as its first half: Ferry's includes the
 * sink and the destination.
 */
final class DebeziumLag {

    private static final Logger LOG = LoggerFactory.getLogger(DebeziumLag.class);
    static final String PIPELINE = "Debezium → Kafka";
    private static final String PREFIX = "dbzlag";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MySqlServer source;
    private final ConnectCluster connect;
    private final Topics topics;
    private final MigrationTables tables;
    private final MigrationSettings settings;
    private final String topic;

    DebeziumLag(MySqlServer source, ConnectCluster connect, Topics topics, MigrationTables tables,
                MigrationSettings settings) {
        this.source = source;
        this.connect = connect;
        this.topics = topics;
        this.tables = tables;
        this.settings = settings;
        this.topic = PREFIX + "." + tables.database() + "." + MigrationTables.ORDERS;
    }

    List<LagStep> run(ChangeWorkload workload) {
        Map<String, String> config = MigrationConnectors.debezium(source, connect, tables, PREFIX, 1, "no_data",
                settings.partitions());
        config.put("topic.creation.default.message.timestamp.type", "LogAppendTime");
        connect.deploy(PREFIX, config);
        List<LagStep> steps = new ArrayList<>();
        try {
            awaitStreaming();
            for (int rate : settings.rates()) {
                Map<TopicPartition, Long> before = topics.endOffsets(topic);
                long recordsBefore = before.values().stream().mapToLong(Long::longValue).sum();
                ChangeWorkload.Step step = workload.run(rate, Duration.ofSeconds(settings.rateSeconds()));
                String failure = awaitRecords(recordsBefore + step.changedRows(), Duration.ofMinutes(5));
                LagStats lag = LagStats.of(lags(before, topics.endOffsets(topic)));
                steps.add(new LagStep(PIPELINE, step, lag, failure));
                LOG.info("Debezium at {} rows/s offered, {} achieved: {}{}", rate, Math.round(step.achievedRate()),
                        lag, failure == null ? "" : " NOT CAUGHT UP: " + failure);
                if (failure != null) {
                    break;
                }
            }
        } finally {
            Connectors.remove(connect, PREFIX);
            topics.names().stream().filter(t -> t.startsWith(PREFIX + ".") || t.startsWith("__" + PREFIX)
                    || t.equals(PREFIX)).forEach(topics::delete);
        }
        return steps;
    }

    /** Changes one row until its event is in Kafka: from then on, every change is captured. */
    private void awaitStreaming() {
        String key = source.queryString("SELECT MIN(id) FROM " + tables.quoted(MigrationTables.ORDERS));
        long deadline = System.nanoTime() + settings.runTimeout().toNanos();
        while (topics.records(topic) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Debezium did not start streaming: "
                        + Connectors.describe(connect, PREFIX));
            }
            Connectors.failIfATaskFailed(connect, PREFIX, "starting");
            source.execute("UPDATE " + tables.quoted(MigrationTables.ORDERS) + " SET changed = UTC_TIMESTAMP(6)"
                    + " WHERE id = " + key);
            Connectors.sleepNanos(Connectors.STATUS_NANOS * 2);
        }
    }

    private String awaitRecords(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long records;
        while ((records = topics.records(topic)) < expected) {
            if (System.nanoTime() > deadline) {
                return records + " of " + expected + " records after " + timeout;
            }
            Connectors.failIfATaskFailed(connect, PREFIX, records + " of " + expected + " records");
            Connectors.sleepNanos(Connectors.POLL_NANOS * 4);
        }
        return null;
    }

    /** Lag in microseconds of every insert and update between the two offsets of each partition. */
    private long[] lags(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        List<Long> lags = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(to.keySet());
            to.keySet().forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            long remaining = to.values().stream().mapToLong(Long::longValue).sum()
                    - from.values().stream().mapToLong(Long::longValue).sum();
            while (remaining > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() >= to.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    remaining--;
                    JsonNode after = JSON.readTree(record.value()).path("payload").path("after");
                    if (after.hasNonNull("changed")) {
                        lags.add(record.timestamp() * 1000 - after.get("changed").asLong());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read Debezium's records: " + e.getMessage(), e);
        }
        return lags.stream().mapToLong(Long::longValue).toArray();
    }
}
