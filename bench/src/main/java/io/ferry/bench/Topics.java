package io.ferry.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** What the benchmarks ask the broker about topics of any partition count: existence, end offsets, size. */
final class Topics implements AutoCloseable {

    private final Admin admin;

    Topics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    boolean exists(String topic) {
        return names().contains(topic);
    }

    /** Every topic's name, internal topics included (the schema history topics start with "__"). */
    Set<String> names() {
        return get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
    }

    /** The end offset of every partition of an existing topic: records written and acknowledged. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        TopicDescription description = get(admin.describeTopics(Set.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** Records in the topic (it is never compacted or trimmed here); 0 while it does not exist. */
    long records(String topic) {
        if (!exists(topic)) {
            return 0;
        }
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Size of the topic's logs on the brokers: what its records cost in Kafka, converter included. */
    long bytes(String topic) {
        List<Integer> brokers = get(admin.describeCluster().nodes()).stream().map(Node::id).toList();
        long bytes = 0;
        for (Map<String, LogDirDescription> dirs : get(admin.describeLogDirs(brokers).allDescriptions()).values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    bytes += replica.getKey().topic().equals(topic) ? replica.getValue().size() : 0;
                }
            }
        }
        return bytes;
    }

    void delete(String topic) {
        get(admin.deleteTopics(Set.of(topic)).all());
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
