package io.ferry.deploy.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.connect.Validation;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The task-file compiler as users meet it: {@code ferry plan} run from the built distribution's class path in its
 * own JVM (bad fields: exit 2 and the field's path), and the connector configs of a task that sets every field,
 * validated by Connect workers that load the packaged plugins (no key unknown, no value refused).
 */
class TaskCompilerIT {

    private static final Path DIST = Path.of("target", "ferry");

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).pluginPath(DIST.resolve("plugins"))
            .build();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            migration: { types: [ full, fulll ] } | migration.types[1]: 'fulll' is not one of schema, full, incremental
            migration: { snapshot: { paralelism: 2 } } | migration.snapshot.paralelism: unknown field; did you mean
            objects: { include: [ "a.b.c" ] } | objects.include[0]: 'a.b.c' must have 2 dot-separated parts
            source: { host: s, user: u, port: 99999 } | source.port: 99999 is not between 1 and 65535
            """)
    void planRejectsBadFieldsWithTheirPath(String yaml, String message, @TempDir Path dir) throws Exception {
        String base = "name: t\nsource: { host: s, user: u }\ndestination: { host: d, user: u }\n";
        String text = yaml.startsWith("source:") ? base.replace("source: { host: s, user: u }", yaml)
                : base + yaml + "\n";
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, text);
        Process plan = ferry(dir, "plan", task.toString());
        assertThat(plan.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(plan.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(plan.exitValue()).as(err).isEqualTo(2);
        assertThat(err).contains(task + ": " + message);
    }

    @Test
    void everyFieldCompilesToConfigsTheWorkersAccept(@TempDir Path dir) throws Exception {
        SOURCE.createDatabase("shop");
        SOURCE.execute("CREATE TABLE shop.orders (id INT PRIMARY KEY, status VARCHAR(10), amount INT,"
                + " secret VARCHAR(10))");
        TaskFile task = TaskFileParser.parse("""
                name: compiled
                source: { host: %s, port: %d, user: %s, password: "%s", server-id: 4242 }
                destination: { host: %s, port: %d, user: %s, password: "%s", tls: { mode: disabled } }
                objects:
                  include: [ "shop.*" ]
                  exclude: [ "shop.tmp_*" ]
                  exclude-columns: [ "shop.orders.secret" ]
                  row-filters: { shop.orders: "status <> 'test'" }
                  operations: { "shop.audit": [ insert ] }
                mapping: { databases: { shop: shop2 }, columns: { shop.orders.amount: total }, case: lower }
                migration:
                  conflict: { tables: ignore, snapshot: overwrite, stream: overwrite }
                  snapshot: { parallelism: 2, chunk-rows: 1000 }
                  apply: { parallelism: 2, batch-rows: 500 }
                  throttle: { snapshot-rows-per-second: 10000, snapshot-bytes-per-second: 1000000,
                              stream-rows-per-second: 5000, stream-bytes-per-second: 1000000,
                              apply-rows-per-second: 5000, apply-bytes-per-second: 1000000 }
                  online-ddl: gh-ost
                  retry: { connection-timeout: 1h, timeout: 5m }
                  heartbeat: { interval: 5s, table: ferry.heartbeat }
                connect: { url: "%s", bootstrap-servers: "%s", topic-replication-factor: 1, secrets: inline }
                """.formatted(SOURCE.host(), SOURCE.port(), SOURCE.user(), SOURCE.password(), DESTINATION.host(),
                DESTINATION.port(), DESTINATION.user(), DESTINATION.password(), CONNECT.restUrl(),
                CONNECT.bootstrapServers()));
        CompiledTask compiled = new TaskCompiler(task).compile(Map.of());
        Map<String, String> source = compiled.sourceConnector().orElseThrow();
        Map<String, String> sink = compiled.sinkConnector().orElseThrow();
        assertThat(Validation.errorsByKey(CONNECT.validate(TaskCompiler.SOURCE_CLASS, withName(source))))
                .as("source config %s", source).isEmpty();
        assertThat(Validation.errorsByKey(CONNECT.validate(TaskCompiler.SINK_CLASS, withName(sink))))
                .as("sink config %s", sink).isEmpty();
    }

    private static Map<String, String> withName(Map<String, String> config) {
        Map<String, String> named = new HashMap<>(config);
        named.put("name", "compiled-check");
        return named;
    }

    private static Process ferry(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", DIST.resolve("lib").toAbsolutePath() + File.separator + "*",
                "io.ferry.deploy.cli.FerryCli"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
