package io.ferry.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scale-out as an operator tries it: {@code deploy/cluster/local-cluster} starts a broker and three Connect
 * worker processes from the built distribution; a migration runs with {@code tasks.max=3} on both connectors
 * under a write load; one worker process is killed with SIGKILL while it runs tasks; Connect moves them to the
 * survivors, and the destination still converges to the source.
 */
class LocalClusterIT {

    private static final Path SCRIPT = Path.of("cluster", "local-cluster");
    private static final Path FERRY_HOME = Path.of("target", "ferry");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> TABLES = List.of("t1", "t2", "t3");
    private static final int ROWS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    /** Not a temporary directory: the workers' logs stay there for a failed run. */
    private static final Path CLUSTER_DIR = Path.of("target", "local-cluster-it");

    private static int restPort;
    private static Map<String, String> environment;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        deleteRecursively(CLUSTER_DIR);
        int brokerPort = freePorts(2);
        restPort = freePorts(3);
        environment = Map.of("FERRY_HOME", FERRY_HOME.toAbsolutePath().toString(),
                "FERRY_CLUSTER_DIR", CLUSTER_DIR.toAbsolutePath().toString(),
                "FERRY_CLUSTER_BROKER_PORT", String.valueOf(brokerPort),
                "FERRY_CLUSTER_REST_PORT", String.valueOf(restPort),
                "FERRY_CLUSTER_REBALANCE_DELAY_MS", "3000");
        script("start", "3");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (environment != null) {
            script("stop");
        }
    }

    @Test
    void killedWorkersTasksMoveToTheSurvivorsAndTheDestinationConverges() throws Exception {
        SOURCE.createDatabase("scale");
        DESTINATION.createDatabase("scale");
        for (String table : TABLES) {
            String ddl = "CREATE TABLE scale." + table + " (id INT PRIMARY KEY, v VARCHAR(40), n INT NOT NULL)";
            SOURCE.execute(ddl, "INSERT INTO scale." + table + " SELECT seq, CONCAT('row ', seq), 0 FROM"
                    + " scale.seq_1_to_" + ROWS);
            DESTINATION.execute(ddl);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(writing), "writer");
        writer.setUncaughtExceptionHandler((thread, failure) -> writerFailure.set(failure));
        writer.start();
        put("scale-source", sourceConfig());
        put("scale-sink", sinkConfig());
        Map<String, Set<String>> placement = awaitAllTasksRunning(Set.of());
        assertThat(placement.keySet()).as("tasks spread over several workers").hasSizeGreaterThan(1);
        // Kill as soon as the first snapshot reads have gone through Kafka into the destination: offsets are
        // stored every 5 s (offset.flush.interval.ms), so stripes have delivered reads whose progress is not
        // stored yet, while the writer changes and deletes rows the restarted tasks must not miss.
        Awaitility.await("first rows in the destination").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> TABLES.stream().anyMatch(t -> Integer.parseInt(DESTINATION.queryRows(
                        "SELECT COUNT(*) FROM scale." + t).get(0).get(0)) > 0));
        // The worker that runs the most tasks, and never the one this test asks for status.
        String victim = placement.entrySet().stream().filter(e -> !e.getKey().endsWith(":" + restPort))
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).orElseThrow().getKey();
        int workerIndex = Integer.parseInt(victim.substring(victim.lastIndexOf(':') + 1)) - restPort + 1;
        script("kill-worker", String.valueOf(workerIndex));

        Map<String, Set<String>> after = awaitAllTasksRunning(Set.of(victim));
        assertThat(after.values().stream().mapToInt(Set::size).sum()).isEqualTo(6);
        writing.set(false);
        writer.join();
        assertThat(writerFailure.get()).as("the writer's failure").isNull();
        for (String table : TABLES) {
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                    checksum(DESTINATION, table)).as(table).isEqualTo(checksum(SOURCE, table)));
        }
    }

    /**
     * Random changes on one connection until stopped (a connection per statement, for minutes, runs the machine
     * out of ports and the server out of connections).
     */
    private static void write(AtomicBoolean writing) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int next = ROWS + 1;
        try (Connection connection = SOURCE.connect(); Statement statement = connection.createStatement()) {
            while (writing.get()) {
                String table = "scale." + TABLES.get(random.nextInt(TABLES.size()));
                int id = 1 + random.nextInt(ROWS);
                statement.executeUpdate(switch (random.nextInt(3)) {
                    case 0 -> "UPDATE " + table + " SET n = n + 1 WHERE id = " + id;
                    case 1 -> "DELETE FROM " + table + " WHERE id = " + id;
                    default -> "INSERT INTO " + table + " VALUES (" + next++ + ", 'new', 1)";
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The writer failed", e);
        }
    }

    private Map<String, String> sourceConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ferry.source.MySqlSourceConnector");
        config.put("tasks.max", "3");
        config.put("database.hostname", SOURCE.host());
        config.put("database.port", String.valueOf(SOURCE.port()));
        config.put("database.user", SOURCE.user());
        config.put("database.password", SOURCE.password());
        config.put("database.server.id", "5400");
        config.put("topic.prefix", "scale");
        config.put("table.include", "scale\\..*");
        config.put("snapshot.chunk.size", "1000");
        // Slow enough that the kill lands while stripes are still being read.
        config.put("snapshot.max.rows.per.second", "2000");
        config.put("heartbeat.interval.ms", "1000");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        return config;
    }

    private Map<String, String> sinkConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ferry.sink.MySqlSinkConnector");
        config.put("tasks.max", "3");
        config.put("topics.regex", "scale\\.scale\\..*");
        config.put("connection.hostname", DESTINATION.host());
        config.put("connection.port", String.valueOf(DESTINATION.port()));
        config.put("connection.user", DESTINATION.user());
        config.put("connection.password", DESTINATION.password());
        return config;
    }

    /** Waits until both connectors run all three tasks, none on the given workers; returns worker → tasks. */
    private Map<String, Set<String>> awaitAllTasksRunning(Set<String> goneWorkers) {
        Map<String, Set<String>> placement = new HashMap<>();
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            placement.clear();
            for (String connector : List.of("scale-source", "scale-sink")) {
                JsonNode status = JSON.readTree(get("/connectors/" + connector + "/status"));
                List<JsonNode> tasks = new ArrayList<>();
                status.get("tasks").forEach(tasks::add);
                if (tasks.size() != 3) {
                    return false;
                }
                for (JsonNode task : tasks) {
                    String worker = task.get("worker_id").asText();
                    if (!"RUNNING".equals(task.get("state").asText()) || goneWorkers.contains(worker)) {
                        return false;
                    }
                    placement.computeIfAbsent(worker, w -> new TreeSet<>()).add(connector + "-" + task.get("id"));
                }
            }
            return true;
        });
        return placement;
    }

    private void put(String name, Map<String, String> config) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + restPort + path);
    }

    private static String checksum(MySqlServer server, String table) {
        return server.queryString("SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(CRC32(CONCAT_WS('|', id, v, n))), 0))"
                + " FROM scale." + table);
    }

    /** Runs the script; fails with its output when it fails. */
    private static void script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(Files.createDirectories(CLUSTER_DIR), "script", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("local-cluster " + args[0] + " finished").isTrue();
        assertThat(process.exitValue()).as("local-cluster %s:%n%s", String.join(" ", args),
                Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The first of {@code count} consecutive free ports. */
    private static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("No " + count + " consecutive free ports found");
    }
}
