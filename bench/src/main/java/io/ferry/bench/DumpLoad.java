package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a user would pick instead of Ferry for a one-off copy: {@code mariadb-dump | mariadb}, with the client
 * binaries of the MariaDB build the testkit extracted ({@code $TMPDIR/ferry-testkit/mariadb-<version>/bin}).
 * The dump runs with {@code --single-transaction --quick} (a consistent read without locks, rows streamed, not
 * buffered) and {@code --no-create-info} (the schema already exists in the destination, as for every
 * contender); its default extended INSERTs are what {@code mariadb} loads. Timed from the start of the pipe to
 * its exit.
 */
final class DumpLoad {

    private final MySqlServer source;
    private final MySqlServer destination;
    private final MigrationTables tables;
    private final Path bin;

    DumpLoad(MySqlServer source, MySqlServer destination, MigrationTables tables) {
        this.source = source;
        this.destination = destination;
        this.tables = tables;
        this.bin = findClients();
    }

    Run copy() {
        // Arguments go to bash as positional parameters: nothing is parsed by the shell but the pipe. No TLS, like
        // every other contender (the clients would use it by default).
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "set -o pipefail; \"$1/mariadb-dump\" --skip-ssl --protocol=TCP -h \"$2\" -P \"$3\" -u \"$4\""
                        + " --password=\"$5\""
                        + " --single-transaction --quick --no-create-info --skip-add-locks \"$6\" \"${@:11}\""
                        + " | \"$1/mariadb\" --skip-ssl --protocol=TCP -h \"$7\" -P \"$8\" -u \"$9\""
                        + " --password=\"${10}\" \"$6\"",
                "dump-load", bin.toString(),
                source.host(), String.valueOf(source.port()), source.user(), source.password(), tables.database(),
                destination.host(), String.valueOf(destination.port()), destination.user(), destination.password()));
        command.addAll(tables.names());
        try {
            Path log = Files.createTempFile("ferry-dump-load", ".log");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            int exit = process.waitFor();
            long elapsed = System.nanoTime() - started;
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (exit != 0) {
                throw new IllegalStateException("mariadb-dump | mariadb exited with " + exit + ": " + output);
            }
            return new Run(tables.totalRows(), elapsed, -1, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run mariadb-dump | mariadb", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findClients() {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "ferry-testkit");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("mariadb-dump"))
                    && Files.isExecutable(b.resolve("mariadb"))).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("No mariadb-dump and mariadb under " + root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for the MariaDB clients under " + root, e);
        }
    }
}
