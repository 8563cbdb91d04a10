package io.ferry.testkit.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker (KRaft) and distributed Connect workers in this JVM, built on Kafka's
 * {@link EmbeddedConnectCluster}, with the worker settings Ferry is deployed with:
 * {@code plugin.discovery=service_load}, JSON converters with schemas, a short
 * {@code scheduled.rebalance.max.delay.ms} so that a lost worker's tasks move quickly.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConnectCluster CONNECT = ConnectCluster.builder().workers(2).build();
 * }</pre>
 *
 * <p>Connectors are deployed through the REST API, as users deploy them.
 */
public final class ConnectCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** What a source connector needs so its topics get created: the embedded broker does not auto-create. */
    public static final Map<String, String> TOPIC_CREATION_DEFAULTS = Map.of(
            "topic.creation.default.replication.factor", "1",
            "topic.creation.default.partitions", "1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int workers;
    private final Map<String, String> workerProps;
    private EmbeddedConnectCluster cluster;
    private String startedBy;

    private ConnectCluster(Builder builder) {
        this.workers = builder.workers;
        this.workerProps = Map.copyOf(builder.workerProps);
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized ConnectCluster start() {
        if (cluster == null) {
            EmbeddedConnectCluster embedded = new EmbeddedConnectCluster.Builder()
                    .name("ferry-connect")
                    .numWorkers(workers)
                    .numBrokers(1)
                    .workerProps(new HashMap<>(workerProps))
                    .build();
            embedded.start();
            cluster = embedded;
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            try {
                cluster.stop();
            } finally {
                cluster = null;
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (startedBy == null) {
            start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            close();
            startedBy = null;
        }
    }

    /** Base URL of one worker's REST API, ending in {@code /}. */
    public String restUrl() {
        return cluster().endpointForResource("");
    }

    public String bootstrapServers() {
        return cluster().kafka().bootstrapServers();
    }

    /** The connector plugins the workers loaded ({@code GET /connector-plugins}). */
    public List<ConnectorPlugin> connectorPlugins() {
        List<Map<String, Object>> plugins = getJson("connector-plugins", new TypeReference<>() {});
        return plugins.stream().map(p -> new ConnectorPlugin((String) p.get("class"), (String) p.get("type"),
                (String) p.get("version"))).toList();
    }

    /** Class names of the connector plugins the workers loaded. */
    public List<String> connectorPluginClasses() {
        return connectorPlugins().stream().map(ConnectorPlugin::className).toList();
    }

    /** {@code PUT /connector-plugins/{class}/config/validate}: the workers' verdict on a config. */
    public ConfigInfos validate(String connectorClass, Map<String, String> config) {
        Map<String, String> withClass = new LinkedHashMap<>(config);
        withClass.put("connector.class", connectorClass);
        return cluster().validateConnectorConfig(connectorClass, withClass);
    }

    /**
     * Creates or updates a connector through {@code PUT /connectors/{name}/config}, adding
     * {@link #TOPIC_CREATION_DEFAULTS} where the config sets none, for source connectors only (a sink's
     * validation reports them as unknown keys).
     */
    public void deploy(String name, Map<String, String> config) {
        boolean sink = config.containsKey("topics") || config.containsKey("topics.regex");
        Map<String, String> withDefaults = new LinkedHashMap<>(sink ? Map.of() : TOPIC_CREATION_DEFAULTS);
        withDefaults.putAll(config);
        cluster().configureConnector(name, withDefaults);
    }

    public void delete(String name) {
        cluster().deleteConnector(name);
    }

    public ConnectorStateInfo status(String name) {
        return cluster().connectorStatus(name);
    }

    /** Waits until the connector and exactly {@code tasks} tasks are RUNNING. */
    public void awaitRunning(String name, int tasks, Duration timeout) {
        try {
            cluster().assertions().assertConnectorAndExactlyNumTasksAreRunning(name, tasks,
                    "Connector " + name + " did not reach RUNNING with " + tasks + " tasks within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until a task of the connector has FAILED and returns its stack trace, as {@code GET
     * /connectors/{name}/status} reports it; for tests that a bad setup stops a task loudly.
     */
    public String awaitTaskFailure(String name, Duration timeout) {
        // Right after a deploy the status is not known yet (404), hence ignoreExceptions.
        return Awaitility.await("a FAILED task of " + name).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> status(name).tasks().stream().filter(t -> "FAILED".equals(t.state()))
                        .map(ConnectorStateInfo.TaskState::trace).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /**
     * The connector's committed source offsets ({@code GET /connectors/{name}/offsets}), each as a partition and
     * an offset map, read as plain JSON.
     */
    public List<Map<String, Map<String, Object>>> offsets(String connector) {
        Map<String, List<Map<String, Map<String, Object>>>> body = getJson("connectors/" + connector + "/offsets",
                new TypeReference<>() {});
        return body.getOrDefault("offsets", List.of());
    }

    /** Reads at least {@code count} records from the topics, failing after {@code timeout}. */
    public ConsumerRecords<byte[], byte[]> consume(int count, Duration timeout, String... topics) {
        return cluster().kafka().consume(count, timeout.toMillis(), topics);
    }

    /** The underlying Kafka cluster, for topic administration and producing. */
    public EmbeddedKafkaCluster kafka() {
        return cluster().kafka();
    }

    /** The underlying embedded cluster, for what this class does not wrap (adding and removing workers). */
    public EmbeddedConnectCluster embedded() {
        return cluster();
    }

    private <T> T getJson(String resource, TypeReference<T> type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl() + resource))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + resource + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + resource + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private EmbeddedConnectCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("The Connect cluster is not started");
        }
        return cluster;
    }

    /** Options of a {@link ConnectCluster}. */
    public static final class Builder {
        private int workers = 1;
        private final Map<String, String> workerProps = new HashMap<>(Map.of(
                "plugin.discovery", "service_load",
                "scheduled.rebalance.max.delay.ms", "3000",
                "offset.flush.interval.ms", "1000",
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "true",
                "value.converter.schemas.enable", "true"));

        private Builder() {
        }

        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1");
            }
            this.workers = workers;
            return this;
        }

        /**
         * Loads plugins from {@code path} (a directory of plugin directories or archives), through isolated
         * plugin class loaders, as a user's worker would.
         */
        public Builder pluginPath(Path path) {
            return workerProperty("plugin.path", path.toAbsolutePath().toString());
        }

        public Builder workerProperty(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        public ConnectCluster build() {
            return new ConnectCluster(this);
        }
    }
}
