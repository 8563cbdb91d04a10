package io.ferry.deploy.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a scripted HTTP server answering as a Connect worker does. */
class ConnectRestClientTest {

    private HttpServer server;
    private ConnectRestClient client;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            requests.add(key + (body.isEmpty() ? "" : " " + body));
            String[] answer = answers.getOrDefault(key, new String[] {"404", "{\"error_code\":404,"
                    + "\"message\":\"Connector x not found\"}"});
            byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        client = new ConnectRestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void putConfigSendsTheConfigAndTellsCreatedFromUpdated() {
        answers.put("PUT /connectors/t-source/config", new String[] {"201", "{}"});
        assertThat(client.putConfig("t-source", Map.of("tasks.max", "1"))).isTrue();
        assertThat(requests).containsExactly("PUT /connectors/t-source/config {\"tasks.max\":\"1\"}");
        answers.put("PUT /connectors/t-source/config", new String[] {"200", "{}"});
        assertThat(client.putConfig("t-source", Map.of("tasks.max", "2"))).isFalse();
    }

    @Test
    void errorsCarryTheWorkersMessage() {
        answers.put("PUT /connectors/t-sink/config", new String[] {"400", "{\"error_code\":400,\"message\":"
                + "\"Connector configuration is invalid: connection.hostname is required\"}"});
        assertThatThrownBy(() -> client.putConfig("t-sink", Map.of())).isInstanceOf(ConnectException.class)
                .hasMessage("Connect could not create or update connector t-sink (HTTP 400): Connector"
                        + " configuration is invalid: connection.hostname is required")
                .extracting(e -> ((ConnectException) e).status()).isEqualTo(400);
    }

    @Test
    void statusIsParsedAndAbsentConnectorsAreEmpty() {
        answers.put("GET /connectors/t-source/status", new String[] {"200", """
                {"name":"t-source","connector":{"state":"RUNNING","worker_id":"w1:8083"},
                 "tasks":[{"id":0,"state":"RUNNING","worker_id":"w1:8083"},
                          {"id":1,"state":"FAILED","worker_id":"w2:8083","trace":"java.lang.Boom: no\\n\\tat x"}],
                 "type":"source"}"""});
        ConnectorStatus status = client.status("t-source").orElseThrow();
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.tasks()).hasSize(2);
        assertThat(status.isRunning()).isFalse();
        assertThat(status.firstFailure()).startsWith("task 1: java.lang.Boom: no");
        assertThat(client.status("other")).isEmpty();
    }

    @Test
    void pauseResumeDeleteAndOffsets() {
        answers.put("PUT /connectors/t-source/pause", new String[] {"202", ""});
        answers.put("PUT /connectors/t-source/resume", new String[] {"202", ""});
        answers.put("DELETE /connectors/t-source", new String[] {"204", ""});
        answers.put("GET /connectors/t-source/offsets", new String[] {"200", """
                {"offsets":[{"partition":{"server":"t","table":"shop.orders","stripe":0},
                             "offset":{"stripes":2,"done":true}}]}"""});
        client.pause("t-source");
        client.resume("t-source");
        assertThat(client.delete("t-source")).isTrue();
        assertThat(client.delete("gone")).isFalse();
        List<ConnectRestClient.StoredOffset> offsets = client.offsets("t-source");
        assertThat(offsets).hasSize(1);
        assertThat(offsets.get(0).partition()).containsEntry("table", "shop.orders");
        assertThat(offsets.get(0).offset()).containsEntry("done", true);
        assertThat(requests).startsWith("PUT /connectors/t-source/pause", "PUT /connectors/t-source/resume");
    }

    @Test
    void anUnreachableWorkerIsNotUpAndSaysWhere() {
        server.stop(0);
        assertThat(client.isUp()).isFalse();
        assertThatThrownBy(() -> client.connectors()).isInstanceOf(ConnectException.class)
                .hasMessageContaining("did not answer GET /connectors");
    }
}
