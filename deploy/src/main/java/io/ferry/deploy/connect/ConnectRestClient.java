package io.ferry.deploy.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of Kafka Connect's REST API that {@code ferry} uses, on {@code java.net.http}: create or update a
 * connector ({@code PUT /connectors/{name}/config}, idempotent), status, pause, resume, delete, and the stored
 * source offsets. Errors carry the worker's own message.
 */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public ConnectRestClient(URI base) {
        this(base, Duration.ofSeconds(30));
    }

    public ConnectRestClient(URI base, Duration timeout) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    /** Whether a worker answers {@code GET /}. */
    public boolean isUp() {
        try {
            return send("GET", "", null).statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        }
    }

    /**
     * Whether the worker reports itself healthy ({@code GET /health}, Kafka 3.9+): started, in its group, and done
     * reading the config topic, so that its answers about connectors are complete.
     */
    public boolean isHealthy() {
        try {
            return send("GET", "health", null).statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        }
    }

    public List<String> connectors() {
        return read(expect(send("GET", "connectors", null), "list connectors"), new TypeReference<>() {});
    }

    /** Creates the connector or replaces its config; returns whether it was created. */
    public boolean putConfig(String name, Map<String, String> config) {
        HttpResponse<String> response = send("PUT", "connectors/" + encode(name) + "/config", config);
        expect(response, "create or update connector " + name);
        return response.statusCode() == 201;
    }

    public Optional<Map<String, String>> config(String name) {
        HttpResponse<String> response = send("GET", "connectors/" + encode(name) + "/config", null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(expect(response, "read config of " + name), new TypeReference<>() {}));
    }

    /** The connector's status; empty if there is no such connector (or it has no status yet). */
    public Optional<ConnectorStatus> status(String name) {
        HttpResponse<String> response = send("GET", "connectors/" + encode(name) + "/status", null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode body = read(expect(response, "read status of " + name), new TypeReference<JsonNode>() {});
        List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
        body.path("tasks").forEach(t -> tasks.add(new ConnectorStatus.TaskStatus(t.path("id").asInt(),
                t.path("state").asText(), t.path("worker_id").asText(), text(t.path("trace")))));
        JsonNode connector = body.path("connector");
        return Optional.of(new ConnectorStatus(name, connector.path("state").asText(),
                connector.path("worker_id").asText(), text(connector.path("trace")), List.copyOf(tasks)));
    }

    public void pause(String name) {
        expect(send("PUT", "connectors/" + encode(name) + "/pause", null), "pause " + name);
    }

    public void resume(String name) {
        expect(send("PUT", "connectors/" + encode(name) + "/resume", null), "resume " + name);
    }

    /** Deletes the connector; returns false if there was none. */
    public boolean delete(String name) {
        HttpResponse<String> response = send("DELETE", "connectors/" + encode(name), null);
        if (response.statusCode() == 404) {
            return false;
        }
        expect(response, "delete " + name);
        return true;
    }

    /** {@code GET /connectors/{name}/offsets}: each stored offset as its partition and offset maps. */
    public List<StoredOffset> offsets(String name) {
        HttpResponse<String> response = send("GET", "connectors/" + encode(name) + "/offsets", null);
        if (response.statusCode() == 404) {
            return List.of();
        }
        JsonNode body = read(expect(response, "read offsets of " + name), new TypeReference<JsonNode>() {});
        List<StoredOffset> offsets = new ArrayList<>();
        for (JsonNode entry : body.path("offsets")) {
            offsets.add(new StoredOffset(JSON.convertValue(entry.path("partition"), new TypeReference<>() {}),
                    JSON.convertValue(entry.path("offset"), new TypeReference<>() {})));
        }
        return offsets;
    }

    /** One stored offset of a connector: Connect's partition and offset maps. */
    public record StoredOffset(Map<String, Object> partition, Map<String, Object> offset) {
    }

    private HttpResponse<String> send(String method, String resource, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(resource)).timeout(timeout)
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectException("Connect REST API at " + base + " did not answer " + method + " /" + resource
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while calling " + base + resource, e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            String message = response.body();
            try {
                JsonNode error = JSON.readTree(response.body());
                if (error.hasNonNull("message")) {
                    message = error.get("message").asText();
                }
            } catch (IOException e) {
                // not JSON: keep the body as it is
            }
            throw new ConnectException("Connect could not " + what + " (HTTP " + status + "): " + message, status);
        }
        return response;
    }

    private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ConnectException("Unexpected answer from Connect: " + response.body(), e);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
