package io.ferry.bench;

import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.MySqlSourceConnector;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One snapshot by Ferry's source connector: deploy with {@code snapshot.mode=initial_only}, wait until the
 * table's topic holds every row, delete the connector and its topic. Records are counted by the topic's end
 * offsets (the topic has one partition), not by consuming them, so the measurement costs the run nothing.
 */
final class FerrySnapshot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FerrySnapshot.class);
    private static final long POLL_NANOS = Connectors.POLL_NANOS;
    private static final long STATUS_NANOS = Connectors.STATUS_NANOS;

    private final MySqlServer server;
    private final ConnectCluster connect;
    private final int fetchSize;
    private final Map<String, String> overrides;
    private final Duration timeout;
    private final Admin admin;
    private int serial;

    FerrySnapshot(MySqlServer server, ConnectCluster connect, int fetchSize, Map<String, String> overrides,
                  Duration timeout) {
        this.server = server;
        this.connect = connect;
        this.fetchSize = fetchSize;
        this.overrides = Map.copyOf(overrides);
        this.timeout = timeout;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers()));
    }

    /** Snapshots {@code table} with {@code tasks} tasks under a fresh connector name and topic prefix. */
    Run run(BenchTable table, int tasks, JsonConverterChoice converter) {
        String name = "bench-" + (++serial) + "-t" + tasks;
        TopicPartition partition = new TopicPartition(name + "." + table.qualifiedName(), 0);
        long started = System.nanoTime();
        connect.deploy(name, config(name, table, tasks, converter));
        long firstRow = -1;
        long rows = 0;
        long deadline = started + timeout.toNanos();
        long nextStatusCheck = started + STATUS_NANOS;
        boolean topicExists = false;
        while (rows < table.rows()) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(name + " delivered " + rows + " of " + table.rows() + " rows in "
                        + timeout + "; status: " + Connectors.describe(connect, name));
            }
            if (now > nextStatusCheck) {
                Connectors.failIfATaskFailed(connect, name, rows + " of " + table.rows() + " rows");
                nextStatusCheck = now + STATUS_NANOS;
            }
            Connectors.sleepNanos(POLL_NANOS);
            // Asking for the offsets of a topic that does not exist yet makes the admin client log errors.
            topicExists = topicExists || topicNames().contains(partition.topic());
            rows = topicExists ? endOffset(partition) : 0;
            if (rows > 0 && firstRow < 0) {
                firstRow = System.nanoTime() - started;
            }
        }
        long elapsed = System.nanoTime() - started;
        long bytes = topicBytes(partition);
        LOG.info("{}: {} rows in {} ms ({} rows/s), first row after {} ms, {} bytes per record in Kafka", name,
                rows, elapsed / 1_000_000, Math.round(rows * 1e9 / elapsed), firstRow / 1_000_000,
                bytes / Math.max(1, rows));
        remove(name, partition.topic());
        return new Run(rows, elapsed, firstRow, bytes);
    }

    private Map<String, String> config(String name, BenchTable table, int tasks, JsonConverterChoice converter) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", MySqlSourceConnector.class.getName());
        config.put("tasks.max", String.valueOf(tasks));
        config.put(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG, server.host());
        config.put(MySqlSourceConfig.DATABASE_PORT_CONFIG, String.valueOf(server.port()));
        config.put(MySqlSourceConfig.DATABASE_USER_CONFIG, server.user());
        config.put(MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, server.password());
        config.put(MySqlSourceConfig.TOPIC_PREFIX_CONFIG, name);
        config.put(MySqlSourceConfig.TABLE_INCLUDE_CONFIG, table.database() + "\\." + table.table());
        config.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "initial_only");
        config.put(MySqlSourceConfig.SNAPSHOT_FETCH_SIZE_CONFIG, String.valueOf(fetchSize));
        converter.putInto(config);
        config.putAll(overrides);
        return config;
    }

    private Set<String> topicNames() {
        try {
            return admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The partition's end offset: records written and acknowledged; 0 while the topic does not exist. */
    private long endOffset(TopicPartition partition) {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                    .offset();
        } catch (ExecutionException e) {
            return 0; // the connector creates the topic with its first record
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Size of the partition's log on the broker: what the records cost in Kafka, converter included. */
    private long topicBytes(TopicPartition partition) {
        try {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            long bytes = 0;
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get()
                    .values()) {
                for (LogDirDescription dir : dirs.values()) {
                    ReplicaInfo replica = dir.replicaInfos().get(partition);
                    bytes += replica == null ? 0 : replica.size();
                }
            }
            return bytes;
        } catch (ExecutionException e) {
            LOG.warn("Cannot measure the size of {}: {}", partition, e.getCause().getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the connector, waits until the worker has let it go, and deletes its topic to free the disk. */
    private void remove(String name, String topic) {
        Connectors.remove(connect, name);
        try {
            admin.deleteTopics(Set.of(topic)).all().get();
        } catch (ExecutionException e) {
            LOG.warn("Cannot delete {}: {}", topic, e.getCause().getMessage());
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
