package io.ferry.deploy.progress;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What Kafka holds for a task: the end offset of each partition of its topics, and when the oldest record the
 * sink has not applied yet was written. Short-lived: open, read, close.
 */
final class KafkaPositions implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final Admin admin;

    KafkaPositions(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ferry-status");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        admin = Admin.create(props);
    }

    /** The end offset of every partition of the existing topics among {@code topics}. */
    Map<TopicPartition, Long> endOffsets(Set<String> topics) throws InterruptedException {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .stream().filter(topics::contains).collect(Collectors.toSet());
            if (existing.isEmpty()) {
                return Map.of();
            }
            Map<String, TopicDescription> described = admin.describeTopics(existing).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read topic offsets from Kafka at " + bootstrapServers + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    /**
     * The timestamp of the record at each given offset (the oldest unapplied one of its partition); the minimum
     * over partitions, or empty if none could be read within the timeout.
     */
    OptionalLong oldestTimestamp(Map<TopicPartition, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return OptionalLong.empty();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ferry-status-lag");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(nextOffsets.keySet());
            nextOffsets.forEach(consumer::seek);
            Map<TopicPartition, Long> first = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (first.size() < nextOffsets.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    first.putIfAbsent(tp, record.timestamp());
                    consumer.pause(Set.of(tp));
                }
            }
            return first.values().stream().mapToLong(Long::longValue).min();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
