package io.ferry.deploy.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.deploy.cli.CliRunner;
import io.ferry.deploy.connect.ConnectTarget;
import io.ferry.deploy.progress.StatusProbe;
import io.ferry.deploy.progress.TaskStatus;
import io.ferry.deploy.task.TaskCompiler;
import io.ferry.deploy.task.TaskFile;
import io.ferry.deploy.task.TaskFileParser;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry migrate} and {@code ferry status} against two real servers and an external Connect cluster (the
 * plugins as packaged, loaded from {@code plugin.path}): full + incremental into a destination table the test
 * created, rows converge, status reports the phases, and a re-run resumes without snapshotting again.
 */
class MigrateIT {

    private static final Path PLUGINS = Path.of("target", "ferry", "plugins");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).pluginPath(PLUGINS)
            .workerProperty("config.providers", "file")
            .workerProperty("config.providers.file.class",
                    "org.apache.kafka.common.config.provider.FileConfigProvider")
            .build();

    /** The account both sides use; its password must never show in plan, status or connector configs. */
    private static final String USER = "ferry_it";
    private static final String PASSWORD = "Pw-never-printed-42";

    private static final String TABLE = "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(40),"
            + " amount DECIMAL(10,2))";

    @Test
    void migratesFullAndIncrementalThenResumesWithoutSnapshottingAgain(@TempDir Path dir) throws Exception {
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase("shop");
            server.execute(TABLE);
            for (String host : new String[] {"%", "localhost"}) {
                server.execute("CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'",
                        "GRANT ALL ON *.* TO '" + USER + "'@'" + host + "'");
            }
        }
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "password=" + PASSWORD + "\n");
        String reference = "${file:" + secrets + ":password}";
        SOURCE.execute("INSERT INTO shop.orders SELECT seq, CONCAT('item-', seq), seq / 7 FROM shop.seq_1_to_3000");
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, """
                name: it-move
                source: { host: %s, port: %d, user: %s, password: "%s" }
                destination: { host: %s, port: %d, user: %s, password: "%s" }
                objects: { include: [ "shop.*" ] }
                migration:
                  types: [ full, incremental ]
                  conflict: { tables: ignore }
                  snapshot: { chunk-rows: 500 }
                  heartbeat: { interval: 1s }
                connect: { url: "%s", bootstrap-servers: "%s", topic-replication-factor: 1 }
                """.formatted(SOURCE.host(), SOURCE.port(), USER, reference, DESTINATION.host(),
                DESTINATION.port(), USER, reference, CONNECT.restUrl(), CONNECT.bootstrapServers()));
        assertThat(CliRunner.run("plan", task.toString()).out()).contains(reference).doesNotContain(PASSWORD);

        CliRunner.Background migrate = CliRunner.background("migrate", task.toString());
        Awaitility.await("the full copy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(DESTINATION) == 3000);
        SOURCE.execute("INSERT INTO shop.orders VALUES (5001, 'late', 1.50)",
                "UPDATE shop.orders SET amount = amount + 1 WHERE id <= 10", "DELETE FROM shop.orders WHERE id = 20");
        awaitConverged();
        JsonNode status = awaitUndelayed(task);
        assertThat(status.get("phase").asText()).isEqualTo("incremental");
        JsonNode table = status.get("tables").get(0);
        assertThat(table.get("table").asText()).isEqualTo("shop.orders");
        assertThat(table.get("phase").asText()).isEqualTo("incremental");
        assertThat(table.get("snapshot_stripes_done").asInt()).isEqualTo(table.get("snapshot_stripes_total").asInt())
                .isPositive();
        long appliedAfterFirstRun = table.get("rows_applied").asLong();
        assertThat(appliedAfterFirstRun).isBetween(3000L + 3, 3000L + 30);
        assertThat(status.get("connectors").get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(status.get("connectors").get(1).get("tasks").get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(status.toString()).doesNotContain(PASSWORD);
        assertThat(CONNECT.embedded().connectorInfo("it-move-source").config())
                .containsEntry("database.password", reference);
        assertThat(CONNECT.embedded().connectorInfo("it-move-sink").config())
                .containsEntry("connection.password", reference);
        assertThat(migrate.stop()).isZero();
        assertThat(migrate.out()).doesNotContain(PASSWORD);
        assertThat(migrate.out()).contains("Precheck", "it-move-source: created", "it-move-sink: created");

        // Re-run: the connectors exist, so no precheck and no new snapshot; changes keep flowing.
        CliRunner.Background again = CliRunner.background("migrate", task.toString());
        SOURCE.execute("INSERT INTO shop.orders VALUES (5002, 'after rerun', 2.50)");
        awaitConverged();
        TaskFile parsed = TaskFileParser.parse(task);
        StatusProbe probe = new StatusProbe(parsed, MigratorSettings.of(new TaskCompiler(parsed).compile(Map.of())
                .migratorSettings()), ConnectTarget.of(parsed).orElseThrow(), Clock.systemUTC());
        TaskStatus undelayed = probe.awaitUndelayed(Duration.ofSeconds(45), Duration.ofSeconds(1));
        assertThat(undelayed.pending()).isZero();
        assertThat(undelayed.lagSeconds()).hasValueSatisfying(lag -> assertThat(lag).isLessThan(1.0));
        // The source connector has read what the source wrote: its committed position is near the binlog's end
        // (committed offsets move with the flush interval and heartbeats, hence not exactly 0 at every moment).
        Awaitility.await("the source connector near the binlog end").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> probe.probe().sourceBehindBytes(),
                        behind -> behind.isPresent() && behind.get() < 16_384);
        JsonNode resumed = awaitUndelayed(task);
        assertThat(again.stop()).isZero();
        assertThat(again.out()).contains("resuming from their offsets", "it-move-source: unchanged")
                .doesNotContain("Precheck");
        long appliedAfterRerun = resumed.get("tables").get(0).get("rows_applied").asLong();
        assertThat(appliedAfterRerun - appliedAfterFirstRun).as("records applied after the re-run").isBetween(1L, 20L);

        assertThat(CliRunner.run("stop", task.toString()).exitCode()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAUSED".equals(
                CONNECT.status("it-move-source").connector().state()));
        assertThat(CliRunner.run("resume", task.toString()).exitCode()).isZero();

        // Cutover on the external cluster: drained to the source's binlog end, connectors deleted, validated.
        SOURCE.execute("UPDATE shop.orders SET item = 'just before cutover' WHERE id = 5002");
        CliRunner.Result cutover = CliRunner.run("cutover", task.toString(), "--no-prompt");
        assertThat(cutover.exitCode()).as(cutover.out() + cutover.err()).isZero();
        assertThat(cutover.out()).contains("Cutover step 8 of 8", "Cutover complete",
                "skipped: schema is not among the task's migration types").doesNotContain(PASSWORD);
        assertThat(checksum(DESTINATION)).isEqualTo(checksum(SOURCE));
        assertThat(CONNECT.embedded().connectors()).doesNotContain("it-move-source", "it-move-sink");
        assertThat(CliRunner.run("remove", task.toString()).out()).contains("it-move-source: no such connector");

        assertThat(CliRunner.run("validate", task.toString()).exitCode()).isZero();
        DESTINATION.execute("UPDATE shop.orders SET amount = amount + 0.01 WHERE id = 77");
        CliRunner.Result differs = CliRunner.run("validate", task.toString(), "--json");
        assertThat(differs.exitCode()).isEqualTo(1);
        assertThat(differs.out()).contains("\"different\"", "77");
        // A rerun after the connectors are gone goes straight to the idempotent steps.
        assertThat(CliRunner.run("cutover", task.toString(), "--no-prompt").out())
                .contains("an earlier cutover deleted them");
    }

    private static JsonNode awaitUndelayed(Path task) {
        return Awaitility.await("undelayed").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                .until(() -> JSON.readTree(CliRunner.run("status", task.toString(), "--json").out()),
                        s -> s.get("undelayed").asBoolean());
    }

    private static void awaitConverged() {
        Awaitility.await("convergence").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                .until(() -> checksum(DESTINATION).equals(checksum(SOURCE)));
    }

    private static long count(MySqlServer server) {
        return Long.parseLong(server.queryString("SELECT COUNT(*) FROM shop.orders"));
    }

    private static String checksum(MySqlServer server) {
        return server.queryString("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', id, item,"
                + " amount))), 0)) FROM shop.orders");
    }
}
