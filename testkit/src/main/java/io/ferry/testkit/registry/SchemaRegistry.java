package io.ferry.testkit.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apicurio schema registry (in-memory storage) in a subprocess on 127.0.0.1 and a free port, for tests
 * of the Avro change topics. The runnable app is unpacked from Maven Central by the module's build (see
 * {@code sink-plugin/pom.xml}) into {@value #HOME_PROPERTY}, default {@code target/apicurio-registry}; its
 * output goes to {@code registry.log} in a temporary directory, named in any failure.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SchemaRegistry REGISTRY = new SchemaRegistry();
 * }</pre>
 */
public final class SchemaRegistry implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** System property naming the directory that holds the unpacked {@value #RUNNER_JAR}. */
    public static final String HOME_PROPERTY = "ferry.registry.home";
    static final String RUNNER_JAR = "apicurio-registry-app-2.6.13.Final-runner.jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process process;
    private int port;
    private Path log;
    private String startedBy;

    public synchronized SchemaRegistry start() {
        if (process != null) {
            return this;
        }
        Path jar = home().resolve(RUNNER_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the registry app is unpacked by the module's build"
                    + " at pre-integration-test; run the test through ./mvnw verify, or set -D" + HOME_PROPERTY);
        }
        try {
            port = freePort();
            log = Files.createTempDirectory("ferry-registry").resolve("registry.log");
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            // The registry is small; capping its heap keeps it from competing with the Connect cluster in tests.
            process = new ProcessBuilder(List.of(java, "-Xmx384m", "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry from " + jar, e);
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        try {
            Awaitility.await("schema registry ready on port " + port).atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("exited with " + process.exitValue());
                        }
                        return get("health/ready").statusCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            String output = readLog();
            close();
            throw new IllegalStateException("The schema registry did not become ready; its log " + log + ":\n"
                    + output, e);
        }
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
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

    /** The registry's native API for Apicurio's converter, e.g. {@code http://127.0.0.1:4711/apis/registry/v2}. */
    public String apiUrl() {
        return baseUrl() + "apis/registry/v2";
    }

    /** The Confluent-compatible API, for Confluent deserializers and plain HTTP clients. */
    public String ccompatUrl() {
        return baseUrl() + "apis/ccompat/v7";
    }

    /** {@code GET} of a path below the registry's root, e.g. {@code apis/ccompat/v7/subjects}; the body as text. */
    public String getText(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** {@code PUT} of a JSON body, e.g. to set the compatibility level of {@code apis/ccompat/v7/config}. */
    public String putJson(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** Where the registry's output goes. */
    public Path logFile() {
        return log;
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET()
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String baseUrl() {
        if (process == null) {
            throw new IllegalStateException("The schema registry is not started");
        }
        return "http://127.0.0.1:" + port + "/";
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Path home() {
        return Paths.get(System.getProperty(HOME_PROPERTY, "target/apicurio-registry")).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
