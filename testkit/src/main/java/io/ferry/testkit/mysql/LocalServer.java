package io.ferry.testkit.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private server process: its own temporary directory (data, binlogs, socket, error log), a free port on
 * 127.0.0.1, and the binlog settings Ferry requires. Stopping it shuts the server down and deletes the
 * directory; a JVM shutdown hook kills it if a test run is aborted.
 */
final class LocalServer implements ServerHandle {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String ROOT = "root";

    private final Path dir;
    private final int port;
    private final Process process;
    private final Thread killOnExit;

    private LocalServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-test-server-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static LocalServer start(ServerBinaries binaries, String role, int serverId, List<String> extraOptions) {
        boolean asRoot = ROOT.equals(System.getProperty("user.name"));
        Path dir;
        try {
            dir = Files.createTempDirectory("ferry-" + role + "-");
            Files.createDirectories(dir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dataDir = dir.resolve("data");
        DataDirTemplate.copyTo(binaries, dataDir, asRoot);

        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(binaries.server().toString());
        command.add("--no-defaults");
        command.add("--basedir=" + binaries.baseDir());
        command.add("--datadir=" + dataDir);
        command.add("--tmpdir=" + dir.resolve("tmp"));
        command.add("--socket=" + dir.resolve("mysqld.sock"));
        command.add("--pid-file=" + dir.resolve("mysqld.pid"));
        command.add("--log-error=" + errorLog(dir));
        command.add("--bind-address=127.0.0.1");
        command.add("--port=" + port);
        command.add("--skip-name-resolve");
        if (asRoot) {
            command.add("--user=root");
        }
        command.addAll(ServerOptions.binlog(binaries.flavor(), serverId));
        command.addAll(ServerOptions.footprint(binaries.flavor()));
        command.addAll(extraOptions);

        Process process;
        try {
            process = new ProcessBuilder(command).directory(binaries.baseDir().toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binaries.server(), e);
        }
        LocalServer server = new LocalServer(dir, port, process);
        server.awaitReady();
        return server;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " while starting", null);
            }
            try (Connection ignored = DriverManager.getConnection(jdbcUrl(), ROOT, "")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for the test server", e);
            }
        }
        IllegalStateException failure = failure("did not accept connections within " + START_TIMEOUT, last);
        close();
        throw failure;
    }

    private IllegalStateException failure(String what, Throwable cause) {
        return new IllegalStateException("Test server on port " + port + " " + what + "; error log "
                + errorLog(dir) + ":\n" + tail(errorLog(dir)), cause);
    }

    private String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return ROOT;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public boolean external() {
        return false;
    }

    /** Clean shutdown (so InnoDB and the binlog close properly), then the directory is removed. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), ROOT, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                process.destroy();
            }
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook will run anyway.
        }
        FileTrees.deleteQuietly(dir);
    }

    private static Path errorLog(Path dir) {
        return dir.resolve("error.log");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
