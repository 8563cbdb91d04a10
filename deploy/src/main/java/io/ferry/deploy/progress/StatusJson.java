package io.ferry.deploy.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.deploy.connect.ConnectorStatus;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code ferry status --json}, built field by field so that it stays stable (automation reads it;
 * documented in docs/ferry-command.md). Field names are snake_case; absent values are JSON null, never omitted.
 */
public final class StatusJson {

    /** Bumped only when a field changes meaning or disappears; new fields may appear without a bump. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    public static String of(TaskStatus status, List<String> connectorNames) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", VERSION);
        root.put("task", status.task());
        root.put("time", status.at().toString());
        root.put("phase", status.phase());
        root.put("undelayed", status.undelayed());
        if (status.lagSeconds().isPresent()) {
            root.put("lag_seconds", status.lagSeconds().get());
        } else {
            root.putNull("lag_seconds");
        }
        root.put("pending_records", status.pending());
        if (status.sourceBehindBytes().isPresent()) {
            root.put("source_behind_bytes", status.sourceBehindBytes().get());
        } else {
            root.putNull("source_behind_bytes");
        }
        ArrayNode tables = root.putArray("tables");
        for (TableProgress t : status.tables()) {
            ObjectNode table = tables.addObject();
            table.put("table", t.table());
            table.put("phase", t.phase());
            table.put("rows_total_estimate", t.rowsTotal());
            table.put("rows_applied", t.rowsDone());
            table.put("pending_records", t.pending());
            table.put("snapshot_stripes_done", t.stripesDone());
            table.put("snapshot_stripes_total", t.stripesTotal());
        }
        ArrayNode connectors = root.putArray("connectors");
        for (int i = 0; i < status.connectors().size(); i++) {
            Optional<ConnectorStatus> c = status.connectors().get(i);
            ObjectNode connector = connectors.addObject();
            connector.put("name", connectorNames.get(i));
            connector.put("type", i == 0 ? "source" : "sink");
            connector.put("state", c.map(ConnectorStatus::state).orElse("ABSENT"));
            if (c.isPresent() && c.get().trace() != null) {
                connector.put("error", c.get().trace());
            } else {
                connector.putNull("error");
            }
            ArrayNode tasks = connector.putArray("tasks");
            c.ifPresent(s -> s.tasks().forEach(t -> {
                ObjectNode task = tasks.addObject();
                task.put("id", t.id());
                task.put("state", t.state());
                task.put("worker", t.workerId());
                if (t.trace() != null) {
                    task.put("error", t.trace());
                } else {
                    task.putNull("error");
                }
            }));
        }
        ArrayNode errors = root.putArray("errors");
        status.errors().forEach(errors::add);
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
