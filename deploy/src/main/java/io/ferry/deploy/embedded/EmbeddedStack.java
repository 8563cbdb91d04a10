package io.ferry.deploy.embedded;

import io.ferry.deploy.connect.ConnectRestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-machine default: one KRaft broker ({@link KafkaRaftServer}, broker and controller in one) and one
 * distributed Connect worker ({@link ConnectDistributed}) in this JVM, REST on 127.0.0.1, everything under one
 * data directory. Ports and the cluster id are kept there ({@link StackPorts}), so a restarted stack has the
 * same topics, Connect configs and offsets, and the connectors resume. One stack per data directory (a lock file
 * says so).
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path dataDir;
    private final StackPorts ports;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private KafkaRaftServer kafka;
    private Connect<?> connect;
    private Duration startupTime;

    private EmbeddedStack(Path dataDir, StackPorts ports, FileChannel lockChannel, FileLock lock) {
        this.dataDir = dataDir;
        this.ports = ports;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts (or restarts) the stack in {@code dataDir} and waits until its REST API serves requests.
     *
     * @param restPort  0: the stored port, or a free one on a first start
     * @param kafkaPort likewise for the broker
     * @param workerGroup the Connect group id (and prefix of its internal topics)
     */
    public static EmbeddedStack start(Path dataDir, int restPort, int kafkaPort, Path pluginPath, String workerGroup) {
        long began = System.nanoTime();
        Path dir = dataDir.toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already
            }
            if (lock == null) {
                throw new IllegalStateException("Another ferry process runs the embedded stack in " + dir);
            }
            StackPorts ports = StackPorts.choose(dir, restPort, kafkaPort, Uuid.randomUuid().toString());
            ports.write(dir);
            EmbeddedStack stack = new EmbeddedStack(dir, ports, channel, lock);
            try {
                stack.startKafka();
                LOG.info("Embedded broker up after {} ms", (System.nanoTime() - began) / 1_000_000);
                stack.startConnect(pluginPath, workerGroup);
                LOG.info("Embedded Connect worker started after {} ms", (System.nanoTime() - began) / 1_000_000);
                stack.awaitReady();
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
            stack.startupTime = Duration.ofNanos(System.nanoTime() - began);
            LOG.info("Embedded stack up in {} ms: REST {}, Kafka {}, data {}", stack.startupTime.toMillis(),
                    ports.restUrl(), ports.bootstrapServers(), dir);
            return stack;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot prepare the data directory " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public URI restUrl() {
        return URI.create(ports.restUrl());
    }

    public String bootstrapServers() {
        return ports.bootstrapServers();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** From the call to {@link #start} until the REST API answered. */
    public Duration startupTime() {
        return startupTime;
    }

    private void startKafka() throws IOException {
        Path logs = dataDir.resolve("kafka");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + ports.controllerPort());
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                + ports.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.kafkaPort());
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logs.toString());
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        // The topics are the migration's only copy of what the sink has not applied yet: never expire them.
        props.put("log.retention.ms", "-1");
        KafkaConfig config = new KafkaConfig(props, false);
        if (!Files.exists(logs.resolve("meta.properties"))) {
            Files.createDirectories(logs);
            try {
                new Formatter().setNodeId(1).setClusterId(ports.clusterId()).addDirectory(logs.toString())
                        .setMetadataLogDirectory(logs.toString()).setControllerListenerName("CONTROLLER")
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setIgnoreFormatted(true).run();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot format the embedded broker's storage in " + logs, e);
            }
        }
        kafka = new KafkaRaftServer(config, Time.SYSTEM);
        kafka.startup();
    }

    private void startConnect(Path pluginPath, String workerGroup) {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", ports.bootstrapServers());
        worker.put("group.id", workerGroup);
        worker.put("config.storage.topic", workerGroup + "-configs");
        worker.put("offset.storage.topic", workerGroup + "-offsets");
        worker.put("status.storage.topic", workerGroup + "-status");
        worker.put("config.storage.replication.factor", "1");
        worker.put("offset.storage.replication.factor", "1");
        worker.put("offset.storage.partitions", "1");
        worker.put("status.storage.replication.factor", "1");
        worker.put("status.storage.partitions", "1");
        worker.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("key.converter.schemas.enable", "true");
        worker.put("value.converter.schemas.enable", "true");
        // A NULL stays NULL in a column that has a DEFAULT (Kafka's default would write and read the DEFAULT).
        worker.put("key.converter.replace.null.with.default", "false");
        worker.put("value.converter.replace.null.with.default", "false");
        worker.put("plugin.path", pluginPath.toString());
        worker.put("plugin.discovery", "service_load");
        worker.put("listeners", "http://127.0.0.1:" + ports.restPort());
        worker.put("rest.advertised.host.name", "127.0.0.1");
        worker.put("offset.flush.interval.ms", "5000");
        worker.put("scheduled.rebalance.max.delay.ms", "3000");
        worker.put("topic.creation.enable", "true");
        worker.put("connector.client.config.override.policy", "All");
        // A sink subscribed by topics.regex sees a topic created after it started only at its next metadata
        // refresh: Kafka's default of 5 minutes would leave a new table unapplied that long.
        worker.put("consumer.metadata.max.age.ms", "5000");
        // Secrets stay references in connector configs: the worker resolves them, the REST API never shows them.
        worker.put("config.providers", "env,file");
        worker.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        connect = new ConnectDistributed().startConnect(worker);
    }

    private void awaitReady() {
        ConnectRestClient rest = new ConnectRestClient(restUrl(), Duration.ofSeconds(10));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (rest.isHealthy()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the embedded stack started", e);
            }
        }
        throw new IllegalStateException("The embedded Connect worker did not serve its REST API within "
                + READY_TIMEOUT.toSeconds() + " s");
    }

    @Override
    public synchronized void close() {
        if (connect != null) {
            try {
                connect.stop();
                connect.awaitStop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the embedded Connect worker failed", e);
            }
            connect = null;
        }
        if (kafka != null) {
            try {
                kafka.shutdown();
                kafka.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the embedded broker failed", e);
            }
            kafka = null;
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing the stack lock failed", e);
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing the stack lock failed", e);
            }
        }
    }
}
