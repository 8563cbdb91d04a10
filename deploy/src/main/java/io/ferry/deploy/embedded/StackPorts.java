package io.ferry.deploy.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The ports and cluster id of an embedded stack, chosen on its first start and kept in
 * {@code <data dir>/stack.properties}, so a restart finds its broker again and {@code ferry status} in another
 * terminal finds the REST API.
 */
public record StackPorts(int restPort, int kafkaPort, int controllerPort, String clusterId) {

    static final String FILE = "stack.properties";

    /** The ports stored in the data directory, if the stack has ever started there. */
    public static Optional<StackPorts> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return Optional.of(new StackPorts(Integer.parseInt(p.getProperty("rest.port")),
                Integer.parseInt(p.getProperty("kafka.port")), Integer.parseInt(p.getProperty("controller.port")),
                p.getProperty("cluster.id")));
    }

    /** Stored ports, with the task's fixed ports (non-zero) taking precedence, or free ones on a first start. */
    static StackPorts choose(Path dataDir, int restPort, int kafkaPort, String newClusterId) {
        Optional<StackPorts> stored = read(dataDir);
        int rest = restPort != 0 ? restPort : stored.map(StackPorts::restPort).orElseGet(StackPorts::freePort);
        int kafka = kafkaPort != 0 ? kafkaPort : stored.map(StackPorts::kafkaPort).orElseGet(StackPorts::freePort);
        int controller = stored.map(StackPorts::controllerPort).orElseGet(StackPorts::freePort);
        return new StackPorts(rest, kafka, controller, stored.map(StackPorts::clusterId).orElse(newClusterId));
    }

    void write(Path dataDir) {
        Properties p = new Properties();
        p.setProperty("rest.port", String.valueOf(restPort));
        p.setProperty("kafka.port", String.valueOf(kafkaPort));
        p.setProperty("controller.port", String.valueOf(controllerPort));
        p.setProperty("cluster.id", clusterId);
        try (Writer writer = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(writer, "Ports of the embedded Ferry stack (kept so that a restart resumes the same broker)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dataDir.resolve(FILE), e);
        }
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort + "/";
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }
}
