package io.ferry.deploy.progress;

import io.ferry.common.TableId;
import io.ferry.deploy.connect.ConnectRestClient;
import io.ferry.deploy.connect.ConnectRestClient.StoredOffset;
import io.ferry.deploy.connect.ConnectTarget;
import io.ferry.deploy.connect.ConnectorStatus;
import io.ferry.deploy.task.TaskFile;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a task's {@link TaskStatus} from where the truth is, so it works from any process and for any Connect
 * cluster: connector states and the source's offsets from the REST API, topic end offsets from Kafka, the sink's
 * applied offsets from the destination ({@code ferry.ferry_offsets}), row estimates and the binlog end from the
 * source.
 */
public final class StatusProbe {

    private final TaskFile task;
    private final MigratorSettings settings;
    private final ConnectTarget target;
    private final Clock clock;

    public StatusProbe(TaskFile task, MigratorSettings settings, ConnectTarget target, Clock clock) {
        this.task = task;
        this.settings = settings;
        this.target = target;
        this.clock = clock;
    }

    public TaskStatus probe() throws InterruptedException {
        List<String> errors = new ArrayList<>();
        ConnectRestClient rest = target.rest();
        Optional<ConnectorStatus> source = rest.status(task.sourceConnectorName());
        Optional<ConnectorStatus> sink = rest.status(task.sinkConnectorName());
        source.map(ConnectorStatus::firstFailure).ifPresent(f -> errors.add(task.sourceConnectorName() + ": "
                + firstLine(f)));
        sink.map(ConnectorStatus::firstFailure).ifPresent(f -> errors.add(task.sinkConnectorName() + ": "
                + firstLine(f)));
        List<StoredOffset> sourceOffsets = source.isPresent() ? rest.offsets(task.sourceConnectorName()) : List.of();
        SnapshotStripes stripes = SnapshotStripes.of(sourceOffsets);
        Optional<Long> behind = Optional.empty();
        try {
            behind = SourceBacklog.of(settings, sourceOffsets);
        } catch (SQLException e) {
            errors.add("cannot read the source's binlog position: " + e.getMessage());
        }

        Map<TableId, Long> tables = Map.of();
        Map<TopicPartition, Long> applied = Map.of();
        try {
            tables = DatabaseCounts.selectedTables(settings);
        } catch (SQLException e) {
            errors.add("cannot read the source's tables: " + e.getMessage());
        }
        try {
            applied = DatabaseCounts.sinkOffsets(settings, task.sinkConnectorName());
        } catch (SQLException e) {
            errors.add("cannot read the sink's offsets in the destination: " + e.getMessage());
        }
        Set<String> topics = new HashSet<>();
        tables.keySet().forEach(t -> topics.add(topic(t)));
        topics.add(task.name());
        Map<TopicPartition, Long> ends = Map.of();
        OptionalLong oldest = OptionalLong.empty();
        boolean lagKnown = true;
        try (KafkaPositions kafka = new KafkaPositions(target.bootstrapServers())) {
            ends = kafka.endOffsets(topics);
            Map<TopicPartition, Long> pendingFrom = new HashMap<>();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                long next = applied.getOrDefault(end.getKey(), 0L);
                if (end.getValue() > next) {
                    pendingFrom.put(end.getKey(), next);
                }
            }
            oldest = kafka.oldestTimestamp(pendingFrom);
            lagKnown = pendingFrom.isEmpty() || oldest.isPresent();
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
            lagKnown = false;
        }

        List<TableProgress> progress = new ArrayList<>();
        long pendingTotal = 0;
        for (Map.Entry<TableId, Long> table : tables.entrySet()) {
            String topic = topic(table.getKey());
            long done = sum(applied, topic);
            long pending = Math.max(0, sum(ends, topic) - done);
            pendingTotal += pending;
            String name = table.getKey().toString();
            progress.add(new TableProgress(name, tablePhase(name, source.isPresent(), stripes, pending),
                    table.getValue(), done, pending, stripes.done(name), stripes.total(name)));
        }
        long schemaPending = Math.max(0, sum(ends, task.name()) - sum(applied, task.name()));
        pendingTotal += schemaPending;

