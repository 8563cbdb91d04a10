package io.ferry.deploy.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.deploy.connect.ConnectRestClient.StoredOffset;
import io.ferry.deploy.cutover.BinlogPoint;
import io.ferry.deploy.connect.ConnectorStatus;
import io.ferry.deploy.task.TaskFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status as automation and operators read it: JSON fields, the progress view, stripes, alerts. */
class StatusReportingTest {

    private static final ConnectorStatus SOURCE = new ConnectorStatus("t-source", "RUNNING", "w:1", null,
            List.of(new ConnectorStatus.TaskStatus(0, "RUNNING", "w:1", null)));
    private static final ConnectorStatus SINK_FAILED = new ConnectorStatus("t-sink", "RUNNING", "w:1", null,
            List.of(new ConnectorStatus.TaskStatus(0, "FAILED", "w:1", "java.sql.SQLException: gone\n\tat x")));

    @Test
    void jsonHasEveryDocumentedFieldWithNullsForUnknowns() throws Exception {
        TaskStatus status = new TaskStatus("t", Instant.parse("2026-12-04T10:00:00Z"), "failed",
                List.of(new TableProgress("shop.orders", "full", 1000, 400, 50, 1, 2)), Optional.empty(), 50,
                false, List.of(Optional.of(SOURCE), Optional.empty()), List.of("t-sink: boom"), Optional.empty());
        JsonNode json = new ObjectMapper().readTree(StatusJson.of(status, List.of("t-source", "t-sink")));
        assertThat(json.get("format_version").asInt()).isEqualTo(1);
        assertThat(json.get("time").asText()).isEqualTo("2026-12-04T10:00:00Z");
        assertThat(json.get("lag_seconds").isNull()).isTrue();
        assertThat(json.get("source_behind_bytes").isNull()).isTrue();
        assertThat(json.get("undelayed").asBoolean()).isFalse();
        JsonNode table = json.get("tables").get(0);
        assertThat(table.get("rows_total_estimate").asLong()).isEqualTo(1000);
        assertThat(table.get("rows_applied").asLong()).isEqualTo(400);
        assertThat(table.get("pending_records").asLong()).isEqualTo(50);
        assertThat(table.get("snapshot_stripes_done").asInt()).isEqualTo(1);
        assertThat(table.get("snapshot_stripes_total").asInt()).isEqualTo(2);
        assertThat(json.get("connectors").get(0).get("tasks").get(0).get("error").isNull()).isTrue();
        assertThat(json.get("connectors").get(1).get("state").asText()).isEqualTo("ABSENT");
        assertThat(json.get("errors").get(0).asText()).isEqualTo("t-sink: boom");
    }

    @Test
    void stripesCountPerTableAndTheStreamIsSeen() {
        SnapshotStripes stripes = SnapshotStripes.of(List.of(
                new StoredOffset(Map.of("server", "t", "table", "shop.a", "stripe", 0), Map.of("stripes", 2,
                        "done", true)),
                new StoredOffset(Map.of("server", "t", "table", "shop.a", "stripe", 1), Map.of("stripes", 2,
                        "done", false)),
                new StoredOffset(Map.of("server", "t", "table", "shop.b", "stripe", 0), Map.of("stripes", 1,
                        "done", true)),
                new StoredOffset(Map.of("server", "t"), Map.of("file", "binlog.000001"))));
        assertThat(stripes.finished("shop.a")).isFalse();
        assertThat(stripes.done("shop.a")).isEqualTo(1);
        assertThat(stripes.finished("shop.b")).isTrue();
        assertThat(stripes.finished("shop.c")).isFalse();
        assertThat(stripes.streamStarted()).isTrue();
    }

    @Test
    void viewShowsBarsRatesAndEta() {
        ProgressView view = new ProgressView();
        view.render(status(Instant.parse("2026-12-04T10:00:00Z"), 1000));
        String text = view.render(status(Instant.parse("2026-12-04T10:00:10Z"), 3000));
        assertThat(text).contains("shop.orders", "full", "[#######.................]", "3,000/~10,000 rows",
                "200 rows/s", "ETA 0m35s", "lag 0.5 s", "source binlog 123 KB behind");
    }

    @Test
    void sourceBacklogCountsTheBinlogBytesAcrossFiles() {
        Map<String, Long> logs = new java.util.LinkedHashMap<>();
        logs.put("bin.000008", 1000L);
        logs.put("bin.000009", 5000L);
        logs.put("bin.000010", 700L);
        BinlogPoint end = new BinlogPoint("bin.000010", 700);
        assertThat(SourceBacklog.bytesBetween(logs, new BinlogPoint("bin.000010", 200), end)).contains(500L);
        assertThat(SourceBacklog.bytesBetween(logs, new BinlogPoint("bin.000008", 400), end))
                .contains(600L + 5000 + 700);
        assertThat(SourceBacklog.bytesBetween(logs, end, end)).contains(0L);
        assertThat(SourceBacklog.bytesBetween(logs, new BinlogPoint("bin.000002", 4), end)).as("purged").isEmpty();
    }

    @Test
    void alertsFireOncePerEpisode() {
        Alerts alerts = new Alerts(new TaskFile.Alerts(5, null));
        assertThat(alerts.check(withLag(1.0))).isEmpty();
        assertThat(alerts.check(withLag(9.0))).containsExactly("lag");
        assertThat(alerts.check(withLag(12.0))).isEmpty();
        assertThat(alerts.check(withLag(0.2))).containsExactly("lag-recovered");
        TaskStatus failed = new TaskStatus("t", Instant.now(), "failed", List.of(), Optional.of(0.0), 0, false,
                List.of(Optional.of(SOURCE), Optional.of(SINK_FAILED)), List.of("t-sink: task 0: gone"),
                Optional.empty());
        assertThat(alerts.check(failed)).containsExactly("task-failed");
        assertThat(alerts.check(failed)).isEmpty();
    }

    private static TaskStatus withLag(double lag) {
        return new TaskStatus("t", Instant.now(), "incremental", List.of(), Optional.of(lag), 0, false,
                List.of(Optional.of(SOURCE), Optional.of(SOURCE)), List.of(), Optional.of(0L));
    }

    private static TaskStatus status(Instant at, long done) {
        return new TaskStatus("t", at, "full", List.of(new TableProgress("shop.orders", "full", 10_000, done, 0, 0,
                1)), Optional.of(0.5), 0, false, List.of(Optional.of(SOURCE)), List.of(), Optional.of(123_456L));
    }
}