        Instant now = clock.instant();
        Optional<Double> lag = !lagKnown ? Optional.empty() : Optional.of(oldest.isEmpty() ? 0.0
                : Math.max(0, now.toEpochMilli() - oldest.getAsLong()) / 1000.0);
        boolean running = source.map(ConnectorStatus::isRunning).orElse(false)
                && sink.map(ConnectorStatus::isRunning).orElse(false);
        // Undelayed is about time, not counts: under a steady write load some records are always in flight, but
        // none has waited a second (lag is the age of the oldest record the sink has not applied).
        boolean undelayed = running && errors.isEmpty() && lag.map(l -> l < 1.0).orElse(false);
        String phase = taskPhase(source, sink, progress, errors);
        return new TaskStatus(task.name(), now, phase, progress, lag, pendingTotal, undelayed,
                List.of(source, sink), errors, behind);
    }

    /** Polls until the task is undelayed (see {@link TaskStatus#undelayed()}); fails if a connector fails. */
    public TaskStatus awaitUndelayed(Duration timeout, Duration pollInterval) throws InterruptedException {
        return await(TaskStatus::undelayed, timeout, pollInterval);
    }

    /**
     * Polls until the sink has applied every record in the change topics (and the task is undelayed): what
     * cutover waits for once the source's writes have stopped.
     */
    public TaskStatus awaitDrained(Duration timeout, Duration pollInterval) throws InterruptedException {
        return await(s -> s.undelayed() && s.pending() == 0, timeout, pollInterval);
    }

    private TaskStatus await(java.util.function.Predicate<TaskStatus> done, Duration timeout, Duration pollInterval)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TaskStatus status = probe();
            if (done.test(status)) {
                return status;
            }
            if (status.failed()) {
                throw new IllegalStateException("Task " + task.name() + " failed: " + status.errors());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Task " + task.name() + " was not undelayed within " + timeout
                        + ": " + status.pending() + " records pending, lag " + status.lagSeconds().orElse(null)
                        + " s, errors " + status.errors());
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private String tablePhase(String table, boolean sourceExists, SnapshotStripes stripes, long pending) {
        boolean full = task.includes("full");
        boolean incremental = task.includes("incremental");
        if (!sourceExists) {
            return TableProgress.SCHEMA;
        }
        if (full && !stripes.finished(table)) {
            return TableProgress.FULL;
        }
        if (incremental) {
            return TableProgress.INCREMENTAL;
        }
        return pending > 0 ? TableProgress.FULL : TableProgress.DONE;
    }

    private static String taskPhase(Optional<ConnectorStatus> source, Optional<ConnectorStatus> sink,
                                    List<TableProgress> tables, List<String> errors) {
        if (source.isEmpty() && sink.isEmpty()) {
            return "not-started";
        }
        if (source.map(ConnectorStatus::firstFailure).isPresent() || sink.map(ConnectorStatus::firstFailure)
                .isPresent()) {
            return "failed";
        }
        if (source.map(s -> "PAUSED".equals(s.state())).orElse(false)
                || sink.map(s -> "PAUSED".equals(s.state())).orElse(false)) {
            return "paused";
        }
        for (String phase : List.of(TableProgress.SCHEMA, TableProgress.FULL, TableProgress.INCREMENTAL)) {
            if (tables.stream().anyMatch(t -> t.phase().equals(phase))) {
                return phase;
            }
        }
        return TableProgress.DONE;
    }

    private String topic(TableId table) {
        return task.name() + "." + table.database() + "." + table.table();
    }

    private static long sum(Map<TopicPartition, Long> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String firstLine(String trace) {
        return trace.lines().findFirst().orElse(trace).trim();
    }
}
